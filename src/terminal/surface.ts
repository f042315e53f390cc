import type { Grid } from '../render/grid.js';

/** What drawing one frame did: the hook's raw material. */
export interface DrawResult {
  /** The bytes written for this frame ('' when nothing changed). */
  readonly bytes: string;
  /** Cells whose content changed. */
  readonly cellsChanged: number;
  /** Rows with at least one changed cell. */
  readonly rowsChanged: number;
}

/**
 * Where the cursor stands when a surface is opened: `line start` is column 0 of a clean row
 * (after the surface cleared itself, or after the host's complete lines); `anywhere` is not
 * known (at the start, or after the process was suspended), perhaps after a partial line of
 * the host's that must not be overwritten.
 */
export type OpenAt = 'line start' | 'anywhere';

/**
 * Where frames are drawn: the inline region, or the alternate screen. A surface only computes
 * bytes; the caller writes them, so that one `write()` carries each frame and the hook sees
 * exactly what went out.
 */
export interface Surface {
  /** Columns of the region. */
  readonly cols: number;
  /** Rows of the region. */
  readonly rows: number;
  /** Bytes that make room for a region of `cols × rows` at the cursor (scrolling if needed). */
  open(at: OpenAt, cols: number, rows: number): string;
  /** Bytes that turn what the region shows into `grid` (same size as the region). */
  draw(grid: Grid): DrawResult;
  /**
   * Bytes that take the region off the screen and leave the cursor where the region began,
   * so that the host (or the shell, while the process is suspended) can write there.
   */
  clear(): string;
  /**
   * The terminal changed size: bytes that clear what the old region left (wherever the
   * terminal's reflow moved it) and make room for a region of `cols × rows` anew.
   */
  resize(cols: number, rows: number): string;
  /**
   * Bytes that end the animation: clear the region (cursor left where it began) or, with
   * `persist`, keep the last frame and leave the cursor at the start of the line below it.
   */
  close(persist: boolean): string;
}
