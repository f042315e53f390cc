import { createGrid, type Grid } from '../render/grid.js';
import { CR, CSI, ED, EL, cpl, cuf, ech } from '../render/escapes.js';
import { gridLines } from '../render/lines.js';
import { DiffState, type DiffStateOptions } from './diff-state.js';
import type { DrawResult, OpenAt, Surface } from './surface.js';

/** Auto-wrap mode (DECAWM) off: a glyph in the last column stays there, and so does the cursor. */
const WRAP_OFF = `${CSI}?7l`;
/** Auto-wrap mode on, as terminals start (and as the host's output needs it). */
const WRAP_ON = `${CSI}?7h`;
/** Further right than any terminal is wide: CUF by this lands in the last column, whatever it is. */
const FAR_RIGHT = 9999;

/** Options of {@link InlineRegion}. */
export interface InlineRegionOptions extends Pick<DiffStateOptions, 'color' | 'synchronized'> {
  /**
   * `diff` (default): only the cells that changed; `full`: every row of a changed frame is
   * rewritten whole, as log-update does, for terminals where cell-level updates misbehave.
   */
  readonly redraw?: 'diff' | 'full';
}

/** The cursor's resting place between frames: the region's first cell. */
const FIRST_CELL = { row: 0, col: 0 } as const;

/**
 * The inline surface: a region of rows at the cursor, below a shell prompt or a host
 * program's output, updated with relative cursor moves only, never scrolling after it has
 * made room once.
 *
 * Terminals disagree about what a resize does to the rows above and below the cursor:
 * tmux, VTE, kitty and iTerm2 re-wrap every row and keep the cursor on its cell; xterm.js
 * re-wraps every row but the cursor's and moves the cursor down for every row it adds, above
 * or below; xterm and the Linux console re-wrap nothing. One arrangement reads the same in
 * all of them, and the region keeps it between frames:
 *
 * - the region is one logical line: each row but the last is soft-wrapped into the next (the
 *   terminal wrapped it itself, when the region was opened), so that a terminal that re-wraps
 *   treats the region's rows as one line, and xterm.js, which leaves the cursor's line alone,
 *   leaves the whole region alone;
 * - the cursor rests on that line's first cell, the region's top-left.
 *
 * After any resize, then, the region begins at the cursor, and everything it drew lies at or
 * below the cursor's row, which is all the region erases: never a row above it, so never a
 * line of the host's. (What a terminal pushed into its scrollback while re-wrapping is out of
 * reach of any cursor move, as it is for every program.)
 *
 * While the region is on the screen, auto-wrap is off: a frame written for a width the
 * terminal has just left (a resize lands between asking the terminal's size and the terminal
 * reading the frame) then cannot wrap onto the next row and leave the cursor below where the
 * region thinks it is. It is on again whenever the region is taken off the screen, for the
 * host's output, the shell, and at the end.
 */
export class InlineRegion implements Surface {
  cols: number;
  rows: number;
  private readonly state: DiffState;
  private readonly full: boolean;
  private readonly color: boolean;

  /**
   * @param cols - columns (the terminal's width)
   * @param rows - rows of the region (already capped at the terminal's height)
   * @param options - colour, synchronized output and the redraw strategy
   */
  constructor(cols: number, rows: number, options: InlineRegionOptions) {
    this.cols = cols;
    this.rows = rows;
    this.full = options.redraw === 'full';
    this.color = options.color;
    this.state = new DiffState(cols, rows, { ...options, chained: true, rest: FIRST_CELL });
  }

  /**
   * Make room for the region below the cursor, as one logical line, and rest on its first cell.
   * From `anywhere`, a partial line the cursor stands after is kept: the region starts on
   * the next row (see {@link startLine}).
   */
  open(at: OpenAt, cols: number, rows: number): string {
    this.cols = cols;
    this.rows = rows;
    this.state.reset(cols, rows);
    const start = at === 'anywhere' ? startLine(cols) : '';
    return WRAP_ON + start + eraseBelow(cols) + chainRows(cols, rows) + WRAP_OFF;
  }

