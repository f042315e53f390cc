/**
 * The size limits of art (docs/art-format.md, "The file"): the bytes, each line's width, each
 * frame's height, the cells of all frames padded to the largest, and the code points of one
 * cell. Each refusal names the file, and the line and column where there is one; art just
 * inside each limit loads. The huge cases, in a child process, are in hostile-size.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { ArtError, parseArt, parseArtBytes } from '../../src/art/index.js';
import {
  MAX_ART_BYTES,
  MAX_ART_CELLS,
  MAX_ART_FRAMES,
  MAX_ART_HEIGHT,
  MAX_ART_WIDTH,
  MAX_CELL_CODE_POINTS,
} from '../../src/art/limits.js';
import { glyphsOf } from '../../src/art/width.js';
import { artError } from './helpers.js';

/** Art text from lines, each ended by `\n`. */
const text = (...lines: string[]): string => lines.map((line) => `${line}\n`).join('');

const TOO_WIDE = 'the line is too wide (art is at most 1000 cells wide)';

describe('the limits', () => {
  it('are the documented numbers', () => {
    expect([
      MAX_ART_BYTES,
      MAX_ART_WIDTH,
      MAX_ART_HEIGHT,
      MAX_ART_CELLS,
      MAX_ART_FRAMES,
      MAX_CELL_CODE_POINTS,
    ]).toEqual([1024 * 1024, 1000, 500, 1_000_000, 10_000, 31]);
  });
});

describe('the width of a line', () => {
  it('may be 1000 cells', () => {
    expect(parseArt('x'.repeat(1000)).width).toBe(1000);
    expect(parseArt(`${'\t'.repeat(124)}${'中'.repeat(4)}`).width).toBe(1000);
  });

  // Issue 10: the whole line was expanded before its width was looked at.
  it('is refused past 1000 cells, naming the line and the column past the edge', () => {
    const error = artError(() => parseArt(text('o', 'x'.repeat(1001)), { file: 'w.art' }));
    expect(error.message).toBe(`fish: w.art:2:1001: ${TOO_WIDE}`);
    expect([error.line, error.column]).toEqual([2, 1001]);
  });

  it('counts wide glyphs and tabs in cells', () => {
    expect(artError(() => parseArt('中'.repeat(501))).message).toBe(
      `fish: <text>:1:1001: ${TOO_WIDE}`,
    );
    expect(artError(() => parseArt(`${'\t'.repeat(125)}x`)).message).toBe(
      `fish: <text>:1:1001: ${TOO_WIDE}`,
    );
    expect(artError(() => parseArt(`x${'\t'.repeat(200)}x`)).message).toBe(
      `fish: <text>:1:1001: ${TOO_WIDE}`,
    );
  });

  it('does not count spaces and tabs after the last character, which draw nothing', () => {
    const art = parseArt(text(`x${' '.repeat(5000)}${'\t'.repeat(1000)}`, 'y'));
    expect([art.width, art.height]).toEqual([1, 2]);
  });

  it('is bounded in masks too', () => {
    const error = artError(() =>
      parseArt(text('@fish v1', '@frame', 'o', '@mask', 'r'.repeat(1001))),
    );
    expect(error.message).toBe(`fish: <text>:5:1001: ${TOO_WIDE}`);
  });

  it('is bounded for anyone who calls glyphsOf', () => {
    expect(glyphsOf('x'.repeat(1000))).toHaveLength(1000);
    expect(
      artError(() => glyphsOf(`${'\t'.repeat(1_000_000)}x`, { file: 'f', line: 7 })).message,
    ).toBe(`fish: f:7:1001: ${TOO_WIDE}`);
  });
});

describe('the height of a frame', () => {
  it('may be 500 rows, blank lines at its end not counted', () => {
    expect(parseArt(text(...Array<string>(500).fill('x'), '', '  ', '\t')).height).toBe(500);
  });

  // Issue 10: every line of a 10,000-line frame was drawn before the height was looked at.
  it('is refused past 500 rows, naming the first line past the edge', () => {
    const error = artError(() =>
      parseArt(text('@fish v1', '@frame', ...Array<string>(600).fill('x')), { file: 't.art' }),
    );
    expect(error.message).toBe(
      'fish: t.art:503: the frame is too tall (art is at most 500 rows tall)',
    );
  });
});

