import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseArt, resolveArt, type Sprite } from '../../src/art/index.js';
import { DEFAULT_MIRROR_TABLE, mirrorSprite } from '../../src/art/mirror.js';
import { glyphsOf } from '../../src/art/width.js';
import { drawableChar, picture, styleLetters } from './helpers.js';

const text = (...lines: string[]): string => lines.map((line) => `${line}\n`).join('');
const left = (art: string): string[] => picture(parseArt(art).frames.left[0]);

describe('mirroring', () => {
  it("turns the ancestor's bass >))'> into <'((<", () => {
    const bass = resolveArt('bass');
    expect(picture(bass.frames.right[0])).toEqual([">))'>"]);
    expect(picture(bass.frames.left[0])).toEqual(["<'((<"]);
  });

  it("swaps ` and ' by default, which the bass turns off with its mirror header", () => {
    expect(left(">))'>")).toEqual(['<`((<']);
    expect(left('`-.\n')).toEqual([".-'"]);
  });

  it('turns the salmon ><{{{*> into <*}}}><', () => {
    expect(left('><{{{*>')).toEqual(['<*}}}><']);
    expect(picture(resolveArt('salmon').frames.left[0])).toEqual(['<*}}}><']);
  });

  it('swaps every default ASCII pair', () => {
    expect(left("()[]{}<>/\\`'dbpq")).toEqual(["pqdb`'/\\<>{}[]()"]);
  });

  it('keeps multi-line art aligned by padding lines to the full width first', () => {
    const art = parseArt(text('  __', '_( o)>', '\\ <_ )', " `---'"));
    expect(picture(art.frames.right[0])).toEqual(['··__··', '_( o)>', '\\ <_ )', "·`---'"]);
    expect(picture(art.frames.left[0])).toEqual(['··__··', '<(o )_', '( _> /', "`---'·"]);
  });

  it('keeps wide glyphs whole: the lead cell, then its continuation', () => {
    const art = parseArt('<中🐟x\n（a');
    const mirrored = art.frames.left[0];
    expect(picture(mirrored)).toEqual(['x🐟中>', '···a）']);
    expect(mirrored.cells.slice(0, 6).map((cell) => cell?.width)).toEqual([1, 2, 0, 2, 0, 1]);
    expect(mirrored.cells[6]).toBeNull();
    expect(mirrored.cells[10]).toEqual({ glyph: '）', width: 2, style: 0 });
    expect(mirrored.cells[11]).toEqual({ glyph: '', width: 0, style: 0 });
  });

  it('moves styles and transparent cells with their glyphs', () => {
    const art = parseArt(text('@fish v1', 'transparent: .', '@frame', 'a.(b', '@mask', 'r gB'));
    expect(picture(art.frames.left[0])).toEqual(['d)·a']);
    expect(styleLetters(art.frames.left[0])).toEqual(['Bg·r']);
  });

  it('mirrors every frame, masks included', () => {
    const art = parseArt(
      text('@fish v1', '@frame', '<a', '@mask', 'r', '@frame', '<b', '@mask', ' g'),
    );
    expect(art.frames.left.map(picture)).toEqual([['a>'], ['d>']]);
    expect(art.frames.left.map(styleLetters)).toEqual([[' r'], ['g ']]);
  });

  it('mirrors art drawn facing left into the right facing', () => {
    const art = parseArt(text('@fish v1', 'facing: left', '@frame', '<(('));
    expect(picture(art.frames.left[0])).toEqual(['<((']);
    expect(picture(art.frames.right[0])).toEqual(['))>']);
  });

  it('is its own inverse (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: drawableChar, maxLength: 12 }), { minLength: 1, maxLength: 4 }),
        (lines) => {
          let art;
          try {
            art = parseArt(lines.join('\n'));
          } catch {
            return;
          }
          const sprite = art.frames.right[0];
          expect(mirrorSprite(art.frames.left[0])).toEqual(sprite);
          expect(art.frames.left[0].width).toBe(sprite.width);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('mirrorSprite', () => {
  const sprite = (cells: Sprite['cells'], width: number): Sprite => ({
    width,
    height: cells.length / width,
    cells,
  });

  it('uses the default table unless given another', () => {
    const s = sprite([{ glyph: '(', width: 1, style: 0 }, null], 2);
    expect(mirrorSprite(s).cells).toEqual([null, { glyph: ')', width: 1, style: 0 }]);
    expect(mirrorSprite(s, new Map()).cells).toEqual([null, { glyph: '(', width: 1, style: 0 }]);
    const other = new Map([
      ['(', 'x'],
      ['x', '('],
    ]);
    expect(mirrorSprite(s, other).cells[1]?.glyph).toBe('x');
  });

  it('returns the same cell objects for glyphs without a mirror image', () => {
    const cell = { glyph: 'o', width: 1 as const, style: 3 };
    expect(mirrorSprite(sprite([cell], 1)).cells[0]).toBe(cell);
  });

  it('treats a stray continuation cell as a cell of its own', () => {
    const stray = { glyph: '', width: 0 as const, style: 0 };
    const a = { glyph: 'a', width: 1 as const, style: 0 };
    expect(mirrorSprite(sprite([stray, a], 2)).cells).toEqual([a, stray]);
  });
});

describe('the mirror table', () => {
  it('pairs characters of the same width', () => {
    expect(DEFAULT_MIRROR_TABLE.size).toBeGreaterThan(80);
    for (const [a, b] of DEFAULT_MIRROR_TABLE) {
      const widths = glyphsOf(a + b).map((g) => g.width);
      expect(widths).toHaveLength(2);
      expect(widths[0]).toBe(widths[1]);
    }
  });

  it('pairs each character with one other, both ways (none is in two pairs)', () => {
    for (const [a, b] of DEFAULT_MIRROR_TABLE) {
      expect(b).not.toBe(a);
      expect(DEFAULT_MIRROR_TABLE.get(b)).toBe(a);
    }
  });
});

describe('the mirror header', () => {
  const mirrored = (header: string, art: string): string =>
    picture(parseArt(text('@fish v1', header, '@frame', art)).frames.left[0])[0];

  it('adds pairs', () => {
    expect(mirrored('mirror: ab', 'ab(')).toBe(')ab');
    expect(mirrored('mirror: ab ba', 'ab(')).toBe(')ab');
  });

  it('keeps a single character (and its old partner) unmirrored', () => {
    expect(mirrored("mirror: '", ">'`")).toBe("`'<");
    expect(mirrored('mirror: `', ">'`")).toBe("`'<");
    expect(mirrored('mirror: x', '(x')).toBe('x)');
  });

  it('overrides a default pair, freeing the old partners', () => {
    // `(` now pairs with `<`; `)` and `>` mirror to themselves.
    expect(mirrored('mirror: (<', '()<>')).toBe('>()<');
  });

  it('forgets every pair with none, then adds any given after it', () => {
    expect(mirrored('mirror: none', '(<[/')).toBe('/[<(');
    expect(mirrored('mirror: none ()', '(<[/')).toBe('/[<)');
  });

  it('adds up over several mirror lines, in order', () => {
    const art = parseArt(text('@fish v1', 'mirror: none', 'mirror: ab', '@frame', 'a(b'));
    expect(picture(art.frames.left[0])).toEqual(['a(b']);
  });

  it('accepts wide pairs of the same width', () => {
    expect(mirrored('mirror: 中文', '中x')).toBe('x文');
  });

  it('does not change the default table for other art', () => {
    mirrored('mirror: none', '(');
    expect(left('(')).toEqual([')']);
    expect(DEFAULT_MIRROR_TABLE.get('(')).toBe(')');
  });
});
