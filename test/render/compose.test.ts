import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { STYLE_BOLD } from '../../src/art/types.js';
import { createGrid } from '../../src/render/grid.js';
import {
  changedArea,
  composeFrame,
  drawSprite,
  drawText,
  inkRuns,
} from '../../src/render/compose.js';
import { gridOf, spriteOf, testWidth, textOf, wideGlyphsWhole, WIDE_GLYPHS } from './fixtures.js';

describe('composeFrame', () => {
  it('draws a sprite at its place on a blank grid', () => {
    const grid = composeFrame(8, 3, [{ sprite: spriteOf(['><>']), x: 2, y: 1, depth: 0 }]);
    expect(textOf(grid)).toEqual(['        ', '  ><>   ', '        ']);
  });

  it('draws lower depth on top', () => {
    const front = { sprite: spriteOf(['AAA']), x: 0, y: 0, depth: 1 };
    const back = { sprite: spriteOf(['BBBBB']), x: 1, y: 0, depth: 5 };
    expect(textOf(composeFrame(6, 1, [front, back]))).toEqual(['AAABBB']);
    expect(textOf(composeFrame(6, 1, [back, front]))).toEqual(['AAABBB']);
  });

  it('draws later placements on top at equal depth', () => {
    const a = { sprite: spriteOf(['aaa']), x: 0, y: 0, depth: 2 };
    const b = { sprite: spriteOf(['bbb']), x: 1, y: 0, depth: 2 };
    const c = { sprite: spriteOf(['c']), x: 5, y: 0, depth: 9 };
    expect(textOf(composeFrame(6, 1, [a, b]))).toEqual(['abbb  ']);
    expect(textOf(composeFrame(6, 1, [b, a]))).toEqual(['aaab  ']);
    // Out of depth order (forcing a sort): ties still keep array order.
    expect(textOf(composeFrame(6, 1, [a, b, c]))).toEqual(['abbb c']);
    expect(textOf(composeFrame(6, 1, [b, c, a]))).toEqual(['aaab c']);
  });

  it('leaves transparent cells alone and paints opaque spaces', () => {
    const back = { sprite: spriteOf(['#####']), x: 0, y: 0, depth: 1 };
    const holey = { sprite: spriteOf(['a.b c'], { transparent: '.' }), x: 0, y: 0, depth: 0 };
    expect(textOf(composeFrame(5, 1, [back, holey]))).toEqual(['a#b c']);
  });

  it('clips on all four sides', () => {
    const sprite = spriteOf(['abc', 'def', 'ghi']);
    expect(textOf(composeFrame(4, 2, [{ sprite, x: -1, y: -1, depth: 0 }]))).toEqual([
      'ef  ',
      'hi  ',
    ]);
    expect(textOf(composeFrame(4, 2, [{ sprite, x: 2, y: 1, depth: 0 }]))).toEqual([
      '    ',
      '  ab',
    ]);
    expect(textOf(composeFrame(4, 2, [{ sprite, x: -3, y: 0, depth: 0 }]))).toEqual([
      '    ',
      '    ',
    ]);
    expect(textOf(composeFrame(4, 2, [{ sprite, x: 4, y: 0, depth: 0 }]))).toEqual([
      '    ',
      '    ',
    ]);
    expect(textOf(composeFrame(4, 2, [{ sprite, x: 0, y: -3, depth: 0 }]))).toEqual([
      '    ',
      '    ',
    ]);
    expect(textOf(composeFrame(4, 2, [{ sprite, x: 0, y: 2, depth: 0 }]))).toEqual([
      '    ',
      '    ',
    ]);
  });

  it('clips a wide glyph whole at the left edge', () => {
    const grid = composeFrame(4, 1, [{ sprite: spriteOf(['あb']), x: -1, y: 0, depth: 0 }]);
    expect(textOf(grid)).toEqual([' b  ']);
    expect(Array.from(grid.widths)).toEqual([1, 1, 1, 1]);
  });

  it('clips a wide glyph whole at the right edge', () => {
    const grid = composeFrame(4, 1, [{ sprite: spriteOf(['abあ']), x: 1, y: 0, depth: 0 }]);
    expect(textOf(grid)).toEqual([' ab ']);
    expect(Array.from(grid.widths)).toEqual([1, 1, 1, 1]);
  });

  it('draws a wide glyph that fits as a lead and a continuation', () => {
    const grid = composeFrame(4, 1, [{ sprite: spriteOf(['🐟']), x: 2, y: 0, depth: 0 }]);
    expect(grid.glyphs).toEqual([' ', ' ', '🐟', '']);
    expect(Array.from(grid.widths)).toEqual([1, 1, 2, 0]);
  });

  it('blanks the other half of a wide glyph painted over', () => {
    const wide = { sprite: spriteOf(['ああ']), x: 0, y: 0, depth: 1 };
    // Over the continuation of the first and the lead of the second.
    const over = { sprite: spriteOf(['x']), x: 1, y: 0, depth: 0 };
    let grid = composeFrame(5, 1, [wide, over]);
    expect(textOf(grid)).toEqual([' xあ ']);
    grid = composeFrame(5, 1, [wide, { ...over, x: 2 }]);
    expect(textOf(grid)).toEqual(['あx  ']);
    // A wide glyph straddling two others blanks both outer halves.
    grid = composeFrame(5, 1, [wide, { sprite: spriteOf(['漢']), x: 1, y: 0, depth: 0 }]);
    expect(textOf(grid)).toEqual([' 漢  ']);
    expect(wideGlyphsWhole(grid)).toBe(true);
  });

  it('carries styles', () => {
    const grid = composeFrame(3, 1, [
      { sprite: spriteOf(['ab'], { style: 3 | STYLE_BOLD }), x: 1, y: 0, depth: 0 },
    ]);
    expect(Array.from(grid.styles)).toEqual([0, 3 | STYLE_BOLD, 3 | STYLE_BOLD]);
  });

  it('reuses a grid of the right size, reset to blank', () => {
    const into = gridOf(4, 1, ['zzzz']);
    const grid = composeFrame(4, 1, [{ sprite: spriteOf(['a']), x: 1, y: 0, depth: 0 }], into);
    expect(grid).toBe(into);
    expect(textOf(grid)).toEqual([' a  ']);
    const other = composeFrame(5, 1, [], into);
    expect(other).not.toBe(into);
    expect(textOf(other)).toEqual(['     ']);
  });

  it('composes into a reused grid exactly as into a new one, frame after frame', () => {
    const glyph = fc.constantFrom('a', 'b', ' ', '.', ...WIDE_GLYPHS);
    const placement = fc.record({
      lines: fc.array(
        fc.array(glyph, { minLength: 1, maxLength: 6 }).map((g) => g.join('')),
        { minLength: 1, maxLength: 3 },
      ),
      x: fc.integer({ min: -8, max: 12 }),
      // Near the right end instead: a wide grid (more than 240 columns) is cleared by where
      // its sprites were, a narrow one by its blocks.
      far: fc.boolean(),
      y: fc.integer({ min: -2, max: 4 }),
      depth: fc.integer({ min: 0, max: 3 }),
    });
    const frame = fc.record({
      placements: fc.array(placement, { maxLength: 6 }),
      // Drawn on after composing, as a label would be: the grid's record no longer holds.
      label: fc.option(
        fc.record({ x: fc.nat(12), y: fc.nat(4), text: fc.constantFrom('#', 'xy') }),
      ),
    });
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 241, max: 260 })),
        fc.integer({ min: 1, max: 4 }),
        fc.array(frame, { minLength: 1, maxLength: 6 }),
        (cols, rows, frames) => {
          // Two grids taking turns, as the player's do.
          const grids = [createGrid(cols, rows), createGrid(cols, rows)];
          frames.forEach(({ placements, label }, k) => {
            const list = placements.map(({ lines, x, far, y, depth }) => ({
              sprite: spriteOf(lines, { transparent: '.' }),
              x: far ? x + cols - 12 : x,
              y,
              depth,
            }));
            const reused = composeFrame(cols, rows, list, grids[k % 2]);
            expect(reused).toBe(grids[k % 2]);
            expect(reused).toEqual(composeFrame(cols, rows, list));
            if (label !== null) drawText(reused, label.x, label.y, label.text);
          });
        },
      ),
      { numRuns: 500 },
    );
  });

  it('never leaves half a wide glyph, whatever is drawn where', () => {
    const glyph = fc.constantFrom('a', 'b', ' ', '.', ...WIDE_GLYPHS);
    const placement = fc.record({
      line: fc.array(glyph, { minLength: 1, maxLength: 6 }).map((g) => g.join('')),
      x: fc.integer({ min: -8, max: 12 }),
      y: fc.integer({ min: -2, max: 4 }),
      depth: fc.integer({ min: 0, max: 3 }),
    });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 1, max: 3 }),
        fc.array(placement, { maxLength: 6 }),
        (cols, rows, list) => {
          const grid = composeFrame(
            cols,
            rows,
            list.map(({ line, x, y, depth }) => ({
              sprite: spriteOf([line], { transparent: '.' }),
              x,
              y,
              depth,
            })),
          );
          expect(wideGlyphsWhole(grid)).toBe(true);
        },
      ),
    );
  });
});

