import type { Grid } from '../render/grid.js';
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
    if (result.bytes !== '' && (col < 0 || col > this.cols - ECHO_ROOM - 1)) {
      this.state.cursor = { row, col: 0 };
      return { ...result, bytes: `${result.bytes}\r` };
    }
    return result;
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
    const { cursor, written } = this.state;
    for (let row = 0; row < cursor.row; row++) {
      const extent = written.subarray(row * this.cols, (row + 1) * this.cols).lastIndexOf(1) + 1;
      rows += Math.max(1, Math.ceil(extent / width));
    }
    return rows;
  }
}
