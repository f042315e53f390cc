/**
 * The embedding API's animation: the lifecycle that ties the pieces together. Options are
 * checked by `options.ts`, frames composed by `frame.ts`, host text made safe by `text.ts`;
 * the terminal layer draws (`openSession`), hooks the host's output (`hookHostOutput`) and
 * puts the terminal back on every exit path.
 */
import {
  drawingStream,
  hookHostOutput,
  streamsOnTerminal,
  terminalOf,
  type HostOutput,
} from '../terminal/intercept.js';
import { keyboardToDiscard } from '../terminal/keys.js';
import { openSession, type EndReason, type TerminalSession } from '../terminal/session.js';
import { sgr, SGR_RESET } from '../render/escapes.js';
import { composeSpinnerFrame, spinnerHeight, type Progress, type SpinnerScene } from './frame.js';
import { numberOption, resolveOptions, type FishConfig, type FishOptions } from './options.js';
import { ASCII_SYMBOLS, SYMBOL_STYLES, UNICODE_SYMBOLS, type StatusKind } from './symbols.js';
import { lineText, toLabel } from './text.js';

/** What {@link FishAnimation.stopAndPersist} leaves on the screen. */
export interface PersistOptions {
  /** The symbol at the start of the line (default none). */
  readonly symbol?: string;
  /** The text (default: the animation's `text`). */
  readonly text?: string;
  /** Text before the symbol (default: the animation's `prefixText`). */
  readonly prefixText?: string;
  /** Text after the text (default: the animation's `suffixText`). */
  readonly suffixText?: string;
}

/**
 * A fish that swims while the host works: a spinner (`start()`, then a status method), an
 * animation driven from the host's own loop (`animate()`), or a progress indicator
 * (`progress()`). Every method returns the animation, for chaining.
 */
export interface FishAnimation {
  /**
   * Start animating on the fixed tick (after `delay`, if set). While it runs, what the host
   * writes to the terminal appears above it. Nothing happens when the stream is not
   * interactive.
   *
   * @param text - a new `text`
   * @throws TerminalBusyError when another animation runs on the same terminal
   */
  start(text?: string): this;
  /** Stop and clear the animation. Idempotent; a stopped animation can be started again. */
  stop(): this;
  /** Clear the animation from the screen now; it comes back with the next frame. */
  clear(): this;
  /**
   * Advance one step and draw now, for hosts that drive the animation from their own loop
   * (with `sync: 'step'`, frame k is always the same picture). Begins the animation, without
   * a tick, if it is not running.
   *
   * @throws TerminalBusyError when another animation runs on the same terminal
   */
  animate(): this;
  /**
   * Stop, and leave one line: `✔ text` (`+ text` where the terminal may lack Unicode).
   *
   * @param text - the line's text (default: `text`)
   */
  succeed(text?: string): this;
  /**
   * Stop, and leave one line: `✖ text` (`x text`).
   *
   * @param text - the line's text (default: `text`)
   */
  fail(text?: string): this;
  /**
   * Stop, and leave one line: `⚠ text` (`! text`).
   *
   * @param text - the line's text (default: `text`)
   */
  warn(text?: string): this;
  /**
   * Stop, and leave one line: `ℹ text` (`i text`).
   *
   * @param text - the line's text (default: `text`)
   */
  info(text?: string): this;
  /**
   * Stop, and leave one line: prefix, symbol, text and suffix, separated by spaces.
   *
   * @param options - the symbol and texts (defaults: no symbol, the animation's texts)
   */
  stopAndPersist(options?: PersistOptions): this;
  /**
   * Report progress: the creature's place follows it and a label (`42% 42/100`, or the bare
   * amount without a total) travels beside it. The total, once given, is kept. When the
   * animation was started with `start()`, the next tick shows it; otherwise it is drawn now,
   * as `animate()` does.
   *
   * @param amount - how much is done (0 or more)
   * @param total - how much there is in all (0 or more)
   */
  progress(amount: number, total?: number): this;
  /** Text after the tank; setting it redraws. */
  text: string;
  /** Text before the tank; setting it redraws. */
  prefixText: string;
  /** Text after `text`; setting it redraws. */
  suffixText: string;
  /** True from `start()` or `animate()` until the animation stops (never when not interactive). */
  readonly isSpinning: boolean;
}

/** Thrown when an animation would start on a terminal where another one is running. */
export class TerminalBusyError extends Error {
  /** The error, with its one-line message. */
  constructor() {
    super(
      'fish: another animation is already running on this terminal; stop it before starting this one',
    );
    this.name = 'TerminalBusyError';
  }
}

/** The terminals an animation is running on (see `terminalOf`): one animation each. */
const busyTerminals = new Set<unknown>();