  /** Note: the region keeps `grid` as what is shown; do not change it before the next draw. */
  draw(grid: Grid): DrawResult {
    if (!this.full) return this.state.draw(grid);
    // A full redraw is a diff against a screen whose every cell is unknown, when anything changed.
    const counts = changeCounts(this.state.shown, grid, this.color);
    if (counts.cellsChanged === 0) return { bytes: '', ...counts };
    this.state.shown = unknownGrid(grid.cols, grid.rows);
    return { bytes: this.state.draw(grid).bytes, ...counts };
  }

  clear(): string {
    return eraseBelow(this.cols) + WRAP_ON;
  }

  resize(cols: number, rows: number): string {
    // The cursor is on the region's first cell, or on its row (an echoed key moved it
    // right): whatever the terminal re-wrapped is at or below it, and opening erases that.
    return this.open('line start', cols, rows);
  }

  close(persist: boolean): string {
    if (!persist) return this.clear();
    // Kept as plain lines of text: the rows are no longer one logical line, so the terminal
    // re-wraps them as the host's own lines on a later resize.
    const lines = gridLines(this.state.shown, this.color);
    return `${this.clear()}${lines.join('\r\n')}\r\n`;
  }
}

/**
 * Bytes that take the cursor to column 0 of a fresh row, from a column that is not known,
 * without erasing what is left of the cursor: as many spaces as the terminal is wide, which
 * fill the row exactly from column 0 (leaving the cursor there, in a pending wrap) and wrap
 * onto the next row from any other column; then CR, and EL (see {@link eraseBelow}), which
 * also tells the terminal that the new row does not continue the partial line above it.
 * This is how shells keep a command's last unterminated line before drawing a prompt.
 */
function startLine(cols: number): string {
  return ' '.repeat(cols) + CR;
}

/**
 * Bytes that erase the cursor's row and everything below it, leaving the cursor at column 0
 * of that row. Not ED from column 0: tmux (`scroll-on-clear`) takes an erase from the
 * screen's top-left for a clear screen and scrolls the screen into its history instead.
 * So EL from column 0, and ED from column 1 (in a terminal one column wide there is no column
 * 1, and ED it is).
 */
function eraseBelow(cols: number): string {
  return cols > 1 ? `${CR}${EL}${cuf(1)}${ED}${CR}` : `${CR}${ED}`;
}

/**
 * Bytes that soft-wrap each of the region's rows but the last into the next, from the
 * region's first cell, and come back to it: for each row, the last column is written and one
 * more space makes the terminal wrap onto the next row (scrolling, at the screen's bottom,
 * which is how the region makes room). Then, on the way back up, each row is emptied again
 * with ECH across it, which keeps the wrap in xterm.js and, in tmux, leaves the row holding
 * nothing, so that it adds nothing when tmux re-wraps the screen (see `encodeDiff`'s
 * `chained`). Auto-wrap must be on.
 */
function chainRows(cols: number, rows: number): string {
  if (rows <= 1) return '';
  // One column: every space is in the last column, and each one after the first wraps.
  if (cols <= 1) return ' '.repeat(rows) + cpl(rows - 1);
  // CUF stops at the last column, whatever the terminal's width: the wrap happens even if the
  // terminal changed size since the region last asked.
  let out = '';
  for (let row = 0; row < rows - 1; row++) out += cuf(FAR_RIGHT) + '  ';
  out += CR + ech(FAR_RIGHT);
  for (let row = rows - 2; row >= 0; row--) out += cpl(1) + ech(FAR_RIGHT);
  return out;
}

/** A grid whose every cell differs from any grid's: what a full redraw diffs against. */
function unknownGrid(cols: number, rows: number): Grid {
  const grid = createGrid(cols, rows);
  grid.glyphs.fill('\u0000');
  return grid;
}

/** Cells, and rows, that differ between two grids of the same size (styles only with colour). */
function changeCounts(
  before: Grid,
  after: Grid,
  color: boolean,
): { cellsChanged: number; rowsChanged: number } {
  let cellsChanged = 0;
  let rowsChanged = 0;
  for (let row = 0; row < after.rows; row++) {
    let changed = 0;
    for (let i = row * after.cols; i < (row + 1) * after.cols; i++) {
      const differs =
        before.glyphs[i] !== after.glyphs[i] ||
        before.widths[i] !== after.widths[i] ||
        (color && before.styles[i] !== after.styles[i]);
      if (differs) changed++;
    }
    cellsChanged += changed;
    if (changed > 0) rowsChanged++;
  }
  return { cellsChanged, rowsChanged };
}
