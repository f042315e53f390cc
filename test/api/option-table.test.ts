/**
 * The one table of options (src/api/option-table.ts): both the command line and the library
 * take their ranges and defaults from it and refuse a value in the same words, and the README,
 * `--help` and the library's TSDoc say what it says.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHOICE_OPTIONS, NUMBER_OPTIONS, type NumberRange } from '../../src/api/option-table.js';
import { choiceText, inRange, quoteValue, rangeText } from '../../src/api/option-table.js';
import { resolveOptions, type FishOptions, type FishStream } from '../../src/api/options.js';
import { parseCli, UsageError } from '../../src/cli/args.js';
import { HELP } from '../../src/cli/help.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const optionsSource = readFileSync(new URL('../../src/api/options.ts', import.meta.url), 'utf8');

const stream: FishStream = {
  isTTY: false,
  write: () => true,
  on: () => undefined,
  off: () => undefined,
};

/** The library's options, resolved as `fish()` resolves them. */
function resolve(options: FishOptions): ReturnType<typeof resolveOptions> {
  return resolveOptions(options, { env: {}, defaultStream: stream, platform: 'linux' });
}

/** The message a call throws (a test fails if it throws nothing). */
function thrown(call: () => unknown): Error {
  try {
    call();
  } catch (error) {
    if (error instanceof Error) return error;
  }
  throw new Error('expected an error, but nothing was thrown');
}

/** Numbers a range refuses: just outside each bound, and a fraction where it takes whole ones. */
function outside(range: NumberRange): number[] {
  const values = [range.min - (range.whole === true ? 1 : 0.001)];
  if (range.max !== undefined) values.push(range.max + 1);
  if (range.whole === true) values.push(range.min + 0.5);
  return values;
}

/** The options with a number or a choice on both the command line and the library. */
const sharedNumbers = ['speed', 'fps', 'bob'] as const;
const sharedChoices = ['sync', 'redraw'] as const;

