/**
 * The embedding API's animation: the texts, the progress and the session they are drawn in.
 * Options are checked by `options.ts`, frames composed by `frame.ts`, host text made safe by
 * `host-text.ts`; the terminal layer waits for the delay, claims the terminal, interleaves
 * the host's output and puts the terminal back on every exit path (`openEmbeddedSession`).
 */
import { openEmbeddedSession, type EmbeddedSession } from '../terminal/embedded.js';
import { composeSpinnerFrame, spinnerHeight, type Progress, type SpinnerScene } from './frame.js';
import { resolveOptions, type FishConfig, type FishOptions } from './options.js';
import type { StatusKind } from './symbols.js';
import { toLabel } from './host-text.js';
import {
  asText,
  checkProgress,
  statusLine,
  statusSymbol,
  type PersistOptions,
} from './vocabulary.js';

export type { PersistOptions } from './vocabulary.js';

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

/** The animation behind {@link fish}. */
class Animation implements FishAnimation {
  readonly #config: FishConfig;
  #text: string;
  #prefixText: string;
  #suffixText: string;
  #progress: Progress | undefined;
  /** What the frames show; replaced (never changed) when a text or the progress changes. */
  #scene: SpinnerScene;
  /** The animation on the terminal, from `start()` or `animate()` until it ends. */
  #session: EmbeddedSession | undefined;

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
    return this.#session?.running === true;
  }

  start(text?: string): this {
    if (text !== undefined) this.text = text;
    if (!this.#config.interactive) return this;
    if (this.#session?.running === true) this.#session.play();
    else this.#session = this.#begin(true);
    return this;
  }

  stop(): this {
    this.#session?.stop();
    return this;
  }

  clear(): this {
    this.#session?.clear();
    return this;
  }

  animate(): this {
    if (!this.#config.interactive) return this;
    const session = this.#session?.running === true ? this.#session : this.#begin(false);
    this.#session = session;
    session.drawNow();
    return this;
  }

  progress(amount: number, total?: number): this {
    this.#progress = checkProgress(amount, total, this.#progress?.total);
    this.#scene = { ...this.#scene, progress: this.#progress };
    return this.#session?.ticking === true ? this : this.animate();
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
    // Stopping writes the host's held partial line: the status line then starts on a new one.
    const midLine = this.#session?.stop() ?? false;
    const { color, stream } = this.#config;
    const line = statusLine(options, this, color);
    if (line !== '') stream.write(`${midLine ? '\n' : ''}${line}\n`);
    return this;
  }

  /** A status line with the kind's symbol, coloured when colour is on. */
  #status(kind: StatusKind, text: string | undefined): this {
    return this.stopAndPersist({ symbol: statusSymbol(kind, this.#config), text });
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
    this.#session?.redraw();
  }

  /** Begin on the terminal: on the tick, or on `animate()` calls (until `start()`). */
  #begin(tick: boolean): EmbeddedSession {
    const config = this.#config;
    return openEmbeddedSession({
      drawing: {
        compose: (t, into) => composeSpinnerFrame(this.#scene, t, into),
        height: spinnerHeight(config),
        fps: config.fps,
        sync: config.sync,
        redraw: config.redraw,
        color: config.color,
        onFrame: config.onFrame,
        hideCursor: config.hideCursor,
      },
      stream: config.stream,
      tick,
      delay: config.delay,
      signal: config.signal,
      discardStdin: config.discardStdin,
    });
  }
}
