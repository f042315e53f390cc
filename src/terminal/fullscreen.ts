import type { Grid } from '../render/grid.js';
import {
  CURSOR_HOME,
  ENTER_ALTERNATE_SCREEN,
  ERASE_SCREEN,
  LEAVE_ALTERNATE_SCREEN,
} from '../render/escapes.js';
import { DiffState, type DiffStateOptions } from './diff-state.js';
import type { DrawResult, OpenAt, Surface } from './surface.js';

/** Options of {@link AlternateScreen}: colour and synchronized output. */
export type AlternateScreenOptions = DiffStateOptions;

/**
 * The full-screen surface: the whole terminal, in the alternate screen buffer, so that the
 * shell's screen comes back untouched at the end. The region is the screen and its top-left
 * is the screen's, so the differential encoder's relative moves start from the home position.
 *
 * Resizing needs no reflow arithmetic (the alternate screen keeps no scrollback): the screen
 * is erased and the next frame drawn whole at the new size.
 */
export class AlternateScreen implements Surface {
  /** The terminal's columns. */
  cols: number;
  /** The terminal's rows. */
  rows: number;
  private readonly state: DiffState;
  /** Whether the terminal is in the alternate screen because of us. */
  private entered = false;

  /**
   * @param cols - the terminal's columns
   * @param rows - the terminal's rows
   * @param options - colour and synchronized output
   */
  constructor(cols: number, rows: number, options: AlternateScreenOptions) {
    this.cols = cols;
    this.rows = rows;
    this.state = new DiffState(cols, rows, options);
  }

  /**
   * Enter the alternate screen (once: entering again would save the cursor's place on the
   * alternate screen over the shell's), and start from a blank screen at home.
   */
  open(_at: OpenAt, cols: number, rows: number): string {
    const enter = this.entered ? '' : ENTER_ALTERNATE_SCREEN;
    this.entered = true;
    return enter + this.blank(cols, rows);
  }

  /** Note: the surface keeps `grid` as what is shown; do not change it before the next draw. */
  draw(grid: Grid): DrawResult {
    return this.state.draw(grid);
  }

  /** Give the shell's screen back for now (the process is being suspended); `open` enters again. */
  clear(): string {
    return this.close();
  }

  /** The terminal's new size: erase the screen; the next frame is drawn whole. */
  resize(cols: number, rows: number): string {
    return this.blank(cols, rows);
  }

  /** Leave the alternate screen: the shell's screen comes back. Nothing can be kept (`persist`). */
  close(): string {
    if (!this.entered) return '';
    this.entered = false;
    return LEAVE_ALTERNATE_SCREEN;
  }

  /** Erase the screen and forget what it showed: the next frame is drawn whole. */
  private blank(cols: number, rows: number): string {
    this.cols = cols;
    this.rows = rows;
    this.state.reset(cols, rows);
    return CURSOR_HOME + ERASE_SCREEN;
  }
}
