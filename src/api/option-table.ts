/**
 * The one table of options: what each number or choice that the `fish` command
 * (`src/cli/args.ts`) or `fish()` (`src/api/options.ts`) takes means, the values it takes and
 * its default for each source, and the one way a message refuses a value. A limit changes here
 * and nowhere else. The command line reads plain decimals from text and the library takes
 * JavaScript numbers; both ask this table whether the number is one it takes, and say so in
 * the same words, each naming the option as its source does (`--fps`, `fps`).
 *
 * It is in the API's folder because the CLI may import the API and never the reverse (see
 * docs/architecture.md). It is a module of its own, apart from `options.ts`, so that the CLI's
 * argument parser takes the table without the library's option resolution (art loading, the
 * environment, streams).
 */
import { shorten } from '../art/untrusted.js';
import { MAX_TERMINAL } from '../terminal/size.js';

/** Where an option comes from: `cli` the `fish` command line, `api` a host's call of `fish()`. */
type OptionSource = 'cli' | 'api';

/** The numbers a number option takes: finite, from `min` to `max`. */
export interface NumberRange {
  readonly min: number;
  /** Absent: no upper bound. */
  readonly max?: number;
  /** Only whole numbers. */
  readonly whole?: boolean;
}

/** A number option of the table. */
interface NumberOption extends NumberRange {
  /** What it means, in a few words. */
  readonly means: string;
  /**
   * The default on each source that has the option: a source that is a key has it, and
   * `undefined` there means no default (unset, the option is off); a source that is not a
   * key does not have the option.
   */
  readonly default: Readonly<Partial<Record<OptionSource, number | undefined>>>;
}

/** A choice option of the table: one of a few words. */
interface ChoiceOption {
  /** What it means, in a few words. */
  readonly means: string;
  /** The words each source that has the option takes. */
  readonly choices: Readonly<Partial<Record<OptionSource, readonly string[]>>>;
  /** The default on each source that has the option. */
  readonly default: Readonly<Partial<Record<OptionSource, string>>>;
}

/** The number options, by the name both sources give them. */
export const NUMBER_OPTIONS = {
  speed: { means: 'cells per second', min: 0, max: 10_000, default: { cli: 8, api: 8 } },
  fps: { means: 'frames per second', min: 0.1, max: 240, default: { cli: 12.5, api: 12.5 } },
  bob: {
    means: 'bobbing in rows, 0 swims flat',
    min: 0,
    max: 50,
    whole: true,
    // The command is a show of its own, and a fish swims bobbing; the library's animation
    // sits on a host's line of text, which it keeps to the art's height unless asked.
    default: { cli: 1, api: 0 },
  },
  width: {
    means: 'width of the tank in cells',
    min: 1,
    max: MAX_TERMINAL.columns,
    whole: true,
    // Unset: spinner-sized before a text, else the whole line (see `spinnerLayout`).
    default: { api: undefined },
  },
  indent: {
    means: 'spaces before the line',
    min: 0,
    max: MAX_TERMINAL.columns,
    whole: true,
    default: { api: 0 },
  },
  delay: {
    means: 'milliseconds before anything is drawn',
    min: 0,
    // The longest a timer waits (setTimeout's limit, about 24.8 days).
    max: 2 ** 31 - 1,
    default: { api: 0 },
  },
  density: {
    means: 'fish per area of water',
    min: 0.1,
    max: 4,
    default: { cli: 1 },
  },
  frames: {
    means: 'frames before it stops',
    min: 1,
    max: 1e9,
    whole: true,
    default: { cli: undefined },
  },
  duration: { means: 'seconds before it stops', min: 0.001, max: 1e7, default: { cli: undefined } },
  seed: {
    means: 'the seed of every random choice',
    min: 0,
    max: 2 ** 32 - 1,
    whole: true,
    // Unset: a seed of its own each run.
    default: { cli: undefined },
  },
  total: {
    means: 'bytes (--pipe) or steps (--progress) in all',
    min: 0,
    max: Number.MAX_SAFE_INTEGER,
    whole: true,
    // Unset: --pipe takes the size of stdin when it is a file; else the total is unknown.
    default: { cli: undefined },
  },
} as const satisfies Record<string, NumberOption>;

