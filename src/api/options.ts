/**
 * The embedding API's options: what a host may pass to `fish()`, and the checked, complete
 * configuration an animation runs on. Pure: the environment, the default stream and the
 * platform are passed in by the caller.
 */
import { resolveArt, DEFAULT_ART, type Art, type Style } from '../art/index.js';
import type { SyncMode } from '../motion/index.js';
import { canAnimate, colorEnabled, type Env } from '../terminal/env.js';
import type { FrameInfo } from '../terminal/player.js';
import type { TerminalStream } from '../terminal/stream.js';
import {
  CHOICE_OPTIONS,
  NUMBER_OPTIONS,
  choiceText,
  inRange,
  rangeText,
  refusal,
  type NumberRange,
} from './option-table.js';
import { unicodeSymbolsSupported } from './symbols.js';

/**
 * The stream an animation draws on: `process.stderr` (the default), `process.stdout`, a
 * `tty.WriteStream`, or anything shaped like one (tests and benchmarks use a plain object with
 * `isTTY: true`, `columns`, `rows`, `write`, `on` and `off`).
 */
export type FishStream = TerminalStream;

/** The colours a creature can be tinted with (the art format's eight mask colours). */
export const FISH_COLORS = [
  'black',
  'red',
  'green',
  'yellow',
  'blue',
  'magenta',
  'cyan',
  'white',
] as const;

/** A tint for the creature: one of {@link FISH_COLORS}. */
export type FishColor = (typeof FISH_COLORS)[number];

/** Options of `fish()`. Every one is optional. */
export interface FishOptions {
  /**
   * What swims: a built-in art name (see `listArt()`), the path of an art file, or art from
   * `loadArt(path)` or `parseArt(text)`. Default: the bass, `>))'>`.
   */
  readonly art?: string | Art;
  /** Where to draw. Default: `process.stderr`. */
  readonly stream?: FishStream;
  /** Text after the tank. */
  readonly text?: string;
  /** Text before the tank. */
  readonly prefixText?: string;
  /** Text after `text`. */
  readonly suffixText?: string;
  /** Spaces before the line (the animation's and the status lines'), 0 to 1000. Default 0. */
  readonly indent?: number;
  /**
   * Width of the tank in cells, 1 to 1000. Default: with a `text`, a spinner-sized tank of
   * three art widths (15 cells for the bass) right before it, as ora's spinner sits before its
   * text; without one, the whole line less the texts.
   */
  readonly width?: number;
  /** Cells per second, 0 to 10000. Default 8. */
  readonly speed?: number;
  /** Frames per second, 0.1 to 240. Default 12.5. */
  readonly fps?: number;
  /**
   * Rows the art bobs up and down, 0 to 50 (the animation is `art height + 2 × bob` rows).
   * Default 0.
   */
  readonly bob?: number;
  /**
   * The clock: `time` (the wall clock, default), `step` (each frame advances exactly one
   * interval, so `animate()` is deterministic) or `progress` (the position follows
   * `progress()`; bobbing and the art's frames follow the wall clock).
   */
  readonly sync?: SyncMode;
  /**
   * Colour: `true` or `false`, or by default as the environment says (NO_COLOR, FORCE_COLOR, a
   * TTY); or a tint (`'cyan'`, see {@link FishColor}), as ora's `color`: the creature is drawn
   * in it where the art has no colour mask, and colour is as the environment says.
   */
  readonly color?: boolean | FishColor;
  /** `diff` (cell by cell, the default) or `full` (every line of a changed frame rewritten whole). */
  readonly redraw?: 'diff' | 'full';
  /** Hide the cursor while animating. Default true. */
  readonly hideCursor?: boolean;
  /**
   * Discard what is typed while animating: stdin in raw mode, so that keys never echo into
   * the animation (Ctrl+C, Ctrl+Z and Ctrl+\ still do what their signals do), put back
   * exactly as it was when the animation stops. Default: true when stdin is a TTY on the same
   * terminal that your program is not reading (no 'data' or 'readable' listener, not in raw
   * mode, not flowing); false never touches stdin.
   */
  readonly discardStdin?: boolean;
  /**
   * Draw nothing until the animation has run this many milliseconds, 0 to 2147483647 (about
   * 24.8 days, the longest a timer waits). Default 0.
   */
  readonly delay?: number;
  /** Stop (clearing the animation) when this signal aborts. */
  readonly signal?: AbortSignal;
  /** Called after each frame drawn, with its index, bytes and the cells it changed. */
  readonly onFrame?: (info: FrameInfo) => void;
  /**
   * Animate or not, as ora's `isEnabled`. Default: only on a TTY, with TERM not `dumb`, and no
   * CI variable set (see `isInteractive`). When false, nothing is animated and no escape
   * sequence is written: `start()` writes `- text` and the status methods their plain lines.
   */
  readonly isEnabled?: boolean;
  /** Write nothing at all, as ora's `isSilent`: no animation, no line. Default false. */
  readonly isSilent?: boolean;
}

