import { createGrid, type Grid } from '../render/grid.js';
import { createClock, type Clock, type ClockReading, type SyncMode } from '../motion/clock.js';
import { InlineRegion } from './region.js';
import { AlternateScreen } from './fullscreen.js';
import type { OpenAt, Surface } from './surface.js';
import { startTicker, type Ticker } from './tick.js';

/**
 * What the engine tells about each frame it drew: the one introspection hook that tests and
 * the benchmarks listen to (a recording takes every byte written, as a tee on the stream).
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
  /** Writes a chunk; `callback` (where the stream takes one) once it is written or failed. */
  write(chunk: string, callback?: (error?: Error | null) => void): boolean;
  readonly columns?: number;
  readonly rows?: number;
  readonly isTTY?: boolean;
  /** The terminal's size asked of the terminal now (a TTY's ioctl), as `[columns, rows]`. */
  getWindowSize?(): [number, number];
  on(event: 'resize' | 'drain', listener: () => void): unknown;
  on(event: 'error', listener: (error: NodeJS.ErrnoException) => void): unknown;
  off(event: 'resize' | 'drain', listener: () => void): unknown;
  off(event: 'error', listener: (error: NodeJS.ErrnoException) => void): unknown;
}

/** Composes the frame at time `t` into `into` (a grid of the region's size) and returns it. */
export type ComposeFrame = (t: number, into: Grid) => Grid;

