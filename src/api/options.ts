/**
 * The embedding API's options: what a host may pass to `fish()`, and the checked, complete
 * configuration an animation runs on. Pure: the environment, the default stream and the
 * platform are passed in by the caller.
 */
import { resolveArt, DEFAULT_ART, type Art } from '../art/index.js';
import type { SyncMode } from '../motion/index.js';
import { canAnimate, colorEnabled, isCI, type Env } from '../terminal/env.js';
import type { FrameInfo, TerminalStream } from '../terminal/player.js';
import { unicodeSymbolsSupported } from './symbols.js';

/**
 * The stream an animation draws on: `process.stderr` (the default), `process.stdout`, a
 * `tty.WriteStream`, or anything shaped like one (tests and benchmarks use a plain object with
 * `isTTY: true`, `columns`, `rows`, `write`, `on` and `off`).
 */
export type FishStream = TerminalStream;

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
  /**
   * Width of the tank in cells. Default: the whole line, less the texts. A small width (a
   * dozen cells) makes a spinner-sized tank before the text.
   */
  readonly width?: number;
  /** Cells per second. Default 8. */
  readonly speed?: number;
  /** Frames per second. Default 12.5. */
  readonly fps?: number;
  /** Rows the art bobs up and down (the animation is `art height + 2 × bob` rows). Default 0. */
  readonly bob?: number;
  /**
   * The clock: `time` (the wall clock, default), `step` (each frame advances exactly one
   * interval, so `animate()` is deterministic) or `progress` (the position follows
   * `progress()`; bobbing and the art's frames follow the wall clock).
   */
  readonly sync?: SyncMode;
  /** Colour: `true` or `false`, or by default as the environment says (NO_COLOR, FORCE_COLOR, a TTY). */
  readonly color?: boolean;
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
  /** Draw nothing until the animation has run this many milliseconds. Default 0. */
  readonly delay?: number;
  /** Stop (clearing the animation) when this signal aborts. */
  readonly signal?: AbortSignal;
  /** Called after each frame drawn, with its index, bytes and the cells it changed. */
  readonly onFrame?: (info: FrameInfo) => void;
  /**
   * Animate or not. Default: only on a TTY, with TERM not `dumb`, and not under CI (see
   * `isInteractive`). Otherwise nothing is animated and no escape sequence is written.
   */
  readonly interactive?: boolean;
}

/** The default speed, frame rate and bob of the embedding API. */
export const API_DEFAULTS = { speed: 8, fps: 12.5, bob: 0 } as const;

/**
 * The configuration of an animation: every option of {@link FishOptions} checked and given
 * its value (see there for each), plus what the environment decided.
 */
export interface FishConfig {
  readonly art: Art;
  readonly stream: FishStream;
  /** Undefined: the whole line. */
  readonly width: number | undefined;
  readonly speed: number;
  readonly fps: number;
  readonly bob: number;
  readonly sync: SyncMode;
  /** Never on when not interactive: then not one escape sequence is written. */
  readonly color: boolean;
  readonly redraw: 'diff' | 'full';
  readonly hideCursor: boolean;
  /** Undefined: decided when the animation starts, from what stdin is then. */
  readonly discardStdin: boolean | undefined;
  readonly delay: number;
  readonly signal: AbortSignal | undefined;
  readonly onFrame: ((info: FrameInfo) => void) | undefined;
  /** Animate (else: no frames, plain status lines). */
  readonly interactive: boolean;
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
 * Whether a stream shows an animation: a TTY, TERM not `dumb`, and not under CI (where logs
 * are kept, and an animation would fill them with escape sequences).
 *
 * @param stream - the stream
 * @param env - the environment
 */
export function isInteractive(stream: { readonly isTTY?: boolean }, env: Env): boolean {
  return canAnimate(stream, env) && !isCI(env);
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
export function resolveOptions(options: FishOptions, surroundings: Surroundings): FishConfig {
  const { env } = surroundings;
  const stream = options.stream ?? surroundings.defaultStream;
  const art = typeof options.art === 'object' && options.art !== null ? options.art : resolveArt(textOption('art', options.art) ?? DEFAULT_ART);
  const interactive = options.interactive ?? isInteractive(stream, env);
  return {
    art,
    stream,
    width: numberOption('width', options.width, { min: 1, integer: true }),
    speed: numberOption('speed', options.speed, { min: 0 }) ?? API_DEFAULTS.speed,
    fps: numberOption('fps', options.fps, { min: 0.1, max: 240 }) ?? API_DEFAULTS.fps,
    bob: numberOption('bob', options.bob, { min: 0, max: 50, integer: true }) ?? API_DEFAULTS.bob,
    sync: choiceOption('sync', options.sync, ['time', 'step', 'progress'] as const) ?? 'time',
    color: interactive && (options.color ?? colorEnabled('auto', stream, env)),
    redraw: choiceOption('redraw', options.redraw, ['diff', 'full'] as const) ?? 'diff',
    hideCursor: options.hideCursor ?? true,
    discardStdin: booleanOption('discardStdin', options.discardStdin),
    delay: numberOption('delay', options.delay, { min: 0 }) ?? 0,
    signal: options.signal,
    onFrame: options.onFrame,
    interactive,
    unicode: unicodeSymbolsSupported(env, surroundings.platform),
  };
}

/**
 * A number option: undefined stays undefined; anything else must be a finite number in range.
 *
 * @param name - the option's name, for the message
 * @param value - what the host passed
 * @param range - the bounds, and whether it must be whole
 */
export function numberOption(
  name: string,
  value: unknown,
  range: { readonly min: number; readonly max?: number; readonly integer?: boolean },
): number | undefined {
  if (value === undefined) return undefined;
  const max = range.max ?? Number.MAX_SAFE_INTEGER;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < range.min || value > max || (range.integer === true && !Number.isInteger(value))) {
    const kind = range.integer === true ? 'a whole number' : 'a number';
    const bounds = range.max === undefined ? `of at least ${range.min}` : `from ${range.min} to ${range.max}`;
    throw new RangeError(`fish: ${name} must be ${kind} ${bounds}, got ${describe(value)}`);
  }
  return value;
}

/** A flag: undefined, or a boolean. */
function booleanOption(name: string, value: unknown): boolean | undefined {
  if (value === undefined || typeof value === 'boolean') return value;
  throw new TypeError(`fish: ${name} must be true or false, got ${describe(value)}`);
}

/** A text option: undefined, or a string. */
function textOption(name: string, value: unknown): string | undefined {
  if (value === undefined || typeof value === 'string') return value;
  throw new TypeError(`fish: ${name} must be a string, got ${describe(value)}`);
}

/** One of a few strings. */
function choiceOption<T extends string>(name: string, value: unknown, choices: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if ((choices as readonly unknown[]).includes(value)) return value as T;
  const listed = choices.map((choice) => `'${choice}'`).join(', ');
  throw new TypeError(`fish: ${name} must be one of ${listed}, got ${describe(value)}`);
}

/** A value as a message shows it: short, and on one line. */
function describe(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