describe('changedArea', () => {
  /** Row `r`'s runs of `area`, as [from, to] pairs. */
  const runsOn = (area: ReturnType<typeof changedArea>, r: number): number[][] => {
    if (area === undefined) throw new Error('no area');
    const pairs: number[][] = [];
    for (let k = area.starts[r]; k < area.starts[r + 1]; k++)
      pairs.push([area.runs[2 * k], area.runs[2 * k + 1]]);
    return pairs;
  };

  it('gives the cells of sprites that moved, a column more each side, merged per row in order', () => {
    const fish = spriteOf(['><>']);
    const tall = spriteOf(['#', '#']);
    const still = { sprite: spriteOf(['~~']), x: 14, y: 0, depth: 0 };
    const before = composeFrame(20, 3, [
      still,
      { sprite: fish, x: 10, y: 1, depth: 0 },
      { sprite: tall, x: 1, y: 0, depth: 0 },
    ]);
    const after = composeFrame(20, 3, [
      still,
      { sprite: fish, x: 11, y: 1, depth: 0 },
      { sprite: tall, x: 3, y: 1, depth: 0 },
    ]);
    const area = changedArea(before, after);
    // The column sprite left rows 0-1 at column 1 and came to rows 1-2 at column 3.
    expect(runsOn(area, 0)).toEqual([[0, 3]]);
    // Row 1: both columns of it, overlapping, merged; the fish's two places, merged.
    expect(runsOn(area, 1)).toEqual([
      [0, 5],
      [9, 15],
    ]);
    expect(runsOn(area, 2)).toEqual([[2, 5]]);
  });

  it('has inkRuns give where the sprites are, clipped to the grid', () => {
    const grid = composeFrame(10, 2, [
      { sprite: spriteOf(['ab', 'cd']), x: -1, y: 0, depth: 0 },
      { sprite: spriteOf(['xyz']), x: 8, y: 1, depth: 0 },
      { sprite: spriteOf(['q']), x: 3, y: 1, depth: 0 },
    ]);
    const ink = inkRuns(grid);
    expect(runsOn(ink, 0)).toEqual([[0, 1]]);
    expect(runsOn(ink, 1)).toEqual([
      [0, 1],
      [3, 4],
      [8, 10],
    ]);
    drawText(grid, 5, 0, 'x');
    expect(inkRuns(grid)).toBeUndefined();
  });

  it('is undefined once a grid was drawn on after composing', () => {
    const placed = [{ sprite: spriteOf(['a']), x: 0, y: 0, depth: 0 }];
    const before = composeFrame(6, 1, placed);
    const after = composeFrame(6, 1, placed);
    expect(changedArea(before, after)?.starts).toEqual(Int32Array.from([0, 0]));
    drawText(after, 3, 0, 'x');
    expect(changedArea(before, after)).toBeUndefined();
  });
});