/** Options of {@link startPlayer}. */
export interface PlayerOptions {
  /** Where frames go. */
  readonly stream: TerminalStream;
  /** Draws a frame. */
  readonly compose: ComposeFrame;
  /** Rows the animation wants (capped at the terminal's height). */
  readonly height: number;
  /** Frames per second. */
  readonly fps: number;
  /**
   * `time` (and `progress`, whose clock only bobs and flips frames): the clock follows the
   * wall, on the tick's schedule; `step`: each frame advances it by exactly one interval.
   */
  readonly sync: SyncMode;
  /** `diff` (cell-level, the default) or `full` (every row of a changed frame rewritten whole). */
  readonly redraw?: 'diff' | 'full';
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
   * reached (the caller then calls `stop()`, choosing to persist or not); `closed` when the
   * terminal went away (EPIPE, EIO; nothing more is written); `failed` when the stream's
   * `write` threw (nothing more is written, and the error is thrown on to the caller of the
   * method that drew, or out of the tick, once).
   */
  readonly onEnd?: (reason: 'done' | 'closed' | 'failed') => void;
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
   * Take the animation off the screen now, leaving the cursor where it began, so that the
   * host can write its own lines there (the API's interleaving). The next frame makes room
   * below whatever was written. Nothing happens while nothing is shown.
   */
  clear(): void;
  /**
   * Before the process is stopped (Ctrl+Z): stop the tick and take the animation off the
   * screen (the alternate screen is left), so the shell gets a clean terminal back.
   */
  suspend(): void;
  /**
   * After the process is continued: make room again wherever the shell left the cursor (the
   * alternate screen is entered again), draw at once, and tick again if it ticked.
   */
  resume(): void;
  /** Erase what the animation shows and draw it whole (whatever else wrote over it is gone). */
  repaint(): void;
  /** Start the fixed tick, for a player made with `tick: false`; nothing if it already ticks. */
  play(): void;
  /** Stop: clear the animation, or keep the last frame with `persist`; idempotent. */
  stop(persist?: boolean): void;
  /** True until stopped or closed. */
  readonly running: boolean;
  /** Frames drawn so far. */
  readonly frameCount: number;
  /** The animation's clock: the time of the frame shown, and of the next one. */
  readonly clock: ClockReading;
}

/** Write errors that mean the terminal or the pipe's reader went away: no error of ours. */
const GONE = new Set(['EPIPE', 'EIO', 'ENXIO', 'ERR_STREAM_DESTROYED']);

/**
 * The largest terminal the engine believes in. A stream may report any number: one above
 * these is taken as these (a grid of a billion cells would take the process down), and one
 * that is not a whole number of at least 1 is not a size at all.
 */
export const MAX_TERMINAL = { columns: 1000, rows: 500 } as const;

/**
 * A size a stream reports, as the engine takes it: a whole number from 1 to `max`, or
 * undefined where it is no size at all (NaN, 0, negative, not a number).
 *
 * @param value - what the stream said
 * @param max - the largest size believed
 */
export function sanitizeSize(value: unknown, max: number): number | undefined {
  if (typeof value !== 'number' || !(value >= 1)) return undefined;
  return Math.min(max, Math.floor(value));
}

/**
 * Start drawing frames on a stream, at a fixed tick or on demand, differentially by default.
 * The first frame is drawn at once when the player ticks.
 *
 * The player owns the surface, the tick, resize and a terminal that went away. It does not
 * touch the cursor's visibility, keys or signals (see `session.ts`), so that a recording can
 * drive it with a stream of its own.
 *
 * @param options - what to draw, where and how
 */
export function startPlayer(options: PlayerOptions): Player {
  return new FramePlayer(options);
}

/**
 * The terminal's size now. A TTY is asked directly: `columns` and `rows` change only when the
 * process has handled SIGWINCH, and a frame drawn for the old size in between lands where the
 * region no longer is.
 */
function terminalSize(stream: TerminalStream): { columns?: number; rows?: number } {
  let size: readonly unknown[] = [stream.columns, stream.rows];
  try {
    size = stream.getWindowSize?.() ?? size;
  } catch {
    // A stream that cannot say (closed, or no longer a terminal): what it last knew.
  }
  return {
    columns: sanitizeSize(size[0], MAX_TERMINAL.columns),
    rows: sanitizeSize(size[1], MAX_TERMINAL.rows),
  };
}

/**
 * Where the animation is, as the terminal sees it: `shown` on the screen; `cleared` off it
 * for the host's output, to come back at the start of the line the host leaves the cursor on;
 * `suspended` off it while the process is stopped, to come back wherever the shell leaves the
 * cursor; `stopped` for good.
 */
type Presence = 'shown' | 'cleared' | 'suspended' | 'stopped';

/** The player behind {@link startPlayer}. */
class FramePlayer implements Player {
  readonly #options: PlayerOptions;
  readonly #stream: TerminalStream;
  readonly #surface: Surface;
  /** Two grids in turn: the surface keeps the one shown while the next is composed into the other. */
  #buffers: [Grid, Grid];
  #presence: Presence = 'cleared';
  /** Where the cursor is when the surface next opens. */
  #openAt: OpenAt = 'anywhere';
  #frameCount = 0;
  readonly #clock: Clock;
  #ticker: Ticker | undefined;
  /** Whether the animation ticks (the ticker itself is stopped while suspended). */
  #ticking = false;
  /**
   * The terminal's size when the surface was last opened or resized. Not the surface's: a
   * terminal that gets lower may take rows from below the cursor even where the surface keeps
   * its height, so any change of the terminal's size makes the surface anew.
   */
  #terminal = { columns: 0, rows: 0 };
  /**
   * The stream's buffer is full (`write` returned false): nobody reads it as fast as frames
   * come. Frames are skipped until it drains, then the latest is drawn.
   */
  #congested = false;

  readonly #onDrain = (): void => {
    this.#congested = false;
    this.#stream.off('drain', this.#onDrain);
    if (this.#presence === 'shown') this.#draw(this.#clock.time);
  };

  readonly #onResize = (): void => {
    if (this.#presence === 'shown' && this.#terminalChanged()) this.#draw(this.#clock.time);
  };

  readonly #onError = (error: NodeJS.ErrnoException): void => {
    if (!GONE.has(error.code ?? '')) throw error;
    if (this.#presence === 'stopped') return;
    this.#detach();
    this.#options.onEnd?.('closed');
  };

