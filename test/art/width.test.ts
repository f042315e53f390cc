/**
 * Display widths, checked against the reference terminal: xterm.js with its Unicode 11
 * widths, the emulator the end-to-end tests read the screen from.
 */
import { Unicode11Addon } from '@xterm/addon-unicode11';
import { Terminal, type IUnicodeVersionProvider } from '@xterm/headless';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parseArt } from '../../src/art/index.js';
import { glyphsOf, widthOf, type Glyph } from '../../src/art/width.js';
import { artError, drawableChar, picture, unlessRefused } from './helpers.js';
import { printable } from '../../src/art/untrusted.js';

const graphemesOf = (line: string): string[] => glyphsOf(line).map((g) => g.glyph);
const widthsOf = (line: string): number[] => glyphsOf(line).map((g) => g.width);

describe('glyphsOf', () => {
  it('splits ASCII into one-cell glyphs, sharing glyph objects', () => {
    const glyphs = glyphsOf('a b~');
    expect(glyphs).toEqual([
      { glyph: 'a', width: 1 },
      { glyph: ' ', width: 1 },
      { glyph: 'b', width: 1 },
      { glyph: '~', width: 1 },
    ]);
    expect(glyphsOf('a')[0]).toBe(glyphs[0]);
  });

  it('gives CJK, Hangul and fullwidth forms two cells, halfwidth forms one', () => {
    expect(widthsOf('中文한Ａｱ')).toEqual([2, 2, 2, 2, 1]);
  });

  it('gives emoji with emoji presentation two cells', () => {
    expect(glyphsOf('🐟🐠🐡🦈🐳⌚')).toEqual(
      ['🐟', '🐠', '🐡', '🦈', '🐳', '⌚'].map((glyph) => ({ glyph, width: 2 })),
    );
  });

  it('gives ambiguous-width characters one cell', () => {
    expect(widthsOf('°─▌«·')).toEqual([1, 1, 1, 1, 1]);
  });

  it('keeps combining marks with the character before them', () => {
    expect(glyphsOf('e\u0301x')).toEqual([
      { glyph: 'e\u0301', width: 1 },
      { glyph: 'x', width: 1 },
    ]);
    expect(glyphsOf('中\u0301')).toEqual([{ glyph: '中\u0301', width: 2 }]);
    expect(graphemesOf(' \u0301')).toEqual([' \u0301']);
  });

  it('accepts a wide emoji with U+FE0F, and a narrow character with U+FE0E', () => {
    expect(glyphsOf('🐟\ufe0f')).toEqual([{ glyph: '🐟\ufe0f', width: 2 }]);
    expect(glyphsOf('☺\ufe0e')).toEqual([{ glyph: '☺\ufe0e', width: 1 }]);
  });

  it('expands tabs to the next multiple of 8 columns', () => {
    expect(widthOf(glyphsOf('\t'))).toBe(8);
    expect(widthOf(glyphsOf('1234567\t'))).toBe(8);
    expect(widthOf(glyphsOf('12345678\t'))).toBe(16);
    expect(widthOf(glyphsOf('中\t'))).toBe(8);
    expect(widthOf(glyphsOf('é\tx'))).toBe(9);
    expect(graphemesOf('a\tb').join('')).toBe('a       b');
  });

  it('gives the empty line no glyphs', () => {
    expect(glyphsOf('')).toEqual([]);
  });

  it('names the file and line in its errors', () => {
    const error = artError(() => glyphsOf('👨‍👩‍👧', { file: 'x.art', line: 7 }));
    expect(error.message.startsWith('fish: x.art:7: ')).toBe(true);
  });
});

