import { createGrid, type Grid } from '../render/grid.js';
import type { SyncMode } from '../motion/index.js';
import { InlineRegion } from './region.js';
import { AlternateScreen } from './fullscreen.js';
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
  /** The terminal's size asked of the terminal now (a TTY's ioctl), as `[columns, rows]`. */
  getWindowSize?(): [number, number];
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
  /**
   * Where frames go: `inline` (default), rows at the cursor below the shell's output; or
   * `alternate`, the whole terminal in the alternate screen buffer (`height` is then the
   * terminal's, and `redraw` is always `diff`), left again on every exit path.
   */
  readonly screen?: 'inline' | 'alternate';
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
  /**
   * Take the region off the screen now, leaving the cursor where the region began, so that the
   * host can write its own output there (the API's interleaving). The next frame makes room
   * below whatever was written and draws in full. Nothing happens while nothing is shown.
   */
  clear(): void;
  /** Start the fixed tick, for a player made with `tick: false`; nothing if it already ticks. */
  play(): void;
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
  return startPlayer(options, await prepareSurface(options));
}

/**
 * The surface a redraw mode needs made ahead of the player: log-update's for `full` (imported
 * only then, to keep it off the start-up path), none for `diff`, which {@link startPlayer}
 * makes itself, synchronously.
 *
 * @param options - the stream, the region's height, the redraw mode and colour
 */
export async function prepareSurface(
  options: Pick<PlayerOptions, 'stream' | 'height' | 'redraw' | 'color' | 'screen'>,
): Promise<Surface | undefined> {
  if (options.redraw !== 'full' || options.screen === 'alternate') return undefined;
  const { cols, rows } = regionSize(options.stream, options.height);
  return createFullRedrawSurface(cols, rows, options.color);
}

/**
 * The terminal's size now. A TTY is asked directly: `columns` and `rows` change only when the
 * process has handled SIGWINCH, and a frame drawn for the old size in between lands where the
 * region no longer is.
 */
function terminalSize(stream: TerminalStream): { columns?: number; rows?: number } {
  try {
    const size = stream.getWindowSize?.();
    if (size !== undefined) return { columns: size[0], rows: size[1] };
  } catch {
    // A stream that cannot say (closed, or no longer a terminal): what it last knew.
  }
  return stream;
}

/** The region's size on a stream: the terminal's width, and `height` rows capped at its height. */
function regionSize(stream: TerminalStream, height: number): { cols: number; rows: number } {
  const terminal = terminalSize(stream);
  return {
    cols: Math.max(1, terminal.columns ?? 80),
    rows: Math.max(1, Math.min(height, terminal.rows ?? height)),
  };
}

/**
 * {@link createPlayer}, synchronously: for the embedding API, whose `start()` and
 * `animate()` draw at once. The differential surface is made here; pass the one
 * {@link prepareSurface} made for `redraw: 'full'` (`options.redraw` is not read).
 *
 * @param options - what to draw, where and how
 * @param surface - a surface made ahead, of the region's current size
 */
export function startPlayer(options: Omit<PlayerOptions, 'redraw'>, surface?: Surface): Player {
  const { stream, fps } = options;
  const fullScreen = options.screen === 'alternate';
  // The alternate screen is the whole terminal, whatever its height now.
  const size = (): { cols: number; rows: number } =>
    regionSize(stream, fullScreen ? (terminalSize(stream).rows ?? options.height) : options.height);
  let { cols, rows } = size();
  const region: Surface =
    surface ??
    (fullScreen ? new AlternateScreen(cols, rows, { color: options.color }) : new InlineRegion(cols, rows, { color: options.color }));
  // Two grids in turn: the surface keeps the one shown while the next is composed into the other.
  let buffers: [Grid, Grid] = [createGrid(cols, rows), createGrid(cols, rows)];
  /** Bytes owed to the screen before the next frame: making room for the region. */
  let pending = region.open();
  /** Whether the region is on the screen now (drawn since it was last opened). */
  let shown = false;
  let frameCount = 0;
  let steps = 0;
  let clock = 0;
  let running = true;
  const startedAt = performance.now();
  let ticker: Ticker | undefined;

  const draw = (time: number): void => {
    fitToTerminal();
    clock = time;
    const grid = options.compose(time, buffers[frameCount % 2]);
    const result = region.draw(grid);
    const bytes = pending + result.bytes;
    pending = '';
    shown = true;
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

  /**
   * Make the region anew at the terminal's current size (reflow-aware, see the surface's
   * `resize`): returns the bytes that clear what is shown and make room again.
   */
  const remake = (): string => {
    ({ cols, rows } = size());
    const bytes = region.resize(cols, rows);
    if (buffers[0].cols !== cols || buffers[0].rows !== rows) {
      buffers = [createGrid(cols, rows), createGrid(cols, rows)];
    }
    return bytes;
  };

  /**
   * Bring the region to the terminal's size if it changed: before every frame (the terminal
   * is asked, so a frame is never drawn for a size it no longer has) and on 'resize'.
   * Returns whether it changed.
   */
  function fitToTerminal(): boolean {
    const next = size();
    if (next.cols === region.cols && next.rows === region.rows) return false;
    if (shown) {
      pending = remake();
    } else {
      // Nothing on the screen to clear: only make room at the new size before the next frame.
      remake();
      pending = region.open();
    }
    return true;
  }

  const onResize = (): void => {
    if (running && fitToTerminal() && shown) draw(clock);
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

  const play = (): void => {
    if (!running || ticker?.running === true) return;
    // A tick started late goes on from the clock the frames drawn on demand reached.
    const offset = options.sync === 'step' ? 0 : (performance.now() - startedAt) / 1000;
    ticker = startTicker({
      fps,
      unref: options.unref,
      onTick: (tick) => {
        if (!running) return false;
        draw(nextTime(offset + tick.time));
        if (!finished()) return true;
        // Let the tick unwind before the caller stops (and perhaps exits).
        setImmediate(() => running && options.onEnd?.('done'));
        return false;
      },
    });
  };

  stream.on('resize', onResize);
  stream.on('error', onError);
  if (options.tick !== false) play();

  return {
    drawNow(): void {
      if (running) draw(nextTime((performance.now() - startedAt) / 1000));
    },
    redraw(): void {
      if (running) draw(clock);
    },
    clear(): void {
      if (!running || !shown) return;
      stream.write(pending + remake());
      // The host writes next, moving the cursor: room is made again from wherever it leaves it.
      pending = region.open();
      shown = false;
    },
    play,
    stop(persist = false): void {
      if (!running) return;
      // A region taken off the screen comes back to be kept; one never shown needs nothing.
      if (persist && !shown && frameCount > 0) draw(clock);
      const bytes = shown ? pending + region.close(persist) : '';
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
