/**
 * The embedding API's animation: the texts, the progress and the session they are drawn in.
 * Options are checked by `options.ts`, frames composed by `frame.ts`, host text made safe by
 * `host-text.ts`; the terminal layer waits for the delay, claims the terminal, interleaves
 * the host's output and puts the terminal back on every exit path (`openEmbeddedSession`).
 */
import { tintArt, type Art, type Style } from '../art/index.js';
import { openEmbeddedSession, type EmbeddedSession } from '../terminal/embedded.js';
import { MAX_TERMINAL, sanitizeSize } from '../terminal/size.js';
import { createGrid } from '../render/grid.js';
import { gridLines } from '../render/lines.js';
import { composeSpinnerFrame, spinnerHeight, type Progress, type SpinnerScene } from './frame.js';
import { NUMBER_OPTIONS } from './option-table.js';
import {
  artOption,
  booleanOption,
  FISH_COLORS,
  numberOption,
  resolveOptions,
  tintOption,
  type FishColor,
  type FishConfig,
  type FishOptions,
} from './options.js';
import { fishPromise } from './promise.js';
import { checkProgress, Vocabulary, type PersistOptions } from './vocabulary.js';

export type { PersistOptions } from './vocabulary.js';

/**
 * A fish that swims while the host works: a spinner (`start()`, then a status method), an
 * animation driven from the host's own loop (`animate()`), or a progress indicator
 * (`progress()`). Every method returns the animation, for chaining.
 */
export interface FishAnimation {
  /**
   * Start animating on the fixed tick (after `delay`, if set). While it runs, what the host
   * writes to the terminal appears above it. When the animation is not enabled (see
   * `isEnabled`), it writes `- text` once instead, as ora does, and nothing when silent.
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
   * Draw now: ora's name for {@link FishAnimation.animate}, which it is.
   *
   * @throws TerminalBusyError when another animation runs on the same terminal
   */
  render(): this;
  /**
   * The current frame (the last one drawn, or the first before any), as lines of text joined
   * by `\n`, as wide as the stream's terminal (80 columns where it tells none) with trailing
   * blanks trimmed, and SGR colour where colour is on: for hosts that draw it themselves.
   */
  frame(): string;
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
  /** True from `start()` or `animate()` until the animation stops (never when not enabled). */
  readonly isSpinning: boolean;
  /**
   * Whether it animates (ora's `isEnabled`); false while silent. Set it false and a running
   * animation is stopped and cleared, and from then on only plain lines are written; set it
   * true and the next `start()` animates, TTY or not.
   */
  isEnabled: boolean;
  /** Whether it writes nothing at all (ora's `isSilent`); set it true and a running animation is stopped and cleared. */
  isSilent: boolean;
  /** Spaces before the line, 0 to 1000; setting it redraws. */
  indent: number;
  /**
   * The creature's tint (ora's `color`): the art is drawn in this colour where it has no
   * colour mask, when colour is on; `false` for none. Setting it redraws.
   */
  color: FishColor | false;
  /**
   * The art in use (ora's `spinner`). Set it as the `art` option (a built-in name, a path, or
   * an `Art`) and the creature is switched at once, on a running animation too.
   *
   * @throws TypeError or ArtError, when set, for art that cannot be used
   */
  get spinner(): Art;
  set spinner(art: string | Art);
}

/**
 * Make an animation (it does not start until `start()`, `animate()` or `progress()`).
 * `fish.promise(action, options)` is {@link fishPromise}, as ora has `oraPromise`.
 *
 * @param options - art, stream, texts, motion and behaviour (see {@link FishOptions}), or just
 *   the text, as ora takes it
 * @returns the animation
 * @throws RangeError or TypeError for an option out of range, or for options that are neither
 *   an object nor a text; ArtError for art that cannot be loaded
 */
export function fish(options?: FishOptions | string): FishAnimation {
  const config = resolveOptions(options, {
    env: process.env,
    defaultStream: process.stderr,
    platform: process.platform,
  });
  return new Animation(config, typeof options === 'string' ? { text: options } : (options ?? {}));
}

/** {@link fishPromise}, as `fish.promise(p, 'Working')` (ora's `oraPromise`). */
fish.promise = fishPromise;

/** The animation behind {@link fish}. */
class Animation extends Vocabulary implements FishAnimation {
  readonly #config: FishConfig;
  #indent: number;
  #enabled: boolean;
  #silent: boolean;
  /** The art as given, and drawn (tinted). */
  #art: Art;
  #tint: Style;
  #drawnArt: Art;
  #progress: Progress | undefined;
  /** What the frames show; replaced (never changed) when a text or the progress changes. */
  #scene: SpinnerScene;
  /** The time of the last frame composed, for `frame()`. */
  #lastTime = 0;
  /** The animation on the terminal, from `start()` or `animate()` until it ends. */
  #session: EmbeddedSession | undefined;