describe('the graphemes of glyphsOf', () => {
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  /** Characters that join or stand alone: the fast path's and every kind it must leave alone. */
  const char = fc.oneof(
    drawableChar,
    fc.constantFrom(
      'é',
      'ÿ',
      '¡',
      '─',
      '▟',
      'ぁ',
      'ゖ',
      'ァ',
      'ヺ',
      '㐀',
      '中',
      '鿿',
      '가',
      '힣',
      'ｚ',
      '！',
    ),
    fc.constantFrom(
      '\u0301',
      '\u3099',
      '\u309a',
      '\u1100',
      '\u1161',
      '\u11a8',
      '\u200c',
      '\uff9e',
      '\u0e33',
      '\u0d4e',
    ),
  );

  it("are Intl.Segmenter's, whichever path a line takes (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: char, maxLength: 12 }), (line) => {
        const glyphs = unlessRefused(() => graphemesOf(line));
        if (glyphs === undefined) return;
        expect(glyphs).toEqual(Array.from(segmenter.segment(line), (s) => s.segment));
      }),
      { numRuns: 2000 },
    );
  });

  it('join a combining mark to a character of the fast path', () => {
    expect(graphemesOf('中\u0301x')).toEqual(['中\u0301', 'x']);
    expect(graphemesOf('─か\u3099')).toEqual(['─', 'か\u3099']);
  });
});

describe('characters of disputed width', () => {
  it.each([
    ['a ZWJ family', '👨‍👩‍👧', 'use a single-code-point emoji'],
    ['a ZWJ sequence after U+FE0F', '❤️‍🔥', 'use a single-code-point emoji'],
    ['a flag', '🇫🇷', 'use another character'],
    ['a lone regional indicator', '🇫', 'use another character'],
    ['a skin tone modifier', '👍🏽', 'use a single-code-point emoji'],
    ['a narrow character with U+FE0F', '❤️', 'use a single-code-point emoji'],
    ['a keycap', '1️⃣', 'use a single-code-point emoji'],
    ['a wide emoji with U+FE0E', '🐟\ufe0e', 'use a single-code-point emoji'],
    ['an emoji newer than Unicode 11', '🪼', 'use another character'],
    ['a conjoining Hangul jamo sequence', '\u1100\u1161', 'use another character'],
    [
      'a spacing mark that terminals draw in a cell of its own',
      'क\u093e',
      'use a single-code-point emoji',
    ],
  ])('refuses %s', (_, glyph, advice) => {
    const error = artError(() => parseArt(`x\n${glyph}`, { file: 'e.art' }));
    expect(error.line).toBe(2);
    // Quoted as printable: invisible joiners are written out as escapes.
    expect(error.reason).toContain(`"${printable(glyph)}" (U+`);
    expect(error.reason).toContain(
      `is drawn at different widths by different terminals; ${advice}`,
    );
  });

  it('names every code point of the ZWJ sequence', () => {
    expect(artError(() => glyphsOf('👨‍👩‍👧')).reason).toBe(
      '"👨\\u{200d}👩\\u{200d}👧" (U+1F468 U+200D U+1F469 U+200D U+1F467) is drawn at different widths by different terminals; use a single-code-point emoji',
    );
  });

  it('names a few code points of a long cluster, and quotes only its start', () => {
    const reason = artError(() => glyphsOf(`\u2764\ufe0f${'\u0301'.repeat(29)}`)).reason;
    expect(reason.length).toBeLessThan(200);
    expect(reason).toContain('and 25 more');
  });

  it('refuses a combining mark with nothing before it', () => {
    expect(artError(() => glyphsOf('\u0301a')).reason).toBe(
      'combining mark U+0301 has no character before it to combine with',
    );
    expect(artError(() => glyphsOf('a\t\u0301')).reason).toContain('combining mark U+0301');
  });
});

describe('art with wide glyphs', () => {
  it('marks the art wide and puts a continuation cell after each wide glyph', () => {
    const art = parseArt('<中🐟>');
    expect(art.wide).toBe(true);
    expect(art.width).toBe(6);
    expect(art.frames.right[0].cells).toEqual([
      { glyph: '<', width: 1, style: 0 },
      { glyph: '中', width: 2, style: 0 },
      { glyph: '', width: 0, style: 0 },
      { glyph: '🐟', width: 2, style: 0 },
      { glyph: '', width: 0, style: 0 },
      { glyph: '>', width: 1, style: 0 },
    ]);
  });

  it('aligns lines by cells, not characters', () => {
    const art = parseArt('中中\nabcd\n🐟x');
    expect(art.width).toBe(4);
    expect(picture(art.frames.right[0])).toEqual(['中中', 'abcd', '🐟x·']);
  });
});

