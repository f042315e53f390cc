/**
 * The art loader under hostile input: random bytes, the built-in art files mutated every way a
 * file can go wrong (flipped bytes, UTF-8 cut short, escape sequences spliced in, C1 controls,
 * DEL, lone CRs, BOMs), huge lines and huge areas, masks one column or row too big, header
 * garbage, and small files that ask for a huge expansion (padding, frames, tabs, combining
 * marks). Every case either loads or fails with the one-line `fish: ` error; none throws
 * anything else or takes long or much memory; and nothing it loads can make the terminal do
 * anything but draw.
 */
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ArtError,
  loadArt,
  parseArt,
  parseArtBytes,
  type Art,
  type Sprite,
} from '../../src/art/index.js';
import { createGrid } from '../../src/render/grid.js';
import { composeFrame } from '../../src/render/compose.js';
import { encodeDiff } from '../../src/render/encode.js';
import { drawableChar, tempFile, trickyChar } from '../art/helpers.js';
import { testWidth } from '../render/fixtures.js';
import { strayControls, UNSAFE_IN_GLYPH, UNSAFE_IN_MESSAGE } from '../helpers/controls.js';
import { recordHostile } from '../helpers/hostile-report.js';
import { mapWithLimit, testSeed } from '../helpers/parallel.js';
import { parseInSandbox, type SandboxOutcome } from '../helpers/sandbox.js';

/**
 * The most one ordinary case may take. Small inputs parse in a millisecond or two; the bound
 * is loose so that a loaded CI machine passes, and tight enough to catch a quadratic path.
 */
const CASE_BUDGET_MS = 1000;

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** The built-in art files, as bytes: valid art to mutate. */
const ART_DIR = new URL('../../art/', import.meta.url);
const BUILT_IN: readonly Uint8Array[] = readdirSync(ART_DIR)
  .filter((name) => name.endsWith('.art'))
  .map((name) => new Uint8Array(readFileSync(new URL(name, ART_DIR))));

/** How one case ended: loaded art, or the loader's error. Anything else is thrown on. */
type Outcome =
  { readonly art: Art; readonly ms: number } | { readonly error: ArtError; readonly ms: number };

/**
 * Runs the loader on one case. An exception other than {@link ArtError} propagates, so that
 * fast-check reports it with the input that caused it.
 */
function attempt(load: () => Art): Outcome {
  const start = performance.now();
  try {
    const art = load();
    const ms = performance.now() - start;
    recordHostile({ kind: 'art', ms });
    return { art, ms };
  } catch (error) {
    const ms = performance.now() - start;
    recordHostile({ kind: error instanceof ArtError ? 'art-error' : 'other', ms });
    if (error instanceof ArtError) return { error, ms };
    throw error;
  }
}

/** The one-line error a user sees: `fish: ` first, one line, nothing a terminal would act on. */
function expectOneLineError(message: string): void {
  expect(message).toMatch(/^fish: /);
  expect(message).not.toMatch(/[\r\n]/);
  expect(message).not.toMatch(UNSAFE_IN_MESSAGE);
}

/** Every sprite of the art: all frames, both facings. */
const spritesOf = (art: Art): Sprite[] => [...art.frames.right, ...art.frames.left];

/**
 * Checks a sprite cell by cell: the art's size, and every cell transparent, a glyph of width 1
 * or 2 with nothing unsafe in it, or the continuation right after a wide glyph.
 */
function expectSafeSprite(sprite: Sprite, art: Art): void {
  expect([sprite.width, sprite.height, sprite.cells.length]).toEqual([
    art.width,
    art.height,
    art.width * art.height,
  ]);
  sprite.cells.forEach((cell, i) => {
    if (cell === null) return;
    const x = i % sprite.width;
    if (cell.width === 0) {
      expect(cell.glyph).toBe('');
      expect(
        x > 0 && sprite.cells[i - 1]?.width === 2,
        `continuation at ${i} follows a wide glyph`,
      ).toBe(true);
      return;
    }
    expect(cell.glyph).not.toBe('');
    expect(cell.glyph, `glyph at cell ${i}`).not.toMatch(UNSAFE_IN_GLYPH);
    if (cell.width === 2) {
      expect(
        x + 1 < sprite.width && sprite.cells[i + 1]?.width === 0,
        `wide glyph at ${i} has its continuation`,
      ).toBe(true);
    }
  });
}