describe('drawSprite', () => {
  it('floors fractional positions', () => {
    const grid = createGrid(4, 1);
    drawSprite(grid, spriteOf(['a']), 1.7, 0.2);
    expect(textOf(grid)).toEqual([' a  ']);
  });
});

describe('drawText', () => {
  it('draws a label and returns the column after it', () => {
    const grid = createGrid(10, 2);
    expect(drawText(grid, 2, 1, 'hi there')).toBe(10);
    expect(textOf(grid)).toEqual(['          ', '  hi there']);
  });

  it('clips at both edges and off the grid', () => {
    const grid = createGrid(4, 1);
    drawText(grid, -2, 0, 'abcdefg');
    expect(textOf(grid)).toEqual(['cdef']);
    drawText(grid, 0, 1, 'zz');
    drawText(grid, 0, -1, 'zz');
    expect(textOf(grid)).toEqual(['cdef']);
  });

  it('draws wide characters with a width function, clipped whole', () => {
    const grid = createGrid(5, 1);
    expect(drawText(grid, 0, 0, 'aあbあ', 0, testWidth)).toBe(6);
    expect(textOf(grid)).toEqual(['aあb ']);
    expect(wideGlyphsWhole(grid)).toBe(true);
  });

  it('skips zero-width characters and draws control characters as spaces', () => {
    const grid = createGrid(4, 1);
    drawText(grid, 0, 0, 'a\u0301\tb', 0, (c) => (c === '\u0301' ? 0 : 1));
    expect(textOf(grid)).toEqual(['a b ']);
  });

  it('sets the style', () => {
    const grid = createGrid(3, 1);
    drawText(grid, 1, 0, 'ok', 2);
    expect(Array.from(grid.styles)).toEqual([0, 2, 2]);
  });
});