  constructor(options: PlayerOptions) {
    this.#options = options;
    this.#stream = options.stream;
    this.#clock = createClock({ fps: options.fps, sync: options.sync, start: performance.now() });
    const { cols, rows } = this.#size();
    const surfaceOptions = { color: options.color, redraw: options.redraw };
    this.#surface =
      options.screen === 'alternate'
        ? new AlternateScreen(cols, rows, surfaceOptions)
        : new InlineRegion(cols, rows, surfaceOptions);
    this.#buffers = [createGrid(cols, rows), createGrid(cols, rows)];
    this.#stream.on('resize', this.#onResize);
    this.#stream.on('error', this.#onError);
    if (options.tick !== false) this.play();
  }

  get running(): boolean {
    return this.#presence !== 'stopped';
  }

  get frameCount(): number {
    return this.#frameCount;
  }

  get clock(): ClockReading {
    return this.#clock;
  }

  drawNow(): void {
    // Not while suspended: the process is about to stop (or a host's SIGTSTP listener runs),
    // and resume() draws at once.
    if (this.#presence === 'stopped' || this.#presence === 'suspended') return;
    this.#draw(this.#clock.frame(performance.now()));
  }

  redraw(): void {
    if (this.#presence !== 'stopped' && this.#presence !== 'suspended')
      this.#draw(this.#clock.time);
  }

  clear(): void {
    if (this.#presence !== 'shown') return;
    this.#write(this.#surface.clear());
    this.#presence = 'cleared';
    // The host writes whole lines next: room is made again at the start of the line it leaves.
    this.#openAt = 'line start';
  }

  suspend(): void {
    if (this.#presence === 'stopped' || this.#presence === 'suspended') return;
    this.#ticker?.stop();
    if (this.#presence === 'shown') this.#write(this.#surface.clear());
    this.#presence = 'suspended';
  }

  resume(): void {
    if (this.#presence !== 'suspended') return;
    this.#presence = 'cleared';
    // The shell wrote its job lines meanwhile, and may have left the cursor anywhere.
    this.#openAt = 'anywhere';
    if (this.#frameCount > 0) this.#draw(this.#clock.time);
    if (this.#ticking) this.#startTicker();
  }

  repaint(): void {
    if (this.#presence !== 'shown') return;
    this.#terminalResized();
    const { cols, rows } = this.#size();
    this.#write(this.#surface.resize(cols, rows));
    this.#fitBuffers(cols, rows);
    this.#surfaceDraw(this.#clock.time, '');
  }

  play(): void {
    if (this.#presence === 'stopped' || this.#ticker?.running === true) return;
    this.#ticking = true;
    if (this.#presence !== 'suspended') this.#startTicker();
  }

  stop(persist = false): void {
    if (this.#presence === 'stopped') return;
    // An animation taken off the screen comes back to be kept; one never shown needs nothing.
    if (persist && this.#presence === 'cleared' && this.#frameCount > 0)
      this.#draw(this.#clock.time);
    const bytes = this.#presence === 'shown' ? this.#surface.close(persist) : '';
    this.#detach();
    if (bytes === '') {
      this.#stream.off('error', this.#onError);
      return;
    }
    // A write that fails (the terminal went away) reports it a moment after its callback:
    // keep listening until then, so that it never reaches the host as an unhandled 'error'.
    try {
      this.#stream.write(bytes, () =>
        setImmediate(() => this.#stream.off('error', this.#onError)).unref(),
      );
    } catch (error) {
      this.#stream.off('error', this.#onError);
      throw error;
    }
  }

  /** Draw the frame at `time`: opening the surface where it is off the screen, resizing it where the terminal changed size. */
  #draw(time: number): void {
    const resized = this.#terminalResized();
    const { cols, rows } = this.#size();
    let bytes = '';
    if (this.#presence !== 'shown') {
      bytes = this.#surface.open(this.#openAt, cols, rows);
      this.#presence = 'shown';
    } else if (resized) {
      bytes = this.#surface.resize(cols, rows);
    }
    this.#fitBuffers(cols, rows);
    this.#surfaceDraw(time, bytes);
  }

  /** Compose the frame at `time`, draw it on the surface after `before`, write it, and tell the hook. */
  #surfaceDraw(time: number, before: string): void {
    const grid = this.#options.compose(time, this.#buffers[this.#frameCount % 2]);
    const result = this.#surface.draw(grid);
    const bytes = before + result.bytes;
    if (bytes !== '') this.#write(bytes);
    this.#options.onFrame?.({
      index: this.#frameCount,
      time,
      bytes,
      byteLength: Buffer.byteLength(bytes),
      cellsChanged: result.cellsChanged,
      rowsChanged: result.rowsChanged,
    });
    this.#frameCount++;
  }

  #startTicker(): void {
    this.#ticker = startTicker({
      interval: this.#clock.interval,
      unref: this.#options.unref,
      onTick: (tick) => {
        if (this.#presence === 'stopped') return false;
        // A stream nobody drains gets no more frames: the one due when it drains is drawn then.
        if (this.#congested) {
          this.#clock.skip(tick.scheduledAt);
          return true;
        }
        this.#draw(this.#clock.frame(tick.scheduledAt));
        if (!this.#finished()) return true;
        // Let the tick unwind before the caller stops (and perhaps exits).
        setImmediate(() => this.#presence !== 'stopped' && this.#options.onEnd?.('done'));
        return false;
      },
    });
  }

  #finished(): boolean {
    const { frames, duration } = this.#options;
    return (
      (frames !== undefined && this.#frameCount >= frames) ||
      // Within a billionth of a second: a step's rounding never adds a frame.
      (duration !== undefined && this.#clock.upcoming > duration + 1e-9)
    );
  }

  /** The surface's size on the terminal: its width, and the rows the animation wants, capped at its height. */
  #size(): { cols: number; rows: number } {
    const terminal = terminalSize(this.#stream);
    // The alternate screen is the whole terminal, whatever its height now.
    const wanted =
      this.#options.screen === 'alternate'
        ? (terminal.rows ?? this.#options.height)
        : this.#options.height;
    return {
      cols: Math.max(1, terminal.columns ?? 80),
      rows: Math.max(1, Math.min(wanted, terminal.rows ?? wanted)),
    };
  }

  /** Whether the terminal's size is not the one last noted. */
  #terminalChanged(): boolean {
    const { columns = 80, rows = this.#options.height } = terminalSize(this.#stream);
    return columns !== this.#terminal.columns || rows !== this.#terminal.rows;
  }

  /** Whether the terminal's size changed since it was last noted, noting the new one. */
  #terminalResized(): boolean {
    const { columns = 80, rows = this.#options.height } = terminalSize(this.#stream);
    if (columns === this.#terminal.columns && rows === this.#terminal.rows) return false;
    this.#terminal = { columns, rows };
    return true;
  }

  #fitBuffers(cols: number, rows: number): void {
    if (this.#buffers[0].cols !== cols || this.#buffers[0].rows !== rows) {
      this.#buffers = [createGrid(cols, rows), createGrid(cols, rows)];
    }
  }

  /**
   * Write to the stream. A stream whose buffer fills is drawn on again when it drains; one
   * whose `write` throws is done with: nothing more is written, everything is let go, and the
   * error goes on to whoever drew (the host's call, or the tick), once.
   */
  #write(bytes: string): void {
    if (bytes === '') return;
    let drained: boolean;
    try {
      drained = this.#stream.write(bytes);
    } catch (error) {
      if (this.#presence !== 'stopped') {
        this.#detach();
        this.#stream.off('error', this.#onError);
        this.#options.onEnd?.('failed');
      }
      throw error;
    }
    if (!drained && !this.#congested) {
      this.#congested = true;
      this.#stream.on('drain', this.#onDrain);
    }
  }

  /** Stop ticking and listening for resizes and drains (the error listener goes last, see `stop`). */
  #detach(): void {
    this.#presence = 'stopped';
    this.#ticker?.stop();
    this.#stream.off('resize', this.#onResize);
    this.#stream.off('drain', this.#onDrain);
  }
}