/**
 * Draws the sprite as the engine would (composed into a grid, encoded as a diff from a blank
 * screen, with colour) at two offsets, one that clips the first column, and checks that the
 * bytes hold no control character but the encoder's own sequences.
 */
function expectCleanOutput(sprite: Sprite): void {
  const cols = Math.min(sprite.width + 1, 200);
  const rows = Math.min(sprite.height, 50);
  for (const x of [1, -1]) {
    const grid = composeFrame(cols, rows, [{ sprite, x, y: 0, depth: 0 }]);
    const { bytes } = encodeDiff(createGrid(cols, rows), grid, { row: 0, col: 0 }, { color: true });
    expect(strayControls(bytes)).toEqual([]);
  }
}

/** The property every case must have, whatever its input. */
function expectSafe(outcome: Outcome): void {
  expect(outcome.ms).toBeLessThan(CASE_BUDGET_MS);
  if ('error' in outcome) {
    expectOneLineError(outcome.error.message);
    return;
  }
  const { art } = outcome;
  expect(art.frames.right.length).toBeGreaterThan(0);
  expect(art.frames.left.length).toBe(art.frames.right.length);
  for (const sprite of spritesOf(art)) {
    expectSafeSprite(sprite, art);
    expectCleanOutput(sprite);
  }
}

/** Bytes that may be spliced into a file: the ways a hostile or broken file goes wrong. */
const hostileBytes: fc.Arbitrary<Uint8Array> = fc.oneof(
  // CSI: ESC [ parameters and a final byte.
  fc
    .record({
      params: fc.stringMatching(/^[0-9;?]{0,6}$/),
      final: fc.integer({ min: 0x40, max: 0x7e }),
    })
    .map(({ params, final }) => utf8(`\u001b[${params}${String.fromCharCode(final)}`)),
  // OSC (title, hyperlink), DCS, other ESC sequences, a lone ESC, and C0 controls.
  fc
    .constantFrom(
      '\u001b]0;x\u0007',
      '\u001b]8;;http://x\u001b\\',
      '\u001bP+q544e\u001b\\',
      '\u001bc',
      '\u001b7',
      '\u001b(0',
      '\u001b',
      '\u0007',
      '\u007f',
      '\r',
      '\b',
      '\u000b',
      '\u000c',
      '\u0000',
    )
    .map(utf8),
  // C1 controls: as UTF-8 (U+0080..U+009F), and as the raw 8-bit bytes (invalid UTF-8).
  fc.integer({ min: 0x80, max: 0x9f }).map((c) => utf8(String.fromCharCode(c))),
  fc.integer({ min: 0x80, max: 0x9f }).map((c) => Uint8Array.of(c)),
  // A character cut short: the first bytes of a multi-byte UTF-8 sequence.
  fc
    .constantFrom(utf8('é'), utf8('あ'), utf8('🐟'))
    .chain((bytes) => fc.integer({ min: 1, max: bytes.length - 1 }).map((n) => bytes.slice(0, n))),
  // Byte order marks (UTF-8, UTF-16 LE and BE).
  fc.constantFrom(
    Uint8Array.of(0xef, 0xbb, 0xbf),
    Uint8Array.of(0xff, 0xfe),
    Uint8Array.of(0xfe, 0xff),
  ),
  // Characters of every kind, the controls the loader refuses among them.
  fc.array(trickyChar, { minLength: 1, maxLength: 4 }).map((chars) => utf8(chars.join(''))),
  fc.uint8Array({ minLength: 1, maxLength: 8 }),
);

/** One change to a file's bytes; positions are taken modulo the file's length. */
type Mutation =
  | { readonly kind: 'flip'; readonly at: number; readonly byte: number }
  | { readonly kind: 'truncate'; readonly at: number }
  | { readonly kind: 'truncate-mid-char'; readonly at: number }
  | { readonly kind: 'splice'; readonly at: number; readonly bytes: Uint8Array }
  | { readonly kind: 'cut'; readonly at: number; readonly length: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constant('flip' as const),
    at: fc.nat(),
    byte: fc.integer({ min: 0, max: 255 }),
  }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('truncate-mid-char' as const), at: fc.nat() }),
  {
    arbitrary: fc.record({
      kind: fc.constant('splice' as const),
      at: fc.nat(),
      bytes: hostileBytes,
    }),
    weight: 4,
  },
  fc.record({
    kind: fc.constant('cut' as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 8 }),
  }),
);

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