/** The choice options, by the name both sources give them. */
export const CHOICE_OPTIONS = {
  sync: {
    means: 'the clock',
    // `progress` makes the place follow `progress()`, which only a host calls.
    choices: { cli: ['time', 'step'], api: ['time', 'step', 'progress'] },
    default: { cli: 'time', api: 'time' },
  },
  redraw: {
    means: 'how a changed frame is drawn',
    choices: { cli: ['diff', 'full'], api: ['diff', 'full'] },
    default: { cli: 'diff', api: 'diff' },
  },
  color: {
    // The library's `color` is true, false or a tint (see `FishColor`), no choice of these.
    means: "colour from the art's masks",
    choices: { cli: ['auto', 'always', 'never'] },
    default: { cli: 'auto' },
  },
} as const satisfies Record<string, ChoiceOption>;

type Numbers = typeof NUMBER_OPTIONS;
type Choices = typeof CHOICE_OPTIONS;

/** The names of the number options that a source has. */
export type NumberOptionOn<S extends OptionSource> = {
  [K in keyof Numbers]: S extends keyof Numbers[K]['default'] ? K : never;
}[keyof Numbers];

/** The names of the choice options that a source has. */
export type ChoiceOptionOn<S extends OptionSource> = {
  [K in keyof Choices]: S extends keyof Choices[K]['choices'] ? K : never;
}[keyof Choices];

/**
 * Whether a number is one a range takes: finite, within the bounds, and whole if it must be.
 *
 * @param value - the number
 * @param range - the range
 */
export function inRange(value: number, range: NumberRange): boolean {
  return (
    Number.isFinite(value) &&
    value >= range.min &&
    value <= (range.max ?? Number.POSITIVE_INFINITY) &&
    (range.whole !== true || Number.isInteger(value))
  );
}

/**
 * The numbers a range takes, as a message says them: `a number from 0.1 to 240`, `a whole
 * number from 1 to 1000`, `a finite number of at least 0`.
 *
 * @param range - the range
 */
export function rangeText(range: NumberRange): string {
  const kind =
    range.whole === true
      ? 'a whole number'
      : range.max === undefined
        ? 'a finite number'
        : 'a number';
  const bounds =
    range.max === undefined ? `of at least ${range.min}` : `from ${range.min} to ${range.max}`;
  return `${kind} ${bounds}`;
}

/**
 * A few words as a message lists them, the last after `or`: `time or step`,
 * `'time', 'step' or 'progress'`.
 *
 * @param words - the words, each already spelled as its source spells it
 */
export function choiceText(words: readonly string[]): string {
  return words.length < 2
    ? words.join('')
    : `${words.slice(0, -1).join(', ')} or ${words.at(-1) ?? ''}`;
}

/**
 * The one shape of a message that refuses a value: `fps must be a number from 0.1 to 240, got
 * 0` (the library), `--fps must be a number from 0.1 to 240, got "0"` (the command line).
 *
 * @param option - the option, named as its source names it
 * @param expected - what it takes (see {@link rangeText} and {@link choiceText})
 * @param value - what it was given, quoted by {@link quoteValue}
 */
export function refusal(option: string, expected: string, value: unknown): string {
  return `${option} must be ${expected}, got ${quoteValue(value)}`;
}

/**
 * A value as a message shows it: short, on one line, and with no control character (a string
 * in double quotes, an object by its kind), since a value may come from anywhere. Every
 * message of the CLI and the API that shows what a user gave quotes it with this.
 *
 * @param value - anything: a command line's text, a host's JavaScript value
 */
export function quoteValue(value: unknown): string {
  if (typeof value === 'string') return `"${shorten(value)}"`;
  if (value === null || typeof value !== 'object')
    return typeof value === 'function' ? 'a function' : shorten(String(value));
  if (Array.isArray(value)) return 'an array';
  const keys = Object.keys(value);
  return keys.length === 0
    ? '{}'
    : `an object with ${shorten(keys.slice(0, 3).join(', '))}${keys.length > 3 ? ', ...' : ''}`;
}
