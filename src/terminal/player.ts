import { createClock, type Clock, type ClockReading, type SyncMode } from '../motion/clock.js';
import { createGrid, type Grid } from '../render/grid.js';
import { AlternateScreen } from './fullscreen.js';
import { InlineRegion } from './region.js';
import { SurfaceSizer, type Height } from './size.js';
import { FrameWriter, type TerminalStream } from './stream.js';
import type { OpenAt, Surface } from './surface.js';
import { monotonicMs, startTicker, type Ticker } from './tick.js';

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

/** Composes the frame at time `t` into `into` (a grid of the region's size) and returns it. */
export type Composer = (t: number, into: Grid) => Grid;

/** Options of {@link startPlayer}. */
export interface PlayerOptions {
  /** Where frames go. */
  readonly stream: TerminalStream;
  /** Draws a frame. */
  readonly compose: Composer;
  /**
   * Rows the animation wants (capped at the terminal's height): a number, or a function asked
   * at each frame when the height changes while it runs; the region is made anew, at the
   * cursor, when it does.
   */
  readonly height: Height;
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
 * Where the animation is, as the terminal sees it:
 *
 * - `away`: off the screen, the cursor anywhere (before the first frame, and after the
 *   process was continued, the shell having written its job lines): it comes back at the
 *   cursor, after whatever partial line the cursor stands after;
 * - `cleared`: off the screen for the host's output: it comes back at the start of the line
 *   the host leaves the cursor on;
 * - `shown`; `suspended`, off the screen while the process is stopped; `stopped`, for good.
 */
type Presence = 'away' | 'cleared' | 'shown' | 'suspended' | 'stopped';

/** Off the screen, to come back with the next frame. */
const isOff = (presence: Presence): presence is 'away' | 'cleared' =>
  presence === 'away' || presence === 'cleared';

/** Where the cursor is when the surface opens again, from where the animation is. */
const OPEN_AT: Readonly<Record<'away' | 'cleared', OpenAt>> = {
  away: 'anywhere',
  cleared: 'line start',
};

/** The player behind {@link startPlayer}. */
class FramePlayer implements Player {
  readonly #options: PlayerOptions;
  readonly #clock: Clock;
  readonly #sizer: SurfaceSizer;
  readonly #surface: Surface;
  readonly #writer: FrameWriter;
  /** Two grids in turn: the surface keeps the one shown while the next is composed into the other. */
  #grids: [Grid, Grid];
  #presence: Presence = 'away';
  #frameCount = 0;
  /** Whether the animation ticks (the ticker itself is stopped while suspended). */
  #ticking = false;
  #ticker: Ticker | undefined;

  readonly #onResize = (): void => {
    if (this.#presence === 'shown' && this.#sizer.changed()) this.#draw(this.#clock.time);
  };

