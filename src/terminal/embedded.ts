/**
 * An animation embedded in a host program (the API's spinner), sharing the terminal with the
 * host: nothing is drawn until `delay` has passed, so that quick tasks never flash; one
 * animation runs on a terminal at a time; and what the host writes to that terminal comes out
 * whole above the animation, which is drawn again soon after each burst of it. Underneath, a
 * session (`session.ts`) owns the cursor, the keyboard and the exit paths.
 */
import {
  drawingStream,
  hookHostOutput,
  streamsOnTerminal,
  terminalOf,
  type HookableStream,
  type HostOutput,
} from './intercept.js';
import { TerminalBusyError } from './errors.js';
import { keyboardToDiscard } from './keys.js';
import type { Player } from './player.js';
import {
  openSession,
  type EndReason,
  type SessionOptions,
  type TerminalSession,
} from './session.js';
import type { TerminalStream } from './stream.js';
import { monotonicMs } from './tick.js';

/** What an embedded animation draws and how: passed on to its session as they are. */
export type DrawingOptions = Pick<
  SessionOptions,
  'compose' | 'height' | 'fps' | 'sync' | 'redraw' | 'color' | 'onFrame' | 'hideCursor'
>;

/** Options of {@link openEmbeddedSession}. */
export interface EmbeddedOptions {
  /** What to draw and how. */
  readonly drawing: DrawingOptions;
  /** The host's stream the animation draws on (hooked, with the others on its terminal). */
  readonly stream: TerminalStream;
  /** Draw on the fixed tick once drawn (else only on `drawNow()`, until `play()`). */
  readonly tick: boolean;
  /** Milliseconds before anything is drawn. */
  readonly delay: number;
  /** Ends the animation when aborted; an animation on an aborted signal never begins. */
  readonly signal?: AbortSignal;
  /** Discard the keys typed while it runs: the host's choice, or undefined (see `keyboardToDiscard`). */
  readonly discardStdin?: boolean;
  /**
   * Called once when the animation has ended, however it ended (`stop()`, the signal, an exit
   * path such as Ctrl+C, the terminal gone), after the region is cleared, the host's output
   * given back and the terminal let go: a school writes the status lines it still holds.
   *
   * @param reason - how it ended; on `closed` and `failed` nothing more can be written
   * @param midLine - a partial line of the host's was written: the cursor stands after it
   */
  readonly onEnd?: (reason: EndReason, midLine: boolean) => void;
}

/** An animation embedded in a host program. */
export interface EmbeddedSession {
  /** True from the start until it ends (never, on an aborted signal), waiting for `delay` included. */
  readonly running: boolean;
  /** True while it runs on the tick (from the start, or from `play()`). */
  readonly ticking: boolean;
  /** Draw on the fixed tick from now on (once `delay` has passed). */
  play(): void;
  /** Draw a frame now, outside the tick: the host's own loop (once `delay` has passed). */
  drawNow(): void;
  /** Draw the current frame again, after the host changed what it shows (nothing while waiting). */
  redraw(): void;
  /** Take the animation off the screen until the next frame. */
  clear(): void;
  /**
   * Write whole lines above the animation, as the host's complete lines go (the animation
   * drawn again soon after), but ahead of a partial line the host has not finished: that
   * stays held, to come out whole after them (a school's status lines that leave its region).
   *
   * @param lines - text ending in a line feed
   */
  writeAbove(lines: string): void;
  /**
   * End it: the animation cleared, the host's output given back (its held partial line
   * written), the terminal let go for the next animation. Idempotent.
   *
   * @returns true when a partial line of the host's was written: the cursor stands after it
   */
  stop(): boolean;
}

/**
 * Begin an animation in a host program: claim the terminal `stream` is on, and draw when
 * `delay` has passed (at once for 0; on `drawNow()`, or by a timer once it ticks).
 *
 * @param options - what to draw, the delay, the tick, the signal
 * @throws TerminalBusyError when another animation runs on the same terminal
 */
export function openEmbeddedSession(options: EmbeddedOptions): EmbeddedSession {
  return new Embedded(options);
}

/** The terminals an embedded animation runs on (see `terminalOf`): one animation each. */
const busyTerminals = new Set<unknown>();

/**
 * Where an embedded animation is in its life: `waiting` for its delay, `drawing` in a
 * session, `ended`.
 */
type Phase = 'waiting' | 'drawing' | 'ended';

/** The animation behind {@link openEmbeddedSession}. */
class Embedded implements EmbeddedSession {
  readonly #options: EmbeddedOptions;
  readonly #terminal: unknown;
  readonly #delay: Delay;
  #phase: Phase = 'waiting';
  #ticking: boolean;
  /** While drawing: the session, and the host's output around it. */
  #drawing: { readonly session: TerminalSession; readonly host: SharedTerminal } | undefined;
  /** The host's partial line was written as the session ended. */
  #endedMidLine = false;
  readonly #onAbort = (): void => void this.stop();

