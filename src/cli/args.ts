import { parseArgs, type ParseArgsConfig } from 'node:util';
import {
  CHOICE_OPTIONS,
  NUMBER_OPTIONS,
  choiceText,
  inRange,
  quoteValue,
  rangeText,
  refusal,
  type ChoiceOptionOn,
  type NumberOptionOn,
} from '../api/option-table.js';
import { MAX_TERMINAL } from '../terminal/size.js';
import { HELP } from './help.js';
import { parseSize } from './units.js';

/** Everything the `fish` command can be asked, parsed and checked. */
export interface CliOptions {
  /** The one creature of the inline mode (`--art` given once). */
  readonly art: string | undefined;
  /** Every `--art` given, in order: the aquarium's own creatures (at most one without `--aquarium`). */
  readonly arts: readonly string[];
  /** Fill the terminal with a tank of creatures. */
  readonly aquarium: boolean;
  /** Fish per area in the aquarium, relative to the default. */
  readonly density: number;
  /** The aquarium as a screensaver: any key ends it. */
  readonly screensaver: boolean;
  readonly speed: number;
  readonly fps: number;
  readonly bob: number;
  readonly sync: 'time' | 'step';
  readonly frames: number | undefined;
  readonly duration: number | undefined;
  readonly redraw: 'diff' | 'full';
  readonly color: 'auto' | 'always' | 'never';
  readonly persist: boolean;
  readonly record: string | undefined;
  /** Let `--record` replace an existing file that is not a `.cast` recording. */
  readonly force: boolean;
  readonly size: { readonly cols: number; readonly rows: number } | undefined;
  readonly seed: number | undefined;
  readonly list: boolean;
  readonly check: boolean;
  readonly help: boolean;
  readonly version: boolean;
  /** Copy stdin to stdout, the fish following the bytes (`--pipe`). */
  readonly pipe: boolean;
  /** Follow progress read from stdin's lines (`--progress`). */
  readonly progress: boolean;
  /** Bytes (`--pipe`) or steps (`--progress`) in all, when given. */
  readonly total: number | undefined;
  /** The text beside the fish in the shell modes, when given. */
  readonly text: string | undefined;
  /** The command to run while the fish swims (after `--`): its name, then its arguments. */
  readonly command: readonly string[] | undefined;
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

/** Options of the single creature's strip that mean nothing in the aquarium. */
const INLINE_ONLY = ['speed', 'bob', 'persist', 'redraw'] as const;

/**
 * The commands that print something and end, with the only options each takes: anything
 * else given with them would be silently ignored, so it is refused.
 */
const COMMANDS = { list: ['color'], check: ['art'] } as const;

/** The options of the strip beside a shell script's work, that every shell mode takes. */
const STRIP_OPTIONS = ['art', 'speed', 'fps', 'bob', 'redraw', 'color', 'text'] as const;

/**
 * The shell modes (a command after `--`, `--pipe`, `--progress`), with the only options each
 * takes: one mode at a time, and nothing of the aquarium, the recording or the ending.
 */
const SHELL_MODES = {
  command: [...STRIP_OPTIONS, 'sync'],
  pipe: [...STRIP_OPTIONS, 'total'],
  progress: [...STRIP_OPTIONS, 'total'],
} as const;

/** How a message names each shell mode. */
const MODE_NAMES = { command: 'a command', pipe: '--pipe', progress: '--progress' } as const;

/**
 * Options that mean something only with another (`--size` with `--record`), and what to say.
 * `--seed` changes the aquarium, and makes a recording's header reproducible.
 */
const NEEDS = {
  density: { with: ['aquarium'], say: '--density goes with --aquarium' },
  screensaver: { with: ['aquarium'], say: '--screensaver goes with --aquarium' },
  size: { with: ['record'], say: '--size goes with --record' },
  force: { with: ['record'], say: '--force goes with --record' },
  seed: { with: ['aquarium', 'record'], say: '--seed goes with --aquarium or --record' },
  total: { with: ['pipe', 'progress'], say: '--total goes with --pipe or --progress' },
  text: {
    with: ['command', 'pipe', 'progress'],
    say: '--text goes with --pipe, --progress or a command after --',
  },
} as const;

/** The options that may be given more than once, each time adding to a list. */
const REPEATABLE: readonly string[] = ['art'];

/**
 * An option's line in the help: `  -s, --speed N   …` or `      --aquarium   …`. A value's
 * name follows the option after one space; its meaning, after two or more.
 */
const HELP_OPTION = /^ {2}(?:-([a-z]), | {4})--([a-z]+)( \S)?/gm;

/**
 * Every option, read from the help: its short name, and whether it takes a value. The help
 * is where a user learns them, so reading them from it keeps the two from ever disagreeing.
 */
const OPTIONS: Readonly<NonNullable<ParseArgsConfig['options']>> = Object.fromEntries(
  Array.from(HELP.matchAll(HELP_OPTION), (match) => {
    // The short name and the value are optional groups: `at` says when one is absent.
    const [short, name, value] = [match.at(1), match[2], match.at(3)];
    const config = {
      type: value === undefined ? 'boolean' : 'string',
      ...(short === undefined ? {} : { short }),
      ...(REPEATABLE.includes(name) ? { multiple: true } : {}),
    } as const;
    return [name, config];
  }),
);

/** An option's name, as the help gives it (everything {@link parseCli} returns but the lists). */
type OptionName = Exclude<keyof CliOptions, 'arts' | 'command'>;
/** An option's name, or `command` for a command after `--`. */
type GivenName = OptionName | 'command';
type Values = Partial<Record<OptionName, string | boolean | string[]>> & {
  command?: string[];
};

/**
 * Parse the `fish` command line. Throws a {@link UsageError} naming the option for anything
 * unknown, missing, out of range or given with an option it makes no sense with.
 *
 * @param argv - the arguments after the command name
 */
export function parseCli(argv: readonly string[]): CliOptions {
  const values = readOptions(argv);
  const text = (name: OptionName): string | undefined => {
    const value = values[name];
    return typeof value === 'string' ? value : undefined;
  };
  const flag = (name: OptionName): boolean => values[name] === true;
  const given = (name: GivenName): boolean => values[name] !== undefined;
  checkCombinations(given);
  const arts = Array.isArray(values.art) ? values.art : [];
  const aquarium = flag('aquarium');
  if (!aquarium && arts.length > 1)
    throw new UsageError('--art is given twice (several creatures go with --aquarium)');
  for (const art of arts) nonEmpty('art', art);
  return {
    art: arts.at(-1),
    arts,
    aquarium,
    density: number('density', text('density')) ?? NUMBER_OPTIONS.density.default.cli,
    screensaver: flag('screensaver'),
    speed: number('speed', text('speed')) ?? NUMBER_OPTIONS.speed.default.cli,
    fps: number('fps', text('fps')) ?? NUMBER_OPTIONS.fps.default.cli,
    bob: number('bob', text('bob')) ?? NUMBER_OPTIONS.bob.default.cli,
    sync: choice('sync', text('sync')),
    frames: number('frames', text('frames')),
    duration: number('duration', text('duration')),
    redraw: choice('redraw', text('redraw')),
    color: choice('color', text('color')),
    persist: flag('persist'),
    record: nonEmpty('record', text('record')),
    force: flag('force'),
    size: size(text('size')),
    seed: number('seed', text('seed')),
    list: flag('list'),
    check: flag('check'),
    help: flag('help'),
    version: flag('version'),
    pipe: flag('pipe'),
    progress: flag('progress'),
    total: total(text('total')),
    text: text('text'),
    command: values.command,
  };
}

/**
 * The options given, by name (the last of each, every one of `--art`), and the command after
 * `--`. An option that takes a value takes the next argument whatever it is (`--speed -1`, as
 * getopt does), unless that is one of our options (`--record --size`: the value was
 * forgotten).
 */
function readOptions(argv: readonly string[]): Values {
  const { tokens } = parseArgs({
    args: [...argv],
    options: OPTIONS,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const values: Values = {};
  for (const token of tokens) {
    if (token.kind === 'option-terminator') {
      // Everything after `--` is the command and its arguments, as they are.
      const command = argv.slice(token.index + 1);
      if (command.length === 0) throw new UsageError('-- needs a command to run after it');
      values.command = command;
      break;
    }
    if (token.kind === 'positional')
      throw new UsageError(`unexpected argument ${quoteValue(token.value)}`);
    const option = Object.hasOwn(OPTIONS, token.name) ? OPTIONS[token.name] : undefined;
    if (option === undefined) throw new UsageError(`unknown option ${quoteValue(token.rawName)}`);
    const name = token.name as OptionName;
    if (option.type === 'boolean') {
      if (token.value !== undefined) throw new UsageError(`--${name} takes no value`);
      values[name] = true;
    } else if (token.value === undefined || (!token.inlineValue && isOption(token.value))) {
      throw new UsageError(`--${name} needs a value`);
    } else if (option.multiple) {
      values[name] = [...((values[name] as string[] | undefined) ?? []), token.value];
    } else {
      values[name] = token.value;
    }
  }
  return values;
}

/** Whether an argument is one of our options, as `--name`, `--name=…` or `-x`. */
function isOption(arg: string): boolean {
  if (arg.startsWith('--')) {
    const end = arg.indexOf('=');
    return Object.hasOwn(OPTIONS, arg.slice(2, end === -1 ? undefined : end));
  }
  return (
    arg.length === 2 &&
    Object.values(OPTIONS).some(
      (option) => option.short !== undefined && `-${option.short}` === arg,
    )
  );
}

/** Refuses options given with one that ignores them, or without the one they need. */
function checkCombinations(given: (name: GivenName) => boolean): void {
  checkShellMode(given);
  for (const [command, takes] of Object.entries(COMMANDS) as [
    OptionName,
    readonly OptionName[],
  ][]) {
    if (!given(command)) continue;
    const ignored = ignoredBy(command, takes, given);
    if (ignored !== undefined) throw new UsageError(`--${ignored} does not go with --${command}`);
  }
  if (given('aquarium')) {
    const inline = INLINE_ONLY.find(given);
    if (inline !== undefined) throw new UsageError(`--${inline} does not go with --aquarium`);
  }
  for (const [name, need] of Object.entries(NEEDS) as [
    GivenName,
    (typeof NEEDS)[keyof typeof NEEDS],
  ][]) {
    if (given(name) && !need.with.some(given)) throw new UsageError(need.say);
  }
}

/** Refuses a shell mode given with another, or with an option it would ignore. */
function checkShellMode(given: (name: GivenName) => boolean): void {
  const modes = (Object.keys(SHELL_MODES) as (keyof typeof SHELL_MODES)[]).filter(given);
  if (modes.length > 1)
    throw new UsageError(`${MODE_NAMES[modes[1]]} does not go with ${MODE_NAMES[modes[0]]}`);
  const mode = modes.at(0);
  if (mode === undefined) return;
  const ignored = ignoredBy(mode, SHELL_MODES[mode], given);
  if (ignored !== undefined)
    throw new UsageError(`--${ignored} does not go with ${MODE_NAMES[mode]}`);
}

/**
 * The first option given that `mode` (a command or a shell mode) would ignore: any but those
 * it `takes`, and `--help` and `--version`, which win over everything.
 */
function ignoredBy(
  mode: GivenName,
  takes: readonly string[],
  given: (name: GivenName) => boolean,
): OptionName | undefined {
  return (Object.keys(OPTIONS) as OptionName[]).find(
    (name) =>
      name !== mode &&
      given(name) &&
      !takes.includes(name) &&
      name !== 'help' &&
      name !== 'version',
  );
}

/** `--total`: a whole number of bytes or steps, with a binary suffix or not (`2G`). */
function total(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const parsed = parseSize(value);
  if (!inRange(parsed, NUMBER_OPTIONS.total)) {
    const expected = 'a whole number, with k, M, G or T for powers of 1024 (such as 120 or 2G)';
    throw new UsageError(refusal('--total', expected, value));
  }
  return parsed;
}

function nonEmpty(name: string, value: string | undefined): string | undefined {
  if (value === '') throw new UsageError(`--${name} needs a value`);
  return value;
}

/** Plain decimal numbers: digits, with a fraction or not (`12`, `0.5`, `.5`), and a minus sign. */
const DECIMAL = /^-?(?:\d+(?:\.\d+)?|\.\d+)$/;

/**
 * The number an option's value says, within the range the table of options gives it. Only
 * plain decimals are numbers here: `0x10`, `1e3`, `+5` and ` 5` are all refused, with the
 * range in the message.
 */
function number(name: NumberOptionOn<'cli'>, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const range = NUMBER_OPTIONS[name];
  const parsed = DECIMAL.test(value) ? Number(value) : Number.NaN;
  if (!inRange(parsed, range)) throw new UsageError(refusal(`--${name}`, rangeText(range), value));
  return parsed;
}

/** The words a choice option of the command takes. */
type Word<K extends ChoiceOptionOn<'cli'>> = (typeof CHOICE_OPTIONS)[K]['choices']['cli'][number];

/** The word an option's value is, among those the table of options gives it, or its default. */
function choice<K extends ChoiceOptionOn<'cli'>>(name: K, value: string | undefined): Word<K> {
  const option = CHOICE_OPTIONS[name];
  if (value === undefined) return option.default.cli;
  const choices: readonly string[] = option.choices.cli;
  if (choices.includes(value)) return value as Word<K>;
  throw new UsageError(refusal(`--${name}`, choiceText(choices), value));
}

function size(value: string | undefined): { cols: number; rows: number } | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d{1,4})x(\d{1,4})$/.exec(value);
  const cols = match ? Number(match[1]) : 0;
  const rows = match ? Number(match[2]) : 0;
  const { columns: maxCols, rows: maxRows } = MAX_TERMINAL;
  if (!match || cols < 1 || rows < 1 || cols > maxCols || rows > maxRows) {
    const expected = `COLSxROWS such as 80x24 (up to ${maxCols}x${maxRows})`;
    throw new UsageError(refusal('--size', expected, value));
  }
  return { cols, rows };
}
