import { parseArgs } from 'node:util';

/** Everything the `fish` command can be asked, parsed and checked. */
export interface CliOptions {
  /** The one creature of the inline mode (`--art` given once). */
  readonly art?: string;
  /** Every `--art` given, in order: the aquarium's own creatures (at most one without `--aquarium`). */
  readonly arts: readonly string[];
  /** Fill the terminal with a tank of creatures. */
  readonly aquarium: boolean;
  /** Fish per area in the aquarium, relative to the default. */
  readonly density: number;
  readonly speed: number;
  readonly fps: number;
  readonly bob: number;
  readonly sync: 'time' | 'step';
  readonly frames?: number;
  readonly duration?: number;
  readonly redraw: 'diff' | 'full';
  readonly color: 'auto' | 'always' | 'never';
  readonly persist: boolean;
  readonly record?: string;
  readonly size?: { readonly cols: number; readonly rows: number };
  readonly seed?: number;
  readonly list: boolean;
  readonly check: boolean;
  readonly help: boolean;
  readonly version: boolean;
}

/** A command line the user got wrong: one line to print, exit status 2. */
export class UsageError extends Error {
  /**
   * @param message - what is wrong, naming the option
   */
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Defaults, also shown by `--help`. */
export const DEFAULTS = { speed: 8, fps: 12.5, bob: 1, density: 1 } as const;

/** Options of the single creature's strip that mean nothing in the aquarium. */
const INLINE_ONLY = ['speed', 'bob', 'persist', 'redraw'] as const;

const OPTIONS = {
  art: { type: 'string', short: 'a', multiple: true },
  aquarium: { type: 'boolean' },
  density: { type: 'string' },
  speed: { type: 'string', short: 's' },
  fps: { type: 'string', short: 'f' },
  bob: { type: 'string', short: 'b' },
  sync: { type: 'string' },
  frames: { type: 'string', short: 'n' },
  duration: { type: 'string', short: 'd' },
  redraw: { type: 'string' },
  color: { type: 'string' },
  persist: { type: 'boolean', short: 'p' },
  record: { type: 'string', short: 'r' },
  size: { type: 'string' },
  seed: { type: 'string' },
  list: { type: 'boolean', short: 'l' },
  check: { type: 'boolean', short: 'c' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

/**
 * Parse the `fish` command line. Throws a {@link UsageError} naming the option for anything
 * unknown, missing or out of range.
 *
 * @param argv - the arguments after the command name
 */
export function parseCli(argv: readonly string[]): CliOptions {
  let values: Partial<Record<keyof typeof OPTIONS, string | boolean | string[]>>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: true }));
  } catch (error) {
    throw new UsageError(describeParseError(error));
  }
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const text = (name: keyof typeof OPTIONS): string | undefined => {
    const value = values[name];
    return typeof value === 'string' ? value : undefined;
  };
  const flag = (name: keyof typeof OPTIONS): boolean => values[name] === true;
  const arts = Array.isArray(values.art) ? values.art : [];
  const aquarium = flag('aquarium');
  if (aquarium) {
    const given = INLINE_ONLY.find((name) => values[name] !== undefined);
    if (given !== undefined) throw new UsageError(`--${given} does not go with --aquarium`);
  } else {
    if (arts.length > 1) throw new UsageError('--art is given twice (several creatures go with --aquarium)');
    if (values.density !== undefined) throw new UsageError('--density goes with --aquarium');
  }
  for (const art of arts) nonEmpty('art', art);
  return {
    art: arts.at(-1),
    arts,
    aquarium,
    density: number('density', text('density'), { min: 0.1, max: 4 }) ?? DEFAULTS.density,
    speed: number('speed', text('speed'), { min: 0, max: 10_000 }) ?? DEFAULTS.speed,
    fps: number('fps', text('fps'), { min: 0.1, max: 240 }) ?? DEFAULTS.fps,
    bob: number('bob', text('bob'), { min: 0, max: 50, integer: true }) ?? DEFAULTS.bob,
    sync: choice('sync', text('sync'), ['time', 'step'] as const) ?? 'time',
    frames: number('frames', text('frames'), { min: 1, max: 1e9, integer: true }),
    duration: number('duration', text('duration'), { min: 0.001, max: 1e7 }),
    redraw: choice('redraw', text('redraw'), ['diff', 'full'] as const) ?? 'diff',
    color: choice('color', text('color'), ['auto', 'always', 'never'] as const) ?? 'auto',
    persist: flag('persist'),
    record: nonEmpty('record', text('record')),
    size: size(text('size')),
    seed: number('seed', text('seed'), { min: 0, max: 2 ** 32 - 1, integer: true }),
    list: flag('list'),
    check: flag('check'),
    help: flag('help'),
    version: flag('version'),
  };
}

/** Node's parseArgs messages are long and mention internals; say it in one short line. */
function describeParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const unknown = /Unknown option '([^']+)'/.exec(message);
  if (unknown) return `unknown option "${unknown[1]}"`;
  const missing = /Option '(?:-\w, )?(--[\w-]+)[^']*' argument missing/.exec(message);
  if (missing) return `${missing[1]} needs a value`;
  const noValue = /Option '(?:-\w, )?(--[\w-]+)[^']*' does not take an argument/.exec(message);
  if (noValue) return `${noValue[1]} takes no value`;
  return message.split('\n')[0];
}

function nonEmpty(name: string, value: string | undefined): string | undefined {
  if (value === '') throw new UsageError(`--${name} needs a value`);
  return value;
}

function number(
  name: string,
  value: string | undefined,
  range: { min: number; max: number; integer?: boolean },
): number | undefined {
  if (value === undefined) return undefined;
  const parsed = value.trim() === '' ? Number.NaN : Number(value);
  const kind = range.integer ? 'a whole number' : 'a number';
  if (!Number.isFinite(parsed) || (range.integer && !Number.isInteger(parsed)) || parsed < range.min || parsed > range.max) {
    throw new UsageError(`--${name}: expected ${kind} from ${range.min} to ${range.max}, got "${value}"`);
  }
  return parsed;
}

function choice<T extends string>(name: string, value: string | undefined, choices: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if ((choices as readonly string[]).includes(value)) return value as T;
  const listed = `${choices.slice(0, -1).join(', ')} or ${choices[choices.length - 1]}`;
  throw new UsageError(`--${name}: expected ${listed}, got "${value}"`);
}

function size(value: string | undefined): { cols: number; rows: number } | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d{1,4})x(\d{1,4})$/.exec(value.trim());
  const cols = match ? Number(match[1]) : 0;
  const rows = match ? Number(match[2]) : 0;
  if (!match || cols < 1 || rows < 1 || cols > 1000 || rows > 500) {
    throw new UsageError(`--size: expected COLSxROWS such as 80x24 (up to 1000x500), got "${value}"`);
  }
  return { cols, rows };
}