  constructor(options: PlayerOptions) {
    this.#options = options;
    const { stream } = options;
    this.#clock = createClock({ fps: options.fps, sync: options.sync, start: monotonicMs() });
    this.#sizer = new SurfaceSizer(stream, options.height, options.screen === 'alternate');
    const { cols, rows } = this.#sizer.size();
    const surfaceOptions = { color: options.color, redraw: options.redraw };
    this.#surface =
      options.screen === 'alternate'
        ? new AlternateScreen(cols, rows, surfaceOptions)
        : new InlineRegion(cols, rows, surfaceOptions);
    this.#grids = [createGrid(cols, rows), createGrid(cols, rows)];
    stream.on('resize', this.#onResize);
    this.#writer = new FrameWriter(stream, {
      onDrain: () => {
        if (this.#presence === 'shown') this.#draw(this.#clock.time);
      },
      onGone: () => this.#end('closed'),
      onFailed: () => this.#end('failed'),
    });
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
    if (this.#drawable()) this.#draw(this.#clock.frame(monotonicMs()));
  }

  redraw(): void {
    if (this.#drawable()) this.#draw(this.#clock.time);
  }

  clear(): void {
    if (this.#presence !== 'shown') return;
    this.#writer.write(this.#surface.clear());
    // The host writes whole lines next: room is made again at the start of the line it leaves.
    this.#presence = 'cleared';
  }

  suspend(): void {
    if (this.#presence === 'stopped' || this.#presence === 'suspended') return;
    this.#ticker?.stop();
    if (this.#presence === 'shown') this.#writer.write(this.#surface.clear());
    this.#presence = 'suspended';
  }

  resume(): void {
    if (this.#presence !== 'suspended') return;
    this.#presence = 'away';
    if (this.#frameCount > 0) this.#draw(this.#clock.time);
    if (this.#ticking) this.#startTicker();
  }

  repaint(): void {
    if (this.#presence !== 'shown') return;
    this.#sizer.note();
    const { cols, rows } = this.#sizer.size();
    this.#writer.write(this.#surface.resize(cols, rows));
    this.#compose(this.#clock.time, '');
  }

  play(): void {
    if (this.#presence === 'stopped' || this.#ticker?.running === true) return;
    this.#ticking = true;
    if (this.#presence !== 'suspended') this.#startTicker();
  }

  stop(persist = false): void {
    if (this.#presence === 'stopped') return;
    // An animation taken off the screen comes back to be kept; one never shown needs nothing.
    if (persist && isOff(this.#presence) && this.#frameCount > 0) this.#draw(this.#clock.time);
    const bytes = this.#presence === 'shown' ? this.#surface.close(persist) : '';
    this.#detach();
    this.#writer.close(bytes);
  }

  /** Whether a frame may be drawn now: not while suspended, not once stopped. */
  #drawable(): boolean {
    return this.#presence !== 'stopped' && this.#presence !== 'suspended';
  }

  /** Draw the frame at `time`: opening the surface where it is off the screen, resizing it where the terminal changed size. */
  #draw(time: number): void {
    const resized = this.#sizer.note();
    const { cols, rows } = this.#sizer.size();
    const presence = this.#presence;
    let before = '';
    if (isOff(presence)) {
      before = this.#surface.open(OPEN_AT[presence], cols, rows);
      this.#presence = 'shown';
    } else if (resized || rows !== this.#surface.rows) {
      before = this.#surface.resize(cols, rows);
    }
    this.#compose(time, before);
  }

  /** Compose the frame at `time`, draw it on the surface after `before`, write it, and tell the hook. */
  #compose(time: number, before: string): void {
    const grid = this.#options.compose(time, this.#nextGrid());
    const result = this.#surface.draw(grid);
    const bytes = before + result.bytes;
    this.#writer.write(bytes);
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

  /** The grid to compose the next frame into, of the surface's size: not the one it shows. */
  #nextGrid(): Grid {
    const { cols, rows } = this.#surface;
    if (this.#grids[0].cols !== cols || this.#grids[0].rows !== rows) {
      this.#grids = [createGrid(cols, rows), createGrid(cols, rows)];
    }
    return this.#grids[this.#frameCount % 2];
  }

  #startTicker(): void {
    this.#ticker = startTicker({
      interval: this.#clock.interval,
      unref: this.#options.unref,
      onTick: (tick) => this.#tick(tick.scheduledAt),
    });
  }

  /** Draw the frame due at `due` (ms), unless the stream is behind; false once done. */
  #tick(due: number): boolean {
    if (this.#presence === 'stopped') return false;
    // A stream nobody drains gets no more frames: the one due when it drains is drawn then.
    if (this.#writer.congested) {
      this.#clock.skip(due);
      return true;
    }
    this.#draw(this.#clock.frame(due));
    if (!this.#finished()) return true;
    // Let the tick unwind before the caller stops (and perhaps exits).
    setImmediate(() => this.#presence !== 'stopped' && this.#options.onEnd?.('done'));
    return false;
  }

  #finished(): boolean {
    const { frames, duration } = this.#options;
    return (
      (frames !== undefined && this.#frameCount >= frames) ||
      // Within a billionth of a second: a step's rounding never adds a frame.
      (duration !== undefined && this.#clock.upcoming > duration + 1e-9)
    );
  }

  /** The terminal went away, or the stream failed: nothing more is written. */
  #end(reason: 'closed' | 'failed'): void {
    this.#detach();
    this.#options.onEnd?.(reason);
  }

  /** Stop ticking and listening for resizes (the writer lets the stream go). */
  #detach(): void {
    this.#presence = 'stopped';
    this.#ticker?.stop();
    this.#options.stream.off('resize', this.#onResize);
  }
}
