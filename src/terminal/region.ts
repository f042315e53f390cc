import type { Grid } from '../render/grid.js';
import { moveCursor } from '../render/encode.js';
import { CSI, cud as down, cuu as up } from '../render/escapes.js';
import { DiffState, type DiffStateOptions } from './diff-state.js';
import type { DrawResult, Surface } from './surface.js';

/** Columns an echoed key ("^C") needs to the cursor's right without wrapping. */
const ECHO_ROOM = 2;
/** Erase from the cursor to the end of the screen. */
const ERASE_DOWN = `${CSI}J`;

/** Options of {@link InlineRegion}: colour and synchronized output. */
export type InlineRegionOptions = DiffStateOptions;

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
  private readonly state: DiffState;

  /**
   * @param cols - columns (the terminal's width)
   * @param rows - rows of the region (already capped at the terminal's height)
   * @param options - colour and synchronized output
   */
  constructor(cols: number, rows: number, options: InlineRegionOptions) {
    this.cols = cols;
    this.rows = rows;
    this.state = new DiffState(cols, rows, options);
  }

  open(): string {
    this.state.reset(this.cols, this.rows);
    // CR first: the region's column arithmetic starts at column 0 whatever came before.
    return this.rows <= 1 ? '\r' : `\r${'\n'.repeat(this.rows - 1)}${up(this.rows - 1)}`;
  }

  /** Note: the region keeps `grid` as what is shown; do not change it before the next draw. */
  draw(grid: Grid): DrawResult {
    const result = this.state.draw(grid);
    const { row, col } = result.cursor;
    // The terminal echoes some keys where the cursor is (Ctrl+C shows "^C" before we clear):
    // near the right edge the echo would wrap and, on the bottom row, scroll the region away
    // from where we think it is. One CR keeps the cursor clear of the last two columns.
    // Nothing we wrote may lie below the cursor: xterm.js, re-wrapping such a row when the
    // terminal narrows, moves the cursor down as if the new lines were above it. So the cursor
    // ends each frame on the lowest written row (at column 0 when it had to move).
    const last = Math.max(row, this.lastWrittenRow());
    if (result.bytes !== '' && (last > row || col < 0 || col > this.cols - ECHO_ROOM - 1)) {
      this.state.cursor = { row: last, col: 0 };
      return { ...result, bytes: result.bytes + moveCursor(row, col, last, 0) };
    }
    return result;
  }

  /** The lowest row holding anything we wrote (0 when none). */
  private lastWrittenRow(): number {
    const last = this.state.written.lastIndexOf(1);
    return last < 0 ? 0 : Math.floor(last / this.cols);
  }

  resize(cols: number, rows: number): string {
    const clear = `\r${up(this.rowsAboveCursorAfterReflow(cols))}${ERASE_DOWN}`;
    this.cols = cols;
    this.rows = rows;
    return clear + this.open();
  }

  close(persist: boolean): string {
    const { row } = this.state.cursor;
    if (persist) return `\r${down(this.rows - 1 - row)}\n`;
    return `\r${up(row)}${ERASE_DOWN}`;
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
    const { cursor, written, shown } = this.state;
    for (let row = 0; row < cursor.row; row++) {
      const base = row * this.cols;
      const extent = written.subarray(base, base + this.cols).lastIndexOf(1) + 1;
      // Re-wrap as terminals do: a wide glyph that would start in the last column goes whole
      // to the next line, so a row can take more lines than extent / width.
      let lines = 1;
      let col = 0;
      for (let x = 0; x < extent; x++) {
        const w = shown.widths[base + x];
        if (w === 0) continue;
        if (col + w > width && col > 0) {
          lines++;
          col = 0;
        }
        col += w;
      }
      rows += lines;
    }
    return rows;
  }
}
