import { createGrid, type Grid } from '../render/grid.js';
import type { SyncMode } from '../motion/index.js';
import { InlineRegion } from './region.js';
import { createFullRedrawSurface } from './full-redraw.js';
import type { Surface } from './surface.js';
import { startTicker, type Ticker } from './tick.js';

/**
 * What the engine tells about each frame it drew: the one introspection hook that tests, the
 * recorder and the benchmarks all listen to.
 */
export interface FrameInfo {
  /** Frames drawn before this one: 0 for the first. */
  readonly index: number;
  /** The animation's clock for this frame, in seconds (on the schedule, not the wall). */
  readonly time: number;
  /** Exactly the bytes this frame wrote ('' when nothing changed). */
  readonly bytes: string;
  /** `bytes` in UTF-8 bytes. */
  readonly byteLength: number;
  /** Cells whose content changed. */
  readonly cellsChanged: number;
  /** Rows with a changed cell. */
  readonly rowsChanged: number;
}

/** The stream a player draws on: a TTY write stream, or anything shaped like one. */
export interface TerminalStream {
  write(chunk: string): boolean;
  readonly columns?: number;
  readonly rows?: number;
  readonly isTTY?: boolean;
  on(event: 'resize', listener: () => void): unknown;
  on(event: 'error', listener: (error: NodeJS.ErrnoException) => void): unknown;
  off(event: 'resize', listener: () => void): unknown;
  off(event: 'error', listener: (error: NodeJS.ErrnoException) => void): unknown;
}

/** Composes the frame at time `t` into `into` (a grid of the region's size) and returns it. */
export type ComposeFrame = (t: number, into: Grid) => Grid;

/** Options of {@link createPlayer}. */
export interface PlayerOptions {
  /** Where frames go. */
  readonly stream: TerminalStream;
  /** Draws a frame. */
  readonly compose: ComposeFrame;
  /** Rows the animation wants (capped at the terminal's height). */
  readonly height: number;
  /** Frames per second. */
  readonly fps: number;
  /** `time`: the clock follows the schedule; `step`: each frame advances it by exactly 1/fps. */
  readonly sync: Extract<SyncMode, 'time' | 'step'>;
  /** `diff` (cell-level, the default) or `full` (log-update). */
  readonly redraw: 'diff' | 'full';
  /** Emit SGR colour. */
  readonly color: boolean;
  /** Draw on a fixed tick (default). Without it, frames are drawn only by `drawNow()`. */
  readonly tick?: boolean;
  /** Stop ticking after this many frames. */
  readonly frames?: number;
  /** Stop ticking once the clock reaches this many seconds. */
  readonly duration?: number;
  /** Keep the timer from holding the process open (for embedding). */
  readonly unref?: boolean;
  /** Called after each frame. */
  readonly onFrame?: (info: FrameInfo) => void;
  /**
   * Called once when the animation ends by itself: `done` when `frames` or `duration` is
   * reached (the caller then calls `stop()`, choosing to persist or not), `closed` when the
   * stream's reader went away (EPIPE; nothing more is written).
   */
  readonly onEnd?: (reason: 'done' | 'closed') => void;
}

/** A running animation on a stream. */
export interface Player {
  /**
   * Draw a frame now, outside the tick (the API's `animate()`): with `step` sync the clock
   * first advances by exactly one interval; with `time` sync it reads the wall clock.
   */
  drawNow(): void;
  /** Redraw the current frame now (after the host changed what `compose` shows). */
  redraw(): void;
  /** Stop: clear the region, or keep the last frame with `persist`; idempotent. */
  stop(persist?: boolean): void;
  /** True until stopped or closed. */
  readonly running: boolean;
  /** Frames drawn so far. */
  readonly frameCount: number;
}

/**
 * Start drawing frames on a stream, at a fixed tick or on demand, differentially by default.
 *
 * The player owns the region, the tick, resize and a closed pipe. It does not touch the
 * cursor's visibility or signals (see `session.ts`), so that a recording can drive it with a
 * stream of its own.
 *
 * @param options - what to draw, where and how
 */
export async function createPlayer(options: PlayerOptions): Promise<Player> {
  const { stream, fps } = options;
  const size = (): { cols: number; rows: number } => ({
    cols: Math.max(1, stream.columns ?? 80),
    rows: Math.max(1, Math.min(options.height, stream.rows ?? options.height)),
  });
  let { cols, rows } = size();
  const surface: Surface =
    options.redraw === 'full'
      ? await createFullRedrawSurface(cols, rows, options.color)
      : new InlineRegion(cols, rows, { color: options.color });
  // Two grids in turn: the surface keeps the one shown while the next is composed into the other.
  let buffers: [Grid, Grid] = [createGrid(cols, rows), createGrid(cols, rows)];
  let pending = surface.open();
  let frameCount = 0;
  let steps = 0;
  let clock = 0;
  let running = true;
  const startedAt = performance.now();
  let ticker: Ticker | undefined;

  const draw = (time: number): void => {
    clock = time;
    const grid = options.compose(time, buffers[frameCount % 2]);
    const result = surface.draw(grid);
    const bytes = pending + result.bytes;
    pending = '';
    if (bytes !== '') stream.write(bytes);
    options.onFrame?.({
      index: frameCount,
      time,
      bytes,
      byteLength: Buffer.byteLength(bytes),
      cellsChanged: result.cellsChanged,
      rowsChanged: result.rowsChanged,
    });
    frameCount++;
  };

  /** The clock for the next frame: one more interval (step), or the schedule's time. */
  const nextTime = (scheduled: number): number => (options.sync === 'step' ? steps++ / fps : scheduled);

  const finished = (): boolean =>
    (options.frames !== undefined && frameCount >= options.frames) ||
    (options.duration !== undefined && clock + 1 / fps > options.duration + 1e-9);

  const onResize = (): void => {
    if (!running) return;
    ({ cols, rows } = size());
    if (cols === surface.cols && rows === surface.rows) return;
    pending = surface.resize(cols, rows);
    buffers = [createGrid(cols, rows), createGrid(cols, rows)];
    draw(clock);
  };

  const detach = (): void => {
    running = false;
    ticker?.stop();
    stream.off('resize', onResize);
    stream.off('error', onError);
  };

  function onError(error: NodeJS.ErrnoException): void {
    // A reader that went away (EPIPE) is no error of ours: stop writing, quietly.
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
    if (!running) return;
    detach();
    options.onEnd?.('closed');
  }

  stream.on('resize', onResize);
  stream.on('error', onError);

  if (options.tick !== false) {
    ticker = startTicker({
      fps,
      unref: options.unref,
      onTick: (tick) => {
        if (!running) return false;
        draw(nextTime(tick.time));
        if (!finished()) return true;
        // Let the tick unwind before the caller stops (and perhaps exits).
        setImmediate(() => running && options.onEnd?.('done'));
        return false;
      },
    });
  }

  return {
    drawNow(): void {
      if (running) draw(nextTime((performance.now() - startedAt) / 1000));
    },
    redraw(): void {
      if (running) draw(clock);
    },
    stop(persist = false): void {
      if (!running) return;
      // A region never drawn was never opened on screen: nothing to take back.
      const bytes = frameCount === 0 ? '' : pending + surface.close(persist);
      detach();
      if (bytes !== '') stream.write(bytes);
    },
    get running() {
      return running;
    },
    get frameCount() {
      return frameCount;
    },
  };
}