function mutate(bytes: Uint8Array, change: Mutation): Uint8Array {
  const at = change.at % (bytes.length + 1);
  switch (change.kind) {
    case 'flip': {
      if (bytes.length === 0) return bytes;
      const out = bytes.slice();
      out[at % bytes.length] = change.byte;
      return out;
    }
    case 'truncate':
      return bytes.slice(0, at);
    case 'truncate-mid-char': {
      // Right after a multi-byte sequence's first byte; a file with none gets one, cut short.
      const leads = [...bytes.keys()].filter((i) => bytes[i] >= 0xc2 && bytes[i] <= 0xf4);
      if (leads.length === 0) return concat(bytes.slice(0, at), utf8('あ').slice(0, 1));
      return bytes.slice(0, leads[at % leads.length] + 1);
    }
    case 'splice':
      return concat(bytes.slice(0, at), change.bytes, bytes.slice(at));
    case 'cut':
      return concat(bytes.slice(0, at), bytes.slice(at + change.length));
  }
}

/** A built-in art file with one to four mutations. */
const mutatedArt: fc.Arbitrary<Uint8Array> = fc
  .tuple(fc.constantFrom(...BUILT_IN), fc.array(mutation, { minLength: 1, maxLength: 4 }))
  .map(([base, changes]) => changes.reduce(mutate, base));

/**
 * Text-level edits that keep a file valid UTF-8, so that more of the cases get past the
 * decoder and the security check and load: drawable characters, tabs and spaces put in, a
 * stretch taken out, a line repeated, a directive, mask letters or a header line put in.
 */
const edit: fc.Arbitrary<(lines: string[]) => string[]> = fc.oneof(
  fc
    .tuple(
      fc.nat(),
      fc.nat(),
      fc.array(fc.oneof(drawableChar, fc.constantFrom(' ', '\t', '.', 'あ', '🐟')), {
        minLength: 1,
        maxLength: 4,
      }),
    )
    .map(
      ([row, col, chars]) =>
        (lines: string[]) =>
          spliceLine(lines, row, col, 0, chars),
    ),
  fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 1, max: 6 })).map(
    ([row, col, length]) =>
      (lines: string[]) =>
        spliceLine(lines, row, col, length, []),
  ),
  fc
    .nat()
    .map(
      (row) => (lines: string[]) =>
        lines.flatMap((line, i) => (i === row % lines.length ? [line, line] : [line])),
    ),
  fc
    .tuple(
      fc.nat(),
      fc.constantFrom(
        '@frame',
        '@mask',
        '@opposite',
        '@FRAME',
        '@frame x',
        '',
        '   ',
        'rrGG  bb',
        'transparent: .',
        'mirror: none',
        'facing: left',
        '#',
      ),
    )
    .map(([row, line]) => (lines: string[]) => [
      ...lines.slice(0, row % (lines.length + 1)),
      line,
      ...lines.slice(row % (lines.length + 1)),
    ]),
);

/**
 * `lines` with line `row` (modulo their number) changed: `remove` code points taken out at
 * code point `col` (modulo the line's length), and `insert` put in there.
 */
function spliceLine(
  lines: readonly string[],
  row: number,
  col: number,
  remove: number,
  insert: readonly string[],
): string[] {
  const at = row % lines.length;
  const points = [...lines[at]];
  points.splice(col % (points.length + 1), remove, ...insert);
  return lines.map((line, i) => (i === at ? points.join('') : line));
}

/** A built-in art file with one to four text-level edits (valid UTF-8, often valid art). */
const editedArt: fc.Arbitrary<Uint8Array> = fc
  .tuple(fc.constantFrom(...BUILT_IN), fc.array(edit, { minLength: 1, maxLength: 4 }))
  .map(([base, edits]) =>
    utf8(
      edits
        .reduce((lines, change) => change(lines), new TextDecoder().decode(base).split('\n'))
        .join('\n'),
    ),
  );

