import { createGrid, type Grid } from '../render/grid.js';
import { encodeDiff, type Cursor } from '../render/encode.js';
import { CSI, cud as down, cuu as up } from '../render/escapes.js';
import type { DrawResult, Surface } from './surface.js';

/** Columns an echoed key ("^C") needs to the cursor's right without wrapping. */
const ECHO_ROOM = 2;
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
  /** Per cell, 1 where the terminal holds content we wrote (kept by the encoder). */
  private written: Uint8Array;
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
    this.written = new Uint8Array(cols * rows);
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
      written: this.written,
    });
    this.shown = grid;
    const { row, col } = result.cursor;
    // The terminal echoes some keys where the cursor is (Ctrl+C shows "^C" before we clear):
    // near the right edge the echo would wrap and, on the bottom row, scroll the region away
    // from where we think it is. One CR keeps the cursor clear of the last two columns.
    if (result.bytes !== '' && (col < 0 || col > this.cols - ECHO_ROOM - 1)) {
      this.cursor = { row, col: 0 };
      return { ...result, bytes: `${result.bytes}\r` };
    }
    this.cursor = result.cursor;
    return result;
  }

  resize(cols: number, rows: number): string {
    const clear = `\r${up(this.rowsAboveCursorAfterReflow(cols))}${ERASE_DOWN}`;
    this.cols = cols;
    this.rows = rows;
    this.shown = createGrid(cols, rows);
    this.written = new Uint8Array(cols * rows);
    return clear + this.open();
  }

  close(persist: boolean): string {
    if (persist) return `\r${down(this.rows - 1 - this.cursor.row)}\n`;
    return `\r${up(this.cursor.row)}${ERASE_DOWN}`;
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
      const extent = this.written.subarray(row * this.cols, (row + 1) * this.cols).lastIndexOf(1) + 1;
      rows += Math.max(1, Math.ceil(extent / width));
    }
    return rows;
  }
}