/**
 * The configuration of an animation: every option of {@link FishOptions} checked and given
 * its value (see there for each), plus what the environment decided.
 */
export interface FishConfig {
  readonly art: Art;
  readonly stream: FishStream;
  readonly indent: number;
  /** Undefined: as the layout decides (see `spinnerLayout`). */
  readonly width: number | undefined;
  readonly speed: number;
  readonly fps: number;
  readonly bob: number;
  readonly sync: SyncMode;
  /** Never on when not interactive: then not one escape sequence is written. */
  readonly color: boolean;
  /** The creature's tint, a colour `Style`; 0 for none. */
  readonly tint: Style;
  readonly redraw: 'diff' | 'full';
  readonly hideCursor: boolean;
  /** Undefined: decided when the animation starts, from what stdin is then. */
  readonly discardStdin: boolean | undefined;
  readonly delay: number;
  readonly signal: AbortSignal | undefined;
  readonly onFrame: ((info: FrameInfo) => void) | undefined;
  /** Animate (else: no frames, plain lines). */
  readonly interactive: boolean;
  /** Write nothing at all. */
  readonly silent: boolean;
  /** Status symbols in Unicode (else ASCII). */
  readonly unicode: boolean;
}

/** What {@link resolveOptions} reads besides the options. */
export interface Surroundings {
  /** The environment, as `process.env`. */
  readonly env: Env;
  /** The stream used when `stream` is not given. */
  readonly defaultStream: FishStream;
  /** As `process.platform`. */
  readonly platform: NodeJS.Platform;
}

/**
 * Whether a stream shows an animation: a TTY, TERM not `dumb`, and no CI variable set (where
 * logs are kept, and an animation would fill them with escape sequences), even on a TTY, as
 * ora decides. The `fish` command follows the same rule.
 *
 * @param stream - the stream
 * @param env - the environment
 */
export function isInteractive(stream: { readonly isTTY?: boolean }, env: Env): boolean {
  return canAnimate(stream, env);
}

/**
 * Check the options and fill in the defaults.
 *
 * @param options - the host's options
 * @param surroundings - the environment, the default stream and the platform
 * @returns the configuration
 * @throws RangeError or TypeError (one line, `fish: …`) for an option out of range or of the
 *   wrong type; ArtError for art that cannot be loaded
 */
export function resolveOptions(
  options: FishOptions | string | undefined,
  surroundings: Surroundings,
): FishConfig {
  const given = optionsObject(options);
  const { env } = surroundings;
  const stream = streamOption(given.stream) ?? surroundings.defaultStream;
  const art = artOption(given.art);
  const interactive = booleanOption('isEnabled', given.isEnabled) ?? isInteractive(stream, env);
  const { color, tint } = colorOption(given.color);
  return {
    art,
    stream,
    indent: numberOption('indent', given.indent, NUMBER_OPTIONS.indent) ?? 0,
    width: numberOption('width', given.width, NUMBER_OPTIONS.width),
    speed:
      numberOption('speed', given.speed, NUMBER_OPTIONS.speed) ?? NUMBER_OPTIONS.speed.default.api,
    fps: numberOption('fps', given.fps, NUMBER_OPTIONS.fps) ?? NUMBER_OPTIONS.fps.default.api,
    bob: numberOption('bob', given.bob, NUMBER_OPTIONS.bob) ?? NUMBER_OPTIONS.bob.default.api,
    sync:
      choiceOption('sync', given.sync, CHOICE_OPTIONS.sync.choices.api) ??
      CHOICE_OPTIONS.sync.default.api,
    color: interactive && (color ?? colorEnabled('auto', stream, env)),
    tint,
    redraw:
      choiceOption('redraw', given.redraw, CHOICE_OPTIONS.redraw.choices.api) ??
      CHOICE_OPTIONS.redraw.default.api,
    hideCursor: booleanOption('hideCursor', given.hideCursor) ?? true,
    discardStdin: booleanOption('discardStdin', given.discardStdin),
    delay:
      numberOption('delay', given.delay, NUMBER_OPTIONS.delay) ?? NUMBER_OPTIONS.delay.default.api,
    signal: signalOption(given.signal),
    onFrame: onFrameOption(given.onFrame),
    interactive,
    silent: booleanOption('isSilent', given.isSilent) ?? false,
    unicode: unicodeSymbolsSupported(env, surroundings.platform),
  };
}