/** Bytes from an alphabet that hits the decoder's and the parser's edges more often than chance. */
const edgyBytes: fc.Arbitrary<Uint8Array> = fc
  .array(
    fc.oneof(
      fc.integer({ min: 0, max: 255 }),
      fc.constantFrom(
        0x0a,
        0x0d,
        0x09,
        0x20,
        0x1b,
        0x7f,
        0x40,
        0x66,
        0x3e,
        0x29,
        0x27,
        0xc2,
        0xe3,
        0xf0,
        0x81,
        0x9b,
        0xbf,
      ),
    ),
    { maxLength: 300 },
  )
  .map((bytes) => Uint8Array.from(bytes));

const KEYS = ['name', 'facing', 'duration', 'transparent', 'color', 'mirror'];

/** A header value: valid and invalid ones for each key, and any characters at all. */
const headerValue = fc.oneof(
  fc.constantFrom(
    'left',
    'right',
    'up',
    '0.25',
    '0',
    '-1',
    '1e9',
    '3600',
    '3600.1',
    '.5s',
    'NaN',
    'Infinity',
    'r',
    'R',
    'x',
    'rr',
    '.',
    'あ',
    '🐟',
    'ab',
    "'",
    'none',
    '( ) [',
    'aあ',
    '',
  ),
  fc.array(trickyChar, { maxLength: 10 }).map((chars) => chars.join('')),
);

/** A header line: `key: value` with known, misspelt and random keys, or junk. */
const headerLine = fc.oneof(
  {
    arbitrary: fc
      .record({
        key: fc.oneof(
          fc.constantFrom(...KEYS, 'Name', 'COLOR', 'colour', 'speed', ''),
          fc.array(trickyChar, { maxLength: 6 }).map((chars) => chars.join('')),
        ),
        separator: fc.constantFrom(':', ': ', ' : ', '::'),
        value: headerValue,
      })
      .map(({ key, separator, value }) => `${key}${separator}${value}`),
    weight: 4,
  },
  fc.constantFrom(
    '# comment',
    '',
    '   ',
    '@fish v1',
    '@fish v2',
    '@',
    '@ frame',
    '@1',
    '#',
    'name',
    '\t',
  ),
  fc.array(trickyChar, { maxLength: 12 }).map((chars) => chars.join('')),
);

/** `@fish v1`, header garbage, then a frame (and perhaps a mask) that is fine on its own. */
const headerGarbage: fc.Arbitrary<string> = fc
  .record({
    lines: fc.array(headerLine, { minLength: 1, maxLength: 6 }),
    eol: fc.constantFrom('\n', '\r\n'),
    mask: fc.boolean(),
  })
  .map(({ lines, eol, mask }) =>
    ['@fish v1', ...lines, '@frame', ">))'>", ...(mask ? ['@mask', 'rrggb'] : [])].join(eol),
  );

/**
 * The first header line of `text` that is neither blank, a comment nor `known-key: ...`, as a
 * 1-based line number; undefined if every header line is of those kinds.
 */
function firstUnknownHeaderLine(text: string): number | undefined {
  const lines = text.split('\n').map((line) => line.replace(/\r$/, ''));
  for (let i = 1; i < lines.length && !/^@[A-Za-z]/.test(lines[i]); i++) {
    const line = lines[i].trim();
    if (line === '' || line.startsWith('#')) continue;
    const colon = line.indexOf(':');
    if (colon < 0 || !KEYS.includes(line.slice(0, colon).trim().toLowerCase())) return i + 1;
  }
  return undefined;
}