  constructor(config: FishConfig, texts: Pick<FishOptions, 'text' | 'prefixText' | 'suffixText'>) {
    super(texts);
    this.#config = config;
    this.#indent = config.indent;
    this.#enabled = config.interactive;
    this.#silent = config.silent;
    this.#art = config.art;
    this.#tint = config.tint;
    this.#drawnArt = tintArt(this.#art, this.#tint);
    this.#progress = config.sync === 'progress' ? { amount: 0, total: undefined } : undefined;
    this.#scene = this.#makeScene();
  }

  get indent(): number {
    return this.#indent;
  }

  set indent(value: number) {
    this.#indent = numberOption('indent', required(value), NUMBER_OPTIONS.indent) ?? 0;
    this.textsChanged();
  }

  get isEnabled(): boolean {
    return this.#enabled && !this.#silent;
  }

  set isEnabled(value: boolean) {
    this.#enabled = booleanOption('isEnabled', required(value)) ?? false;
    if (!this.isEnabled) this.#session?.stop();
  }

  get isSilent(): boolean {
    return this.#silent;
  }

  set isSilent(value: boolean) {
    this.#silent = booleanOption('isSilent', required(value)) ?? false;
    if (this.#silent) this.#session?.stop();
  }

  get color(): FishColor | false {
    return this.#tint === 0 ? false : FISH_COLORS[this.#tint - 1];
  }

  set color(value: FishColor | false) {
    this.#tint = value === false ? 0 : tintOption('color', value);
    this.#artChanged();
  }

  get spinner(): Art {
    return this.#art;
  }

  set spinner(value: string | Art) {
    this.#art = artOption(required(value));
    this.#artChanged();
  }

  get isSpinning(): boolean {
    return this.#session?.running === true;
  }

  start(text?: string): this {
    if (text !== undefined) this.text = text;
    if (this.#silent) return this;
    // Off a TTY, as ora: `- text` once (nothing without a text).
    if (!this.#enabled) return this.#writeLine({ symbol: this.text === '' ? '' : '-' });
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
    if (!this.isEnabled) return this;
    const session = this.#session?.running === true ? this.#session : this.#begin(false);
    this.#session = session;
    session.drawNow();
    return this;
  }

  render(): this {
    return this.animate();
  }

  frame(): string {
    const { stream, color } = this.#config;
    const cols = sanitizeSize(stream.columns, MAX_TERMINAL.columns) ?? 80;
    const grid = createGrid(cols, spinnerHeight(this.#scene));
    composeSpinnerFrame(this.#scene, this.#lastTime, grid);
    return gridLines(grid, color).join('\n');
  }

  progress(amount: number, total?: number): this {
    this.#progress = checkProgress(amount, total, this.#progress?.total);
    this.#scene = { ...this.#scene, progress: this.#progress };
    return this.#session?.ticking === true ? this : this.animate();
  }

  stopAndPersist(options: PersistOptions = {}): this {
    // Stopping writes the host's held partial line: the status line then starts on a new one.
    const midLine = this.#session?.stop() ?? false;
    if (this.#silent) return this;
    return this.#writeLine(options, midLine);
  }

  protected symbolStyle(): FishConfig {
    return this.#config;
  }

  /**
   * Write one line after `indent` spaces: the status line of `options` (see `statusLine`);
   * nothing when it is empty. After the host's partial line (`midLine`), on a line of its own.
   */
  #writeLine(options: PersistOptions, midLine = false): this {
    const { color, stream } = this.#config;
    const line = this.statusLine(options, color);
    if (line !== '') stream.write(`${midLine ? '\n' : ''}${' '.repeat(this.#indent)}${line}\n`);
    return this;
  }

  #makeScene(): SpinnerScene {
    const { speed, bob, width, color } = this.#config;
    return {
      art: this.#drawnArt,
      speed,
      bob,
      width,
      indent: this.#indent,
      defaultWidth: 'spinner',
      ...this.labels(color),
      progress: this.#progress,
    };
  }

  /** A text changed: compose from the new scene and show it now. */
  protected textsChanged(): void {
    this.#scene = this.#makeScene();
    this.#session?.redraw();
  }

  /**
   * The art or its tint changed. A running animation whose height changes begins again (its
   * region is as tall as the art), ticking as it did; else the new creature is drawn now.
   */
  #artChanged(): void {
    const height = spinnerHeight(this.#scene);
    this.#drawnArt = tintArt(this.#art, this.#tint);
    this.#scene = this.#makeScene();
    const session = this.#session;
    if (session?.running !== true || spinnerHeight(this.#scene) === height) {
      session?.redraw();
      return;
    }
    const { ticking } = session;
    session.stop();
    this.#session = this.#begin(ticking);
    if (!ticking) this.#session.drawNow();
  }

  /** Begin on the terminal: on the tick, or on `animate()` calls (until `start()`). */
  #begin(tick: boolean): EmbeddedSession {
    const config = this.#config;
    return openEmbeddedSession({
      drawing: {
        compose: (t, into) => {
          this.#lastTime = t;
          return composeSpinnerFrame(this.#scene, t, into);
        },
        height: spinnerHeight(this.#scene),
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

/**
 * A member's new value, which unlike an option's cannot be left out: undefined is refused as
 * any other wrong value is, by the check it is passed to. `null` stands in for it there.
 */
function required<T>(value: T): T | null {
  return value ?? null;
}
