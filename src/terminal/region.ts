import { createGrid, type Grid } from '../render/grid.js';
import { encodeDiff, type Cursor } from '../render/encode.js';
import { CSI, cud as down, cuu as up } from '../render/escapes.js';
import type { DrawResult, Surface } from './surface.js';

/** Erase from the cursor to the end of the screen. */
const ERASE_DOWN = `${CSI}J`;

/** Options of {@link InlineRegion}. */
export interface InlineRegionOptions {
  /** Emit SGR colour. */
  readonly color: boolean;
  /** Wrap large multi-row frames in synchronized-output markers (see `encodeDiff`). */
  readonly synchronized?: boolean;
}

/**
 * The differential surface: a region of rows at the cursor, updated cell by cell with
 * relative cursor moves only, so that it works inline below a shell prompt or a host
 * program's output, never scrolling after it has made room once.
 *
 * On resize it assumes a reflowing terminal (xterm.js, VTE, iTerm2, kitty, Windows Terminal,
 * tmux): a row whose written cells reach past the new width is re-wrapped onto several rows.
 * The region knows how far right it has written in each row, so it can find its top again
 * and erase everything from there down.
 */
export class InlineRegion implements Surface {
  cols: number;
  rows: number;
  private shown: Grid;
  private cursor: Cursor = { row: 0, col: 0 };
  /** Per row, one past the rightmost column ever written since the region was (re)made. */
  private extents: Int32Array;
  private readonly options: InlineRegionOptions;

  /**
   * @param cols - columns (the terminal's width)
   * @param rows - rows of the region (already capped at the terminal's height)
   * @param options - colour and synchronized output
   */
  constructor(cols: number, rows: number, options: InlineRegionOptions) {
    this.cols = cols;
    this.rows = rows;
    this.options = options;
    this.shown = createGrid(cols, rows);
    this.extents = new Int32Array(rows);
  }

  open(): string {
    this.cursor = { row: 0, col: 0 };
    // CR first: the region's column arithmetic starts at column 0 whatever came before.
    return this.rows <= 1 ? '\r' : `\r${'\n'.repeat(this.rows - 1)}${up(this.rows - 1)}`;
  }

  /** Note: the region keeps `grid` as what is shown; do not change it before the next draw. */
  draw(grid: Grid): DrawResult {
    const result = encodeDiff(this.shown, grid, this.cursor, {
      color: this.options.color,
      synchronized: this.options.synchronized ?? true,
    });
    if (result.bytes !== '') this.trackExtents(grid);
    this.shown = grid;
    this.cursor = result.cursor;
    return result;
  }

  resize(cols: number, rows: number): string {
    const clear = `\r${up(this.rowsAboveCursorAfterReflow(cols))}${ERASE_DOWN}`;
    this.cols = cols;
    this.rows = rows;
    this.shown = createGrid(cols, rows);
    this.extents = new Int32Array(rows);
    return clear + this.open();
  }

  close(persist: boolean): string {
    if (persist) return `\r${down(this.rows - 1 - this.cursor.row)}\n`;
    return `\r${up(this.cursor.row)}${ERASE_DOWN}`;
  }

  /**
   * The grid now shown: every changed cell lies between the old and the new ink of its row,
   * so the rightmost non-blank cell of either bounds what was written.
   */
  private trackExtents(next: Grid): void {
    const { cols } = next;
    for (let row = 0; row < next.rows; row++) {
      if (this.extents[row] >= cols) continue; // already full width: nothing to learn
      const end = Math.max(lastInk(this.shown, row), lastInk(next, row));
      if (end > this.extents[row]) this.extents[row] = Math.min(end, cols);
    }
  }

  /**
   * How many screen rows lie between the cursor's row and the region's top after reflow.
   * Rows above the cursor re-wrap by what was written in them (spaces count: the terminal
   * holds them as content). The cursor's own row is left alone: xterm.js does not reflow it,
   * and where a terminal does, undershooting leaves a stray row, while overshooting would
   * erase the host's output above the region.
   */
  private rowsAboveCursorAfterReflow(newCols: number): number {
    const width = Math.max(1, newCols);
    let rows = 0;
    for (let row = 0; row < this.cursor.row; row++) {
      rows += Math.max(1, Math.ceil(this.extents[row] / width));
    }
    return rows;
  }
}

/** One past the rightmost non-blank cell of a grid row, 0 for an empty row. */
function lastInk(grid: Grid, row: number): number {
  const start = row * grid.cols;
  for (let col = grid.cols - 1; col >= 0; col--) {
    if (grid.glyphs[start + col] !== ' ' || grid.styles[start + col] !== 0) return col + 1;
  }
  return 0;
}