  constructor(options: EmbeddedOptions) {
    this.#options = options;
    this.#ticking = options.tick;
    this.#terminal = terminalOf(options.stream);
    this.#delay = new Delay(options.delay);
    if (options.signal?.aborted === true) {
      this.#phase = 'ended';
      return;
    }
    if (busyTerminals.has(this.#terminal)) throw new TerminalBusyError();
    busyTerminals.add(this.#terminal);
    options.signal?.addEventListener('abort', this.#onAbort, { once: true });
    if (options.delay === 0) this.#draw();
    else if (this.#ticking) this.#delay.whenPassed(() => this.#draw());
  }

  get running(): boolean {
    return this.#phase !== 'ended';
  }

  get ticking(): boolean {
    return this.#ticking && this.#phase !== 'ended';
  }

  play(): void {
    if (this.#phase === 'ended') return;
    this.#ticking = true;
    if (this.#drawing === undefined) this.#delay.whenPassed(() => this.#draw());
    else this.#drawing.session.player.play();
  }

  drawNow(): void {
    if (this.#phase === 'waiting' && this.#delay.passed) this.#draw();
    this.#drawing?.session.player.drawNow();
  }

  redraw(): void {
    this.#drawing?.session.player.redraw();
  }

  clear(): void {
    this.#drawing?.session.player.clear();
  }

  writeAbove(lines: string): void {
    if (this.#drawing === undefined) this.#options.stream.write(lines);
    else this.#drawing.host.writeAbove(lines);
  }

  stop(): boolean {
    if (this.#phase === 'ended') return false;
    this.#endedMidLine = false;
    // The session's onStop ends the rest.
    if (this.#drawing !== undefined) this.#drawing.session.stop(false);
    else this.#end();
    return this.#endedMidLine;
  }

  /** Put the animation on the screen: the session (region, tick, cursor, exit paths) and the hooks. */
  #draw(): void {
    if (this.#phase !== 'waiting') return;
    this.#phase = 'drawing';
    const options = this.#options;
    // Made before the hooks, so that its writes are the stream's own.
    const stream = drawingStream(options.stream);
    const session = openSession({
      ...options.drawing,
      stream,
      tick: this.#ticking,
      unref: true,
      persist: false,
      keyboard: keyboardToDiscard(options.discardStdin, this.#terminal),
      onStop: (reason) => this.#release(reason),
    });
    this.#drawing = { session, host: shareTerminal(options.stream, stream, session.player) };
  }

  /** The session ended (by `stop()` or an exit path); the region is already off the screen. */
  #release(reason: EndReason): void {
    // The held partial line goes out, unless the stream is gone or broken.
    this.#endedMidLine =
      this.#drawing?.host.restore(reason === 'done' || reason === 'stopped') ?? false;
    this.#drawing = undefined;
    this.#end(reason);
  }

  /** Ended: the timer, the abort listener and the terminal's claim let go; the host told. */
  #end(reason: EndReason = 'stopped'): void {
    if (this.#phase === 'ended') return;
    this.#phase = 'ended';
    this.#delay.cancel();
    this.#options.signal?.removeEventListener('abort', this.#onAbort);
    busyTerminals.delete(this.#terminal);
    this.#options.onEnd?.(reason, this.#endedMidLine);
  }
}

/** The host's output hooked around an animation, and lines of the animation's own above it. */
interface SharedTerminal extends HostOutput {
  /** See {@link EmbeddedSession.writeAbove}. */
  writeAbove(lines: string): void;
}

/**
 * Hook the host's output on the terminal `stream` is on: the animation is taken off the
 * screen before each burst of the host's complete lines, and drawn again once the burst is
 * over (many lines in one turn of the event loop cost one redraw), so that it is not gone
 * until the next tick. The animation's own lines go out the same way, on `drawing`, the
 * stream's own `write`, past the hooks and what they hold.
 */
function shareTerminal(
  stream: HookableStream,
  drawing: TerminalStream,
  player: Player,
): SharedTerminal {
  let redraw: NodeJS.Immediate | undefined;
  const redrawSoon = (): void => {
    redraw ??= setImmediate(() => {
      redraw = undefined;
      player.redraw();
    }).unref();
  };
  const output = hookHostOutput(streamsOnTerminal(stream), {
    before: () => player.clear(),
    after: redrawSoon,
  });
  return {
    writeAbove(lines) {
      player.clear();
      drawing.write(lines);
      redrawSoon();
    },
    restore(flush) {
      if (redraw !== undefined) clearImmediate(redraw);
      redraw = undefined;
      return output.restore(flush);
    },
  };
}

/** The wait before an embedded animation is drawn, from when it began. */
class Delay {
  readonly #start = monotonicMs();
  readonly #ms: number;
  #timer: NodeJS.Timeout | undefined;

  constructor(ms: number) {
    this.#ms = ms;
  }

  /** Whether it has passed. */
  get passed(): boolean {
    return monotonicMs() - this.#start >= this.#ms;
  }

  /** Call `callback` when it has passed (once: a timer already set stays as it is). */
  whenPassed(callback: () => void): void {
    if (this.#timer !== undefined) return;
    const wait = Math.max(0, this.#start + this.#ms - monotonicMs());
    this.#timer = setTimeout(callback, wait);
    this.#timer.unref();
  }

  /** Never call back. */
  cancel(): void {
    clearTimeout(this.#timer);
  }
}