/**
 * Make an animation (it does not start until `start()`, `animate()` or `progress()`).
 *
 * @param options - art, stream, texts, motion and behaviour (see {@link FishOptions}), or just
 *   the text, as ora takes it
 * @returns the animation
 * @throws RangeError or TypeError for an option out of range; ArtError for art that cannot
 *   be loaded
 */
export function fish(options?: FishOptions | string): FishAnimation {
  const config = resolveOptions(options, {
    env: process.env,
    defaultStream: process.stderr,
    platform: process.platform,
  });
  return new Animation(config, typeof options === 'string' ? { text: options } : (options ?? {}));
}

/** Where an animation is in its life. */
type Phase = 'idle' | 'waiting' | 'running';

/** The animation behind {@link fish}. */
class Animation implements FishAnimation {
  readonly #config: FishConfig;
  #text: string;
  #prefixText: string;
  #suffixText: string;
  #progress: Progress | undefined;
  /** What the frames show; replaced (never changed) when a text or the progress changes. */
  #scene: SpinnerScene;
  /** `waiting`: started, but nothing drawn until `delay` has passed. */
  #phase: Phase = 'idle';
  /** Started by `start()`, so frames come on the tick (else only from `animate()`). */
  #ticking = false;
  #startedAt = 0;
  #terminal: unknown;
  #session: TerminalSession | undefined;
  #host: HostOutput | undefined;
  #delayTimer: NodeJS.Timeout | undefined;
  #redrawTimer: NodeJS.Immediate | undefined;
  /** The last stop wrote the host's held partial line: a status line starts on a new one. */
  #midLine = false;
  readonly #onAbort = (): void => void this.stop();

  constructor(config: FishConfig, texts: Pick<FishOptions, 'text' | 'prefixText' | 'suffixText'>) {
    this.#config = config;
    this.#text = asText(texts.text);
    this.#prefixText = asText(texts.prefixText);
    this.#suffixText = asText(texts.suffixText);
    this.#progress = config.sync === 'progress' ? { amount: 0, total: undefined } : undefined;
    this.#scene = this.#makeScene();
  }

  get text(): string {
    return this.#text;
  }

  set text(value: string) {
    this.#text = asText(value);
    this.#changed();
  }

  get prefixText(): string {
    return this.#prefixText;
  }

  set prefixText(value: string) {
    this.#prefixText = asText(value);
    this.#changed();
  }

  get suffixText(): string {
    return this.#suffixText;
  }

  set suffixText(value: string) {
    this.#suffixText = asText(value);
    this.#changed();
  }

  get isSpinning(): boolean {
    return this.#phase !== 'idle';
  }