/** The README's table row whose first cell begins with `start` (`--fps` finds `-f, --fps N`). */
function readmeRow(start: string): string {
  const rows = readme
    .split('\n')
    .filter(
      (line) => line.startsWith('| `') && line.replace(/^\| `(-\w, )?/, '').startsWith(start),
    );
  expect(rows, start).toHaveLength(1);
  return rows[0] ?? '';
}

describe('the messages', () => {
  it('quote every value the same way: strings in quotes with control characters spelled out', () => {
    expect(quoteValue('fast')).toBe('"fast"');
    expect(quoteValue('a\u001b]0;pwned\u0007')).toBe('"a\\u{1b}]0;pwned\\u{7}"');
    expect(quoteValue('x'.repeat(500)).length).toBeLessThan(100);
    expect(quoteValue(0)).toBe('0');
    expect(quoteValue(1e308)).toBe('1e+308');
    expect(quoteValue(null)).toBe('null');
    expect(quoteValue(undefined)).toBe('undefined');
    expect(quoteValue(() => 1)).toBe('a function');
    expect(quoteValue([1])).toBe('an array');
    expect(quoteValue({})).toBe('{}');
    expect(quoteValue({ a: 1, b: 2, c: 3, d: 4 })).toBe('an object with a, b, c, ...');
    expect(quoteValue({ '\u001b[2J': 1 })).toBe('an object with \\u{1b}[2J');
  });

  it('say a range and a list of choices the same way', () => {
    expect(rangeText({ min: 0.1, max: 240 })).toBe('a number from 0.1 to 240');
    expect(rangeText({ min: 1, max: 1000, whole: true })).toBe('a whole number from 1 to 1000');
    expect(rangeText({ min: 0 })).toBe('a finite number of at least 0');
    expect(choiceText(['time', 'step'])).toBe('time or step');
    expect(choiceText(["'time'", "'step'", "'progress'"])).toBe("'time', 'step' or 'progress'");
  });

  it('takes finite numbers within the bounds, whole where it must', () => {
    const range = { min: 1, max: 10, whole: true };
    expect([1, 5, 10].every((value) => inRange(value, range))).toBe(true);
    for (const value of [0, 11, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(inRange(value, range), String(value)).toBe(false);
    }
    expect(inRange(Number.MAX_VALUE, { min: 0 })).toBe(true);
    expect(inRange(Number.POSITIVE_INFINITY, { min: 0 })).toBe(false);
  });
});

describe('the command line and the library', () => {
  it('share exactly the options listed here', () => {
    const on = (defaults: object, source: string): boolean => source in defaults;
    const both = (defaults: object): boolean => on(defaults, 'cli') && on(defaults, 'api');
    expect(
      Object.entries(NUMBER_OPTIONS)
        .filter(([, o]) => both(o.default))
        .map(([n]) => n),
    ).toEqual(sharedNumbers);
    expect(
      Object.entries(CHOICE_OPTIONS)
        .filter(([, o]) => both(o.choices))
        .map(([n]) => n),
    ).toEqual(sharedChoices);
  });

  it.each(sharedNumbers)(
    '%s: refuse the same numbers in the same words, each naming the option its way',
    (name) => {
      const option = NUMBER_OPTIONS[name];
      for (const value of outside(option)) {
        const cli = thrown(() => parseCli([`--${name}`, String(value)]));
        const api = thrown(() => resolve({ [name]: value }));
        expect(cli).toBeInstanceOf(UsageError);
        expect(api).toBeInstanceOf(RangeError);
        const expected = `must be ${rangeText(option)}, got`;
        expect(cli.message).toBe(`--${name} ${expected} "${String(value)}"`);
        expect(api.message).toBe(`fish: ${name} ${expected} ${String(value)}`);
      }
    },
  );

  it.each(sharedNumbers)('%s: take both bounds', (name) => {
    const { min, max } = NUMBER_OPTIONS[name];
    for (const value of [min, max]) {
      expect(parseCli([`--${name}`, String(value)])[name]).toBe(value);
      expect(resolve({ [name]: value })[name]).toBe(value);
    }
  });

  it.each(sharedChoices)('%s: refuse a word in the same shape', (name) => {
    const cli = thrown(() => parseCli([`--${name}`, 'nope']));
    const api = thrown(() => resolve({ [name]: 'nope' }));
    const { choices } = CHOICE_OPTIONS[name];
    expect(cli.message).toBe(`--${name} must be ${choiceText(choices.cli)}, got "nope"`);
    expect(api.message).toBe(
      `fish: ${name} must be ${choiceText(choices.api.map((word) => `'${word}'`))}, got "nope"`,
    );
  });

  it('start from the defaults of the table, which differ only where it says (bob)', () => {
    const cli = parseCli([]);
    const api = resolve({});
    for (const name of sharedNumbers) {
      expect(cli[name], name).toBe(NUMBER_OPTIONS[name].default.cli);
      expect(api[name], name).toBe(NUMBER_OPTIONS[name].default.api);
    }
    for (const name of sharedChoices) {
      expect(cli[name], name).toBe(CHOICE_OPTIONS[name].default.cli);
      expect(api[name], name).toBe(CHOICE_OPTIONS[name].default.api);
    }
    expect([cli.bob, api.bob]).toEqual([1, 0]);
    expect(cli.density).toBe(NUMBER_OPTIONS.density.default.cli);
    expect(cli.color).toBe(CHOICE_OPTIONS.color.default.cli);
    expect(api.delay).toBe(NUMBER_OPTIONS.delay.default.api);
    expect([cli.frames, cli.duration, cli.seed, api.width]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('take each option only where the table gives it', () => {
    for (const [name, option] of Object.entries(NUMBER_OPTIONS)) {
      const value = String(option.min);
      if ('cli' in option.default)
        expect(() => parseCli([`--${name}`, value])).not.toThrow(/unknown/);
      else expect(() => parseCli([`--${name}`, value])).toThrow(/^unknown option/);
    }
  });
});

describe('the docs say what the table says', () => {
  it('--help: the range and default of each number with a default, and the words of each choice', () => {
    for (const name of ['density', 'speed', 'fps', 'bob'] as const) {
      const option = NUMBER_OPTIONS[name];
      expect(HELP).toContain(
        `--${name} ${name === 'bob' ? 'ROWS' : 'N'}`.padEnd(20) +
          `${option.means} (${option.min} to ${option.max}, default ${option.default.cli})`,
      );
    }
    for (const name of Object.keys(CHOICE_OPTIONS) as (keyof typeof CHOICE_OPTIONS)[]) {
      expect(HELP).toContain(`--${name} ${CHOICE_OPTIONS[name].choices.cli.join('|')}`);
    }
  });

  it("the README's CLI table: each number's range and default, each choice's words", () => {
    for (const [name, option] of Object.entries(NUMBER_OPTIONS)) {
      if (!('cli' in option.default) || name === 'density') continue;
      const row = readmeRow(`--${name} `);
      expect(row).toContain(`${option.min} to ${option.max}`);
      if (option.default.cli !== undefined)
        expect(row).toContain(`(default ${option.default.cli})`);
    }
    for (const name of Object.keys(CHOICE_OPTIONS) as (keyof typeof CHOICE_OPTIONS)[]) {
      readmeRow(`--${name} ${CHOICE_OPTIONS[name].choices.cli.join('\\|')}\``);
    }
    // The aquarium's own option is in the aquarium's doc.
    const aquarium = readFileSync(new URL('../../docs/aquarium.md', import.meta.url), 'utf8');
    const { density } = NUMBER_OPTIONS;
    expect(aquarium).toContain(
      `| \`--density N\` | ${density.means}, from ${density.min} to ${density.max} (default ${density.default.cli}`,
    );
  });

  it("the README's library table and the TSDoc: each number's range and default", () => {
    for (const [name, option] of Object.entries(NUMBER_OPTIONS)) {
      if (!('api' in option.default)) continue;
      const row = readmeRow(`${name}\` |`);
      expect(row).toContain(`${option.min} to ${option.max}`);
      const doc = optionsSource.slice(0, optionsSource.indexOf(`  readonly ${name}?: number;`));
      const comment = doc.slice(doc.lastIndexOf('/**')).replace(/\s+\*\s*/g, ' ');
      expect(comment).toContain(`${option.min} to ${option.max}`);
      if (option.default.api !== undefined) {
        expect(row).toContain(`| \`${option.default.api}\` |`);
        expect(comment).toContain(`Default ${option.default.api}.`);
      }
    }
    for (const name of Object.keys(CHOICE_OPTIONS) as (keyof typeof CHOICE_OPTIONS)[]) {
      const { choices, default: defaults } = CHOICE_OPTIONS[name];
      if (!('api' in choices) || !('api' in defaults)) continue;
      const row = readmeRow(`${name}\` |`);
      expect(row).toContain(`| \`'${defaults.api}'\` |`);
      for (const word of choices.api) expect(row).toContain(`'${word}'`);
    }
  });
});