/** The options as an object: a text alone is the animation's `text`, as ora takes it. */
function optionsObject(options: unknown): FishOptions {
  if (options === undefined) return {};
  if (typeof options === 'string') return { text: options };
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new TypeError(`fish: ${refusal('options', 'an object or a text', options)}`);
  }
  return options;
}

/** A stream option: anything with `write`, `on` and `off`, as a writable stream has. */
export function streamOption(value: unknown): FishStream | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'object' && value !== null) {
    const { write, on, off } = value as Partial<Record<'write' | 'on' | 'off', unknown>>;
    if ([write, on, off].every((f) => typeof f === 'function')) return value as FishStream;
  }
  throw new TypeError(
    `fish: ${refusal('stream', 'a writable stream (with write, on and off)', value)}`,
  );
}

/**
 * The art option (and the animation's `spinner`): a name or path (loaded), or art from
 * `loadArt()`/`parseArt()`; the default art when undefined.
 *
 * @param value - what the host passed
 * @throws TypeError for a value that is no art; ArtError for art that cannot be loaded
 */
export function artOption(value: unknown): Art {
  if (value === undefined) return resolveArt(DEFAULT_ART);
  if (typeof value === 'string') return resolveArt(value);
  if (isArt(value)) return value;
  const expected = "a built-in name, an art file's path or art from loadArt() or parseArt()";
  throw new TypeError(`fish: ${refusal('art', expected, value)}`);
}

/** Whether a value has the shape of an `Art` that the engine can draw. */
function isArt(value: unknown): value is Art {
  if (typeof value !== 'object' || value === null) return false;
  const art = value as Partial<Art>;
  const frames = art.frames as Partial<Art['frames']> | undefined;
  return (
    Number.isInteger(art.width) &&
    Number.isInteger(art.height) &&
    frames !== undefined &&
    Array.isArray(frames.right) &&
    Array.isArray(frames.left) &&
    frames.right.length > 0 &&
    frames.right.length === frames.left.length
  );
}

/**
 * The colour option: colour forced on or off, or a tint (colour then as the environment says).
 *
 * @param value - what the host passed
 * @throws TypeError for anything else
 */
export function colorOption(value: unknown): { color: boolean | undefined; tint: Style } {
  if (value === undefined || typeof value === 'boolean') return { color: value, tint: 0 };
  return { color: undefined, tint: tintOption('color', value) };
}

/**
 * A tint: the colour `Style` of one of {@link FISH_COLORS}.
 *
 * @param name - the option's name, for the message
 * @param value - what the host passed
 * @throws TypeError for anything else
 */
export function tintOption(name: string, value: unknown): Style {
  const index = (FISH_COLORS as readonly unknown[]).indexOf(value);
  if (index >= 0) return index + 1;
  const expected = `true, false or ${choiceText(FISH_COLORS.map((c) => `'${c}'`))}`;
  throw new TypeError(`fish: ${refusal(name, expected, value)}`);
}

/**
 * A true-or-false option (or member).
 *
 * @param name - the option's name, for the message
 * @param value - what the host passed
 * @throws TypeError for anything else
 */
export function booleanOption(name: string, value: unknown): boolean | undefined {
  if (value === undefined || typeof value === 'boolean') return value;
  throw new TypeError(`fish: ${refusal(name, 'true or false', value)}`);
}

/** The onFrame option: a function. */
export function onFrameOption(value: unknown): FishConfig['onFrame'] {
  if (value === undefined || typeof value === 'function') return value as FishConfig['onFrame'];
  throw new TypeError(`fish: ${refusal('onFrame', 'a function', value)}`);
}

/** The signal option: an AbortSignal. */
export function signalOption(value: unknown): AbortSignal | undefined {
  if (value === undefined || value instanceof AbortSignal) return value;
  throw new TypeError(`fish: ${refusal('signal', 'an AbortSignal', value)}`);
}

/**
 * A number option: undefined stays undefined; anything else must be a number the range takes
 * (see the table of options, `option-table.ts`).
 *
 * @param name - the option's name, for the message
 * @param value - what the host passed
 * @param range - the numbers it takes
 * @throws RangeError (`fish: fps must be a number from 0.1 to 240, got 0`)
 */
export function numberOption(name: string, value: unknown, range: NumberRange): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !inRange(value, range)) {
    throw new RangeError(`fish: ${refusal(name, rangeText(range), value)}`);
  }
  return value;
}

/** One of a few strings, listed in a message as JavaScript spells them (`'time'`). */
export function choiceOption<T extends string>(
  name: string,
  value: unknown,
  choices: readonly T[],
): T | undefined {
  if (value === undefined) return undefined;
  if ((choices as readonly unknown[]).includes(value)) return value as T;
  const listed = choiceText(choices.map((choice) => `'${choice}'`));
  throw new TypeError(`fish: ${refusal(name, listed, value)}`);
}