describe('the cells of all frames, each padded to the largest', () => {
  /** `frames` frames: the first `width` cells wide, the others empty. */
  const frames = (count: number, width: number): string =>
    `@fish v1\n@frame\n${'x'.repeat(width)}\n${'@frame\n'.repeat(count - 1)}`;

  it('may be 1,000,000', () => {
    const art = parseArt(frames(1000, 1000));
    expect([art.frames.right.length, art.width, art.height]).toEqual([1000, 1000, 1]);
    expect(parseArt(`${'x'.repeat(1000)}\n`.repeat(500)).frames.left[0].cells).toHaveLength(
      500_000,
    );
  });

  // Issue 10: 202 frames padded to 1000x500 took 2 GB; with 2,000 the process died.
  it('are refused past 1,000,000, naming the frame that makes the art that large', () => {
    const error = artError(() => parseArt(frames(1001, 1000), { file: 'f.art' }));
    expect(error.message).toBe(
      'fish: f.art:2: the art is too large: 1001 frames of 1000x1 cells make 1001000 cells ' +
        '(at most 1000000; every frame is padded to the largest)',
    );
    const tall = `@fish v1\n@frame\n${'x'.repeat(1000)}\n@frame\n${'x\n'.repeat(500)}${'@frame\n'.repeat(200)}`;
    expect(artError(() => parseArt(tall, { file: 'p.art' })).message).toBe(
      'fish: p.art:4: the art is too large: 202 frames of 1000x500 cells make 101000000 cells ' +
        '(at most 1000000; every frame is padded to the largest)',
    );
  });

  it('count the hand-drawn opposite frames in the size', () => {
    const art = text(
      '@fish v1',
      '@frame',
      'x',
      '@frame',
      'x',
      '@opposite',
      '@frame',
      'x',
      '@frame',
      'x'.repeat(1000),
    );
    expect(parseArt(art).width).toBe(1000);
    // 1001 frames of one cell, then as many opposite ones, the last of them 1000 cells wide.
    const count = 1001;
    const many = `@fish v1\n${'@frame\nx\n'.repeat(count)}@opposite\n${'@frame\n'.repeat(count - 1)}@frame\n${'x'.repeat(1000)}\n`;
    expect(artError(() => parseArt(many)).message).toMatch(
      new RegExp(
        `^fish: <text>:${3 * count + 2}: the art is too large: ${count} frames of 1000x1 cells`,
      ),
    );
  });
});

describe('the number of frames', () => {
  const frames = (count: number): string => `@fish v1\n${'@frame\nx\n'.repeat(count)}`;

  it('may be 10,000', () => {
    expect(parseArt(frames(10_000)).frames.left).toHaveLength(10_000);
  });

  // 100,000 frames of one character (a 1 MiB file) took over a second: each frame costs
  // something of its own.
  it('is refused past 10,000, at the first frame too many', () => {
    expect(artError(() => parseArt(frames(10_001), { file: 'n.art' })).message).toBe(
      'fish: n.art:20002: too many frames (art has at most 10000 frames)',
    );
    const opposite = `${frames(2)}@opposite\n${'@frame\n'.repeat(10_001)}`;
    expect(artError(() => parseArt(opposite)).message).toBe(
      'fish: <text>:10007: too many frames (art has at most 10000 frames)',
    );
  });
});

describe('the code points of one cell', () => {
  it('may be a character and 30 combining marks', () => {
    const glyph = `e${'\u0301'.repeat(30)}`;
    expect(parseArt(glyph).frames.right[0].cells[0]?.glyph).toBe(glyph);
  });

  // Issue 10: one letter with 500,000 combining marks loaded as 1x1 art, 1 MB a frame.
  it('are refused past 31, naming the line and the column', () => {
    const error = artError(() =>
      parseArt(text('ok', `>))'> e${'\u0301'.repeat(31)}`), { file: 'z.art' }),
    );
    expect(error.message).toBe(
      'fish: z.art:2:7: U+0065 has more than 30 combining marks (a cell holds at most 31 code points)',
    );
    expect(error).toBeInstanceOf(ArtError);
    expect([error.line, error.column]).toEqual([2, 7]);
  });

  it('are counted after a tab and a wide glyph, in cells', () => {
    expect(artError(() => parseArt(`\t中a${'\u0300'.repeat(40)}`)).message).toMatch(
      /^fish: <text>:1:11: U\+0061 has more/,
    );
  });

  it('are bounded in header values too', () => {
    const error = artError(() =>
      parseArt(text('@fish v1', `transparent: .${'\u0301'.repeat(100)}`, '@frame', 'o')),
    );
    expect(error.message).toMatch(/^fish: <text>:2:14: U\+002E has more than 30 combining marks/);
  });
});

describe('the size of the text', () => {
  // Issue 10: a 50 MB string took 19.5 s and 4 GB to be refused.
  it('given to parseArt is refused over 1 MiB of UTF-8, before any work', () => {
    expect(parseArt(`x${' '.repeat(MAX_ART_BYTES - 1)}`).width).toBe(1);
    expect(parseArt(`é${' '.repeat(MAX_ART_BYTES - 2)}`).width).toBe(1);
    const over = (art: string): string => artError(() => parseArt(art, { file: 'a.art' })).message;
    const message = 'fish: a.art: the art is too large (over 1 MiB as UTF-8; art is at most 1 MiB)';
    expect(over('x'.repeat(MAX_ART_BYTES + 1))).toBe(message);
    // No more code units than the limit, but more bytes.
    expect(over(`é${' '.repeat(MAX_ART_BYTES - 1)}`)).toBe(message);
  });

  it('given to parseArtBytes is refused over 1 MiB, before decoding', () => {
    const bytes = new Uint8Array(MAX_ART_BYTES + 1).fill(0xff);
    expect(artError(() => parseArtBytes(bytes, { file: 'b.art' })).message).toBe(
      'fish: b.art: the art is too large (1048577 bytes; art is at most 1 MiB)',
    );
  });
});