/** The reference terminal: xterm.js with Unicode 11 widths. */
function createTerminal(cols: number): Terminal {
  const term = new Terminal({ cols, rows: 2, allowProposedApi: true });
  term.loadAddon(new Unicode11Addon());
  term.unicode.activeVersion = '11';
  return term;
}

/** Writes to the terminal and waits until it has been processed. */
function write(term: Terminal, data: string): Promise<void> {
  return new Promise((resolve) => term.write(data, resolve));
}

/** What the terminal shows in the first row, as glyphs with widths, after a reset. */
async function drawn(term: Terminal, line: string): Promise<{ cells: Glyph[]; cursor: number }> {
  await write(term, `\u001bc${line}`);
  const row = term.buffer.active.getLine(0);
  const cursor = term.buffer.active.cursorX;
  const cells: Glyph[] = [];
  for (let x = 0; row !== undefined && x < cursor; x++) {
    const cell = row.getCell(x);
    if (cell === undefined || cell.getWidth() === 0) continue;
    const width = cell.getWidth();
    if (width === 1 || width === 2) cells.push({ glyph: cell.getChars() || ' ', width });
  }
  return { cells, cursor };
}

describe('agreement with xterm.js (Unicode 11)', () => {
  const term = createTerminal(120);
  afterAll(() => term.dispose());

  it('draws the built-in kinds of glyph at the widths glyphsOf gives', async () => {
    const line = 'a中文한Ａｱ°─▌é\u0301🐟🐠🐡🦈🐳⌚🐟\ufe0f☺\ufe0e<>';
    const glyphs = glyphsOf(line);
    const shown = await drawn(term, line);
    expect(shown.cursor).toBe(widthOf(glyphs));
    expect(shown.cells).toEqual(glyphs);
  });

  it('draws every line glyphsOf accepts at the widths it gives (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: drawableChar, maxLength: 30 }), async (line) => {
        const glyphs = unlessRefused(() => glyphsOf(line));
        if (glyphs === undefined) return;
        const shown = await drawn(term, line);
        expect(shown.cursor).toBe(widthOf(glyphs));
        expect(shown.cells.map((c) => c.width)).toEqual(glyphs.map((g) => g.width));
        expect(shown.cells.map((c) => c.glyph).join('')).toBe(line);
      }),
      { numRuns: 1000 },
    );
  });

  it('agrees on the width of every code point glyphsOf accepts', () => {
    // The provider the addon registers: its wcwidth is what the terminal uses per code point.
    let provider: IUnicodeVersionProvider | undefined;
    const registry = {
      unicode: {
        register(registered: IUnicodeVersionProvider): void {
          provider = registered;
        },
      },
    };
    new Unicode11Addon().activate(registry);
    if (provider === undefined) throw new Error('the Unicode 11 addon registered no provider');
    const wcwidth = provider.wcwidth.bind(provider);
    const mismatches: string[] = [];
    for (let codePoint = 0x20; codePoint <= 0x10ffff; codePoint++) {
      // Past plane 1, all is CJK ideographs, unassigned, tags and private use: sample it.
      if (
        codePoint >= 0x20000 &&
        codePoint % 0x40 !== 0 &&
        (codePoint < 0xe0000 || codePoint > 0xe0fff)
      ) {
        continue;
      }
      if (codePoint >= 0xd800 && codePoint <= 0xdfff) continue;
      let width: number;
      try {
        // After a letter, so that a combining mark has something to combine with.
        width = widthOf(glyphsOf(`a${String.fromCodePoint(codePoint)}`)) - 1;
      } catch {
        continue;
      }
      if (width !== wcwidth(codePoint)) mismatches.push(codePoint.toString(16));
    }
    expect(mismatches).toEqual([]);
  });
});