describe('the art loader under hostile input', () => {
  it('loads every built-in art file cleanly (the seeds of the mutations are valid)', () => {
    expect(BUILT_IN.length).toBeGreaterThanOrEqual(5);
    for (const bytes of BUILT_IN) {
      const outcome = attempt(() => parseArtBytes(bytes, { file: 'built-in.art' }));
      expect('art' in outcome).toBe(true);
      expectSafe(outcome);
    }
  });

  it('random bytes: loads or fails with one line, nothing else', () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 600 }), edgyBytes), (bytes) => {
        expectSafe(attempt(() => parseArtBytes(bytes, { file: 'random.art' })));
      }),
      { numRuns: 400 },
    );
  });

  it('mutated built-in art: loads or fails with one line, and loaded art is safe to draw', () => {
    fc.assert(
      fc.property(fc.oneof(mutatedArt, editedArt), (bytes) => {
        expectSafe(attempt(() => parseArtBytes(bytes, { file: 'mutated.art' })));
      }),
      { numRuns: 600 },
    );
  });

  it('an escape sequence or control spliced into valid art is always refused', () => {
    // The same splices, into a frame's line of art that is valid text: the result is
    // refused, whatever the control and wherever it lands in the line.
    const control = fc.oneof(
      hostileBytes
        .map((bytes) => new TextDecoder().decode(bytes))
        // A CRLF only splits the line in two: valid, so not a control here.
        .filter((text) =>
          /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(text.replaceAll('\r\n', '')),
        ),
      fc.constantFrom(
        '\u001b[2J',
        '\u001b]0;pwned\u0007',
        '\u001bP+q\u001b\\',
        '\u009b31m',
        '\u0085',
        '\r',
        '\u007f',
      ),
    );
    fc.assert(
      fc.property(fc.constantFrom(...BUILT_IN), fc.nat(), control, (base, at, inserted) => {
        const text = new TextDecoder().decode(base);
        const lines = text.split('\n');
        const artLines = [...lines.keys()].filter(
          (i) => lines[i].trim() !== '' && !/^[@#]/.test(lines[i]) && !lines[i].includes(':'),
        );
        const row = artLines[at % artLines.length];
        // Inside the line, never at its end: a CR there would make a valid CRLF line ending.
        const col = at % lines[row].length;
        lines[row] = lines[row].slice(0, col) + inserted + lines[row].slice(col);
        const outcome = attempt(() => parseArt(lines.join('\n'), { file: 'evil.art' }));
        expect('error' in outcome, 'a control character loaded').toBe(true);
        expectSafe(outcome);
      }),
      { numRuns: 300 },
    );
  });

  it('any string given to parseArt, lone surrogates included: loads or fails with one line', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 200 }),
          fc.array(trickyChar, { maxLength: 120 }).map((chars) => chars.join('')),
        ),
        (text) => {
          expectSafe(attempt(() => parseArt(text)));
          expectSafe(attempt(() => parseArt(`@fish v1\n@frame\n${text}`)));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('header garbage: loads or fails with one line; an unknown key or a line that is not "key: value" never loads', () => {
    fc.assert(
      fc.property(headerGarbage, (text) => {
        const outcome = attempt(() => parseArtBytes(utf8(text), { file: 'garbage.art' }));
        expectSafe(outcome);
        if (firstUnknownHeaderLine(text) !== undefined)
          expect('error' in outcome, 'garbage in the header loaded').toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('a mask one column too wide or one row too tall is refused, naming its line; one that fits loads', () => {
    // Frame lines of narrow and wide glyphs; the mask is the frame's size exactly, then one
    // column wider on one of its lines, or one row taller.
    const glyph = fc.constantFrom('>', ')', "'", 'o', '=', 'あ', '🐟');
    const frame = fc.array(fc.array(glyph, { minLength: 1, maxLength: 8 }), {
      minLength: 1,
      maxLength: 5,
    });
    fc.assert(
      fc.property(frame, fc.nat(), fc.constantFrom('r', 'G', 'b'), (rows, pick, letter) => {
        const widthOf = (row: readonly string[]): number =>
          row.reduce((n, g) => n + testWidth(g), 0);
        const width = Math.max(...rows.map(widthOf));
        const height = rows.length;
        const fitting = rows.map((row) => letter.repeat(widthOf(row)));
        const file = (mask: readonly string[]): string =>
          ['@fish v1', '@frame', ...rows.map((row) => row.join('')), '@mask', ...mask].join('\n');
        const maskLine = 4 + height; // 1-based line of the mask's first line

        const fits = attempt(() => parseArt(file(fitting), { file: 'mask.art' }));
        expect('art' in fits).toBe(true);
        expectSafe(fits);

        const wideRow = pick % height;
        const wider = fitting.map((line, y) => (y === wideRow ? letter.repeat(width + 1) : line));
        const tooWide = attempt(() => parseArt(file(wider), { file: 'mask.art' }));
        expect('error' in tooWide && tooWide.error.message).toBe(
          `fish: mask.art:${maskLine + wideRow}: mask is wider than the art (${width + 1} columns; the frame is ${width})`,
        );

        const tooTall = attempt(() => parseArt(file([...fitting, letter]), { file: 'mask.art' }));
        expect('error' in tooTall && tooTall.error.message).toBe(
          `fish: mask.art:${maskLine + height}: mask is taller than the art (${height + 1} rows; the frame has ${height})`,
        );
      }),
      { numRuns: 200 },
    );
  });

  it('loadArt on a file gives what parseArtBytes gives on its bytes', () => {
    fc.assert(
      fc.property(fc.oneof(mutatedArt, editedArt, edgyBytes), (bytes) => {
        // An empty file is refused before parsing (`the file is empty`), so it is left out.
        fc.pre(bytes.length > 0);
        const path = tempFile('fuzz.art', bytes);
        const fromFile = attempt(() => loadArt(path));
        const fromBytes = attempt(() => parseArtBytes(bytes, { file: path }));
        expectSafe(fromFile);
        if ('art' in fromFile) expect('art' in fromBytes && fromBytes.art).toEqual(fromFile.art);
        else expect('error' in fromBytes && fromBytes.error.message).toBe(fromFile.error.message);
      }),
      { numRuns: 60 },
    );
  });
});

/** A huge input for the sandbox: its bytes and what it is, for the failure message. */
interface HugeCase {
  readonly label: string;
  readonly bytes: Uint8Array;
}

/** A {@link HugeCase} that fast-check reports by its label, not by its megabyte of bytes. */
function hugeCase(label: string, bytes: Uint8Array): HugeCase {
  const huge: HugeCase = { label, bytes };
  return Object.assign(huge, { [fc.toStringMethod]: () => label });
}

/** Cut to at most `max` bytes, at a character boundary (the loader's size limit is 1 MiB). */
function encodeWithin(text: string, max = 1024 * 1024): Uint8Array {
  const bytes = utf8(text);
  if (bytes.length <= max) return bytes;
  let end = max;
  while ((bytes[end] & 0xc0) === 0x80) end--;
  return bytes.slice(0, end);
}

/** One line of `length` code units of one kind of glyph, plain or after a header. */
const hugeLine: fc.Arbitrary<HugeCase> = fc
  .record({
    unit: fc.constantFrom('>', 'あ', '🐟', 'é', 'e\u0301', '中 ', 'a\t', '>あ'),
    length: fc.integer({ min: 20_000, max: 100_000 }),
    header: fc.boolean(),
    // An escape near the end of the line: the security check must still find it, quickly.
    escape: fc.boolean(),
  })
  .map(({ unit, length, header, escape }) => {
    const line =
      unit.repeat(Math.ceil(length / unit.length)).slice(0, length) + (escape ? '\u001b[2J' : '');
    return hugeCase(
      `a line of ${length} code units of ${JSON.stringify(unit)}${header ? ' after a header' : ''}${escape ? ' ending in ESC' : ''}`,
      encodeWithin(header ? `@fish v1\nname: huge\n@frame\n${line}\n` : `${line}\n`),
    );
  });

/** Art that is wide and tall at once: a small file can describe a huge rectangle of cells. */
const hugeArea: fc.Arbitrary<HugeCase> = fc
  .record({
    width: fc.integer({ min: 2_000, max: 100_000 }),
    height: fc.integer({ min: 2_000, max: 300_000 }),
  })
  .map(({ width, height }) =>
    hugeCase(
      `art ${width} cells wide and ${height} rows tall`,
      encodeWithin(`${'x'.repeat(width)}${'\nx'.repeat(height - 1)}\n`),
    ),
  );

/** A mask far wider than its frame, and many frames in one file. */
const hugeOther: fc.Arbitrary<HugeCase> = fc.oneof(
  fc
    .integer({ min: 10_000, max: 100_000 })
    .map((width) =>
      hugeCase(
        `a mask line ${width} letters wide`,
        encodeWithin(`@fish v1\n@frame\n>))'>\n@mask\n${'r'.repeat(width)}\n`),
      ),
    ),
  fc
    .integer({ min: 1_000, max: 50_000 })
    .map((frames) =>
      hugeCase(`${frames} frames`, encodeWithin(`@fish v1\n${"@frame\n>))'>\n".repeat(frames)}`)),
    ),
);

/** What parsing a 100,000-character line may take: "well under a second". */
const LINE_BUDGET_MS = 1000;
/**
 * What any other file up to the 1 MiB limit may take (tens of thousands of frames, a huge
 * mask): a few times as much, since such files allocate a lot; anything slower is a hang.
 */
const FILE_BUDGET_MS = 3000;

/**
 * Loads or refuses each huge case in the sandbox within `budgetMs`, with the one error if
 * any. `examples` run first: the worst cases of their kind.
 */
async function expectQuickOnHugeInput(
  cases: fc.Arbitrary<HugeCase>,
  { budgetMs, numRuns, examples }: { budgetMs: number; numRuns: number; examples: HugeCase[] },
): Promise<void> {
  await fc.assert(
    fc.asyncProperty(cases, async ({ label, bytes }) => {
      const outcome: SandboxOutcome = await parseInSandbox(bytes, 'huge.art', {
        deadlineMs: 2 * budgetMs,
      });
      expect(outcome.kind, `${label}: ${'message' in outcome ? outcome.message : ''}`).toMatch(
        /^art(-error)?$/,
      );
      if (outcome.kind === 'art-error') expectOneLineError(outcome.message);
      expect(outcome.ms, label).toBeLessThan(budgetMs);
    }),
    // Each failing case can take the whole deadline: report the first, do not shrink.
    { numRuns, endOnFailure: true, examples: examples.map((example) => [example]) },
  );
}

describe('the art loader on huge input (in a child process, with a deadline and a heap ceiling)', () => {
  it('a line of up to 100,000 characters of any kind: done in well under a second', async () => {
    await expectQuickOnHugeInput(hugeLine, {
      budgetMs: LINE_BUDGET_MS,
      numRuns: 6,
      examples: [hugeCase('a line of 100000 "あ"', utf8(`${'あ'.repeat(100_000)}\n`))],
    });
  }, 30_000);

  it('art both wide and tall (a small file, a huge rectangle of cells): refused or loaded quickly, never another error', async () => {
    await expectQuickOnHugeInput(hugeArea, {
      budgetMs: FILE_BUDGET_MS,
      numRuns: 4,
      examples: [
        hugeCase(
          'art 6000 cells wide and 6000 rows tall (an 18 KB file)',
          utf8(`${'x'.repeat(6000)}${'\nx'.repeat(5999)}\n`),
        ),
        hugeCase(
          'art 30000 cells wide and 300000 rows tall',
          encodeWithin(`${'x'.repeat(30_000)}${'\nx'.repeat(299_999)}\n`),
        ),
      ],
    });
  }, 60_000);

  it('a huge mask line, tens of thousands of frames: done quickly', async () => {
    await expectQuickOnHugeInput(hugeOther, { budgetMs: FILE_BUDGET_MS, numRuns: 4, examples: [] });
  }, 60_000);
});

/**
 * `unit` repeated `times` times, or only as often as it takes to pass 1 MiB, where
 * {@link encodeWithin} cuts it: a million cells of half a million marks each would not fit in
 * a string.
 */
function repeatWithin(unit: string, times: number): string {
  return unit.repeat(Math.min(times, Math.ceil((1024 * 1024) / unit.length) + 1));
}

/**
 * Small files that ask for a huge expansion (issue 10): frames of different sizes padded to
 * the largest and multiplied by empty frames, many small frames, tabs, and graphemes that
 * grow without end (a letter and its combining marks, a run of Hangul jamo, an emoji and its
 * variation selectors). Each stays within the 1 MiB a file may have.
 */
const expansion: fc.Arbitrary<HugeCase> = fc.oneof(
  fc
    .record({
      wide: fc.integer({ min: 1, max: 3000 }),
      tall: fc.integer({ min: 1, max: 3000 }),
      empty: fc.integer({ min: 0, max: 20_000 }),
      opposite: fc.boolean(),
    })
    .map(({ wide, tall, empty, opposite }) => {
      const frames = `@frame\n${'x'.repeat(wide)}\n@frame\n${'x\n'.repeat(tall)}${'@frame\n'.repeat(empty)}`;
      // With @opposite, the big frames are the opposite ones, after small main frames.
      const text = opposite
        ? `${repeatWithin('@frame\nx\n', empty + 2)}@opposite\n${frames}`
        : frames;
      return hugeCase(
        `a frame ${wide} wide, one ${tall} tall and ${empty} empty frames${opposite ? ', drawn opposite' : ''}`,
        encodeWithin(`@fish v1\n${text}`),
      );
    }),
  fc
    .record({ frames: fc.integer({ min: 1, max: 120_000 }), size: fc.integer({ min: 1, max: 4 }) })
    .map(({ frames, size }) =>
      hugeCase(
        `${frames} frames of ${size}x${size}`,
        encodeWithin(
          `@fish v1\n${repeatWithin(`@frame\n${`${'o'.repeat(size)}\n`.repeat(size)}`, frames)}`,
        ),
      ),
    ),
  fc
    .record({
      lines: fc.integer({ min: 1, max: 20_000 }),
      tabs: fc.integer({ min: 1, max: 5000 }),
      shape: fc.constantFrom('between letters', 'leading', 'alone', 'in a mask'),
    })
    .map(({ lines, tabs, shape }) => {
      const run = repeatWithin('\t', tabs);
      const line =
        shape === 'between letters'
          ? `x${run}x`
          : shape === 'leading'
            ? `${run}x`
            : shape === 'alone'
              ? run
              : `r${run}r`;
      const art =
        shape === 'in a mask'
          ? `@fish v1\n@frame\n${'x'.repeat(1000)}\n@mask\n${repeatWithin(`${line}\n`, lines)}`
          : repeatWithin(`${line}\n`, lines);
      return hugeCase(`${lines} lines of ${tabs} tabs, ${shape}`, encodeWithin(art));
    }),
  fc
    .record({
      grapheme: fc.constantFrom(
        { base: 'x', mark: '\u0301' },
        { base: 'e', mark: '\u0489' },
        { base: 'か', mark: '\u3099' },
        { base: '\u1100', mark: '\u1100' },
        { base: '\u1100', mark: '\u1161' },
        { base: '🐟', mark: '\ufe0f' },
      ),
      marks: fc.integer({ min: 1, max: 500_000 }),
      cells: fc.integer({ min: 1, max: 1000 }),
      inHeader: fc.boolean(),
    })
    .map(({ grapheme: { base, mark }, marks, cells, inHeader }) => {
      const cell = base + repeatWithin(mark, marks);
      const art = inHeader
        ? `@fish v1\ntransparent: ${cell}\n@frame\n>))'>\n`
        : `${repeatWithin(cell, cells)}\n`;
      const code = (text: string): string =>
        `U+${(text.codePointAt(0) ?? 0).toString(16).toUpperCase()}`;
      return hugeCase(
        `${inHeader ? 'a header value' : `${cells} cells`} of ${code(base)} and ${marks} x ${code(mark)}`,
        encodeWithin(art),
      );
    }),
);

/** What checking any art may take: about a second of work... */
const EXPANSION_BUDGET_MS = 1000;
/** ...and 256 MB, the whole process included (Node's own 45 MB among them). */
const EXPANSION_BUDGET_MB = 256;

describe('small art that asks for a huge expansion (in a child process, 256 MB heap, a deadline)', () => {
  const seed = testSeed();
  it('is refused or loaded within a second of CPU and 256 MB, with one line if refused', async () => {
    // Sampled, then run two at a time: fast-check's runner would run the processes one by one.
    const cases = fc.sample(expansion, { numRuns: 12, seed });
    const outcomes = await mapWithLimit(cases, 2, ({ bytes }) =>
      parseInSandbox(bytes, 'expansion.art', {
        deadlineMs: 5 * EXPANSION_BUDGET_MS,
        memoryMb: EXPANSION_BUDGET_MB,
      }),
    );
    outcomes.forEach((outcome, i) => {
      const label = `${cases[i].label} (FISH_TEST_SEED=${seed})`;
      expect(outcome.kind, `${label}: ${'message' in outcome ? outcome.message : ''}`).toMatch(
        /^art(-error)?$/,
      );
      if (outcome.kind !== 'art' && outcome.kind !== 'art-error') return;
      if (outcome.kind === 'art-error') expectOneLineError(outcome.message);
      // CPU time, not wall time: the work the input costs, however busy the machine is.
      expect(outcome.cpuMs, label).toBeLessThan(EXPANSION_BUDGET_MS);
      expect(outcome.peakMb, label).toBeLessThan(EXPANSION_BUDGET_MB);
    });
  }, 60_000);
});