  start(text?: string): this {
    if (text !== undefined) this.text = text;
    if (!this.#config.interactive) return this;
    this.#ticking = true;
    if (this.#phase === 'idle') this.#begin();
    else if (this.#phase === 'waiting') this.#openWhenDue();
    else this.#session?.player.play();
    return this;
  }

  stop(): this {
    if (this.#session !== undefined)
      this.#session.stop(false); // its onStop settles the rest
    else this.#settle();
    return this;
  }

  clear(): this {
    this.#session?.player.clear();
    return this;
  }

  animate(): this {
    if (!this.#config.interactive) return this;
    if (this.#phase === 'idle') this.#begin();
    if (this.#phase === 'waiting' && performance.now() - this.#startedAt >= this.#config.delay)
      this.#open();
    this.#session?.player.drawNow();
    return this;
  }

  progress(amount: number, total?: number): this {
    // A JavaScript host can call it with nothing.
    if ((amount as number | undefined) === undefined) {
      throw new RangeError('fish: progress needs an amount, got undefined');
    }
    const done = numberOption('progress amount', amount, { min: 0 }) ?? 0;
    const all = numberOption('progress total', total, { min: 0 }) ?? this.#progress?.total;
    if (all !== undefined && done > all) {
      throw new RangeError(`fish: progress amount must be at most the total (${all}), got ${done}`);
    }
    this.#progress = { amount: done, total: all };
    this.#scene = { ...this.#scene, progress: this.#progress };
    return this.#ticking && this.#phase !== 'idle' ? this : this.animate();
  }

  succeed(text?: string): this {
    return this.#status('success', text);
  }

  fail(text?: string): this {
    return this.#status('error', text);
  }

  warn(text?: string): this {
    return this.#status('warning', text);
  }

  info(text?: string): this {
    return this.#status('info', text);
  }

  stopAndPersist(options: PersistOptions = {}): this {
    const parts = [
      options.prefixText ?? this.#prefixText,
      options.symbol ?? '',
      options.text ?? this.#text,
      options.suffixText ?? this.#suffixText,
    ];
    this.#midLine = false;
    this.stop();
    const { color, stream } = this.#config;
    const line = parts
      .map((part) => lineText(asText(part), color))
      .filter((part) => part !== '')
      .join(' ');
    // stop() set #midLine (through #release): TypeScript cannot see that from here.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
    if (line !== '') stream.write(`${this.#midLine ? '\n' : ''}${line}\n`);
    this.#midLine = false;
    return this;
  }

  /** A status line with the kind's symbol, coloured when colour is on. */
  #status(kind: StatusKind, text: string | undefined): this {
    const symbol = (this.#config.unicode ? UNICODE_SYMBOLS : ASCII_SYMBOLS)[kind];
    const styled = this.#config.color ? `${sgr(SYMBOL_STYLES[kind])}${symbol}${SGR_RESET}` : symbol;
    return this.stopAndPersist({ symbol: styled, text });
  }

  #makeScene(): SpinnerScene {
    const { art, speed, bob, width, color } = this.#config;
    return {
      art,
      speed,
      bob,
      width,
      prefix: toLabel(this.#prefixText, color),
      text: toLabel(this.#text, color),
      suffix: toLabel(this.#suffixText, color),
      progress: this.#progress,
    };
  }

  /** A text changed: compose from the new scene and show it now. */
  #changed(): void {
    this.#scene = this.#makeScene();
    this.#session?.player.redraw();
  }

  /** Claim the terminal and begin: draw at once, or when `delay` has passed. */
  #begin(): void {
    const { signal, stream } = this.#config;
    if (signal?.aborted === true) return;
    const terminal = terminalOf(stream);
    if (busyTerminals.has(terminal)) throw new TerminalBusyError();
    busyTerminals.add(terminal);
    this.#terminal = terminal;
    signal?.addEventListener('abort', this.#onAbort, { once: true });
    this.#phase = 'waiting';
    this.#startedAt = performance.now();
    if (this.#config.delay === 0) this.#open();
    else this.#openWhenDue();
  }

  /** On the tick, open once `delay` has passed (driven by `animate()`, each call checks). */
  #openWhenDue(): void {
    if (!this.#ticking || this.#delayTimer !== undefined) return;
    const wait = Math.max(0, this.#startedAt + this.#config.delay - performance.now());
    this.#delayTimer = setTimeout(() => this.#open(), wait);
    this.#delayTimer.unref();
  }

  /** Put the animation on the screen: the session (region, tick, cursor, exit paths) and the hooks. */
  #open(): void {
    if (this.#phase !== 'waiting') return;
    const config = this.#config;
    // Made before the hooks, so that its writes are the stream's own.
    const stream = drawingStream(config.stream);
    const height = spinnerHeight(config);
    this.#phase = 'running';
    const session = openSession({
      stream,
      compose: (t, into) => composeSpinnerFrame(this.#scene, t, into),
      height,
      fps: config.fps,
      sync: config.sync,
      redraw: config.redraw,
      color: config.color,
      tick: this.#ticking,
      unref: true,
      onFrame: config.onFrame,
      persist: false,
      hideCursor: config.hideCursor,
      keyboard: keyboardToDiscard(config.discardStdin, this.#terminal),
      onStop: (reason) => this.#release(reason),
    });
    this.#session = session;
    this.#host = hookHostOutput(streamsOnTerminal(config.stream), {
      before: () => session.player.clear(),
      after: () => this.#redrawSoon(),
    });
  }

  /**
   * Draw again once the host's burst of output is over (many lines in one turn of the event
   * loop cost one redraw), so that the animation is not gone until the next tick.
   */
  #redrawSoon(): void {
    if (this.#redrawTimer !== undefined) return;
    this.#redrawTimer = setImmediate(() => {
      this.#redrawTimer = undefined;
      this.#session?.player.redraw();
    });
    this.#redrawTimer.unref();
  }

  /** The session ended (by `stop()` or an exit path); the region is already off the screen. */
  #release(reason: EndReason): void {
    // The held partial line goes out, unless the stream is gone or broken.
    this.#midLine = this.#host?.restore(reason === 'done' || reason === 'stopped') ?? false;
    this.#host = undefined;
    this.#session = undefined;
    this.#settle();
  }

  /** Back to idle: timers, the abort listener and the terminal's claim let go. */
  #settle(): void {
    if (this.#phase === 'idle') return;
    this.#phase = 'idle';
    this.#ticking = false;
    clearTimeout(this.#delayTimer);
    this.#delayTimer = undefined;
    if (this.#redrawTimer !== undefined) clearImmediate(this.#redrawTimer);
    this.#redrawTimer = undefined;
    this.#config.signal?.removeEventListener('abort', this.#onAbort);
    busyTerminals.delete(this.#terminal);
    this.#terminal = undefined;
  }
}

/** A text property as a string, whatever a JavaScript host passed. */
function asText(value: unknown): string {
  if (value === undefined || value === null) return '';
  // What JavaScript makes of any value: a host that passes an object sees what it passed.
  // eslint-disable-next-line @typescript-eslint/no-base-to-string
  return typeof value === 'string' ? value : String(value);
}
