/**
 * A grid's drawn spans: what was drawn since it was last cleared, per row, so that clearing
 * and diffing a sparse frame cost what was drawn and not the grid's area. The encoder must
 * write the same bytes with them as without.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { STYLE_BOLD } from '../../src/art/types.js';
import {
  blockWidth,
  clearGrid,
  createGrid,
  liveBlocks,
  spansOf,
  type Grid,
} from '../../src/render/grid.js';
import { composeFrame, drawSprite, drawText } from '../../src/render/compose.js';
import { encodeDiff } from '../../src/render/encode.js';
import { spriteOf, testWidth, WIDE_GLYPHS } from './fixtures.js';

const GLYPHS = [...'abc<>()/\\|_-=~. ', ...WIDE_GLYPHS];

/** Something drawn on a frame: a text at a place, in a style. */
interface Stroke {
  readonly x: number;
  readonly y: number;
  readonly text: string;
  readonly style: number;
}

const strokeArb = (cols: number, rows: number) =>
  fc.record({
    x: fc.integer({ min: -3, max: cols }),
    y: fc.integer({ min: -1, max: rows }),
    text: fc
      .array(fc.constantFrom(...GLYPHS), { minLength: 1, maxLength: 10 })
      .map((glyphs) => glyphs.join('')),
    style: fc.constantFrom(0, 2, 5, STYLE_BOLD | 3),
  });

/** Frames of a scene: a size, and strokes for each frame, some moved a few cells from the last. */
const framesArb = fc
  // Up to 80 columns: ten blocks of 8 (see blockWidth), live and dead ones side by side.
  .record({ cols: fc.integer({ min: 1, max: 80 }), rows: fc.integer({ min: 1, max: 6 }) })
  .chain(({ cols, rows }) =>
    fc.record({
      cols: fc.constant(cols),
      rows: fc.constant(rows),
      first: fc.array(strokeArb(cols, rows), { maxLength: 8 }),
      // Each later frame moves the strokes by up to four cells (what the encoder shifts), or
      // draws new ones.
      moves: fc.array(
        fc.record({
          shift: fc.integer({ min: -4, max: 4 }),
          fresh: fc.array(strokeArb(cols, rows), { maxLength: 3 }),
        }),
        { minLength: 1, maxLength: 4 },
      ),
      color: fc.boolean(),
      chained: fc.boolean(),
    }),
  );

/** Clear `grid` and draw the strokes on it, as a frame is composed. */
function compose(grid: Grid, strokes: readonly Stroke[]): Grid {
  clearGrid(grid);
  for (const { x, y, text, style } of strokes) drawText(grid, x, y, text, style, testWidth);
  return grid;
}

/** The same cells in a grid of their own, which has no spans: the encoder reads it whole. */
function untracked(grid: Grid): Grid {
  return {
    ...grid,
    glyphs: [...grid.glyphs],
    widths: grid.widths.slice(),
    styles: grid.styles.slice(),
  };
}

/**
 * Every cell of `grid` outside its row's span, or in a block of the row not marked live, is a
 * default-style space.
 */
function blankOutsideSpans(grid: Grid): boolean {
  const spans = spansOf(grid);
  if (spans === undefined) return false;
  const width = blockWidth(grid.cols);
  for (let row = 0; row < grid.rows; row++) {
    const live = liveBlocks(spans, row);
    for (let col = 0; col < grid.cols; col++) {
      const inBlock = ((live >>> Math.floor(col / width)) & 1) === 1;
      if (inBlock && col >= spans[2 * row] && col < spans[2 * row + 1]) continue;
      const i = row * grid.cols + col;
      if (grid.glyphs[i] !== ' ' || grid.widths[i] !== 1 || grid.styles[i] !== 0) return false;
    }
  }
  return true;
}

/**
 * Tracked grids of one size whose glyph reads are counted (`count`): how much of a grid the
 * encoder looks at.
 */
function countingGrids(cols: number, rows: number): { count: number; grid: () => Grid } {
  const counter = {
    count: 0,
    grid: (): Grid => {
      const grid = createGrid(cols, rows);
      const glyphs = new Proxy(grid.glyphs, {
        get(target, key, receiver) {
          if (typeof key === 'string' && /^\d+$/.test(key)) counter.count++;
          return Reflect.get(target, key, receiver) as unknown;
        },
      });
      return clearGrid({ ...grid, glyphs });
    },
  };
  return counter;
}

describe('drawn spans', () => {
  it('a grid is tracked from its first clear, and made or copied it is read whole', () => {
    const grid = createGrid(4, 2);
    expect(spansOf(grid)).toBeUndefined();
    clearGrid(grid);
    // Each row's span (none yet), then each row's blocks drawn in (none), then the revision.
    expect([...(spansOf(grid) ?? [])]).toEqual([4, 0, 4, 0, 0, 0, 1]);
    drawText(grid, 1, 1, 'ab');
    expect([...(spansOf(grid) ?? [])]).toEqual([4, 0, 1, 3, 0, 1, 2]);
    clearGrid(grid);
    // The spans empty again; the revision moves on.
    expect([...(spansOf(grid) ?? [])]).toEqual([4, 0, 4, 0, 0, 0, 3]);
    expect(spansOf(untracked(grid))).toBeUndefined();
  });

  it('hold every cell drawn, and a clear blanks the grid whole, frame after frame', () => {
    fc.assert(
      fc.property(framesArb, ({ cols, rows, first, moves }) => {
        const grid = createGrid(cols, rows);
        compose(grid, first);
        expect(blankOutsideSpans(grid)).toBe(true);
        for (const { fresh } of moves) {
          clearGrid(grid);
          expect(untracked(grid)).toEqual(untracked(createGrid(cols, rows)));
          compose(grid, fresh);
          expect(blankOutsideSpans(grid)).toBe(true);
        }
      }),
    );
  });

  it('hold what sprites draw, clipped at any edge, transparent cells and wide glyphs too', () => {
    const sprite = spriteOf(['.あb.', 'c..🐟'], { transparent: '.', style: 3 });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -6, max: 10 }), fc.integer({ min: -3, max: 5 })), {
          maxLength: 5,
        }),
        (places) => {
          const grid = composeFrame(8, 4, [], createGrid(8, 4));
          for (const [x, y] of places) drawSprite(grid, sprite, x, y);
          expect(blankOutsideSpans(grid)).toBe(true);
        },
      ),
    );
  });

  it('change no byte the encoder writes (shifts, erases, colour, chained rows)', () => {
    fc.assert(
      fc.property(framesArb, ({ cols, rows, first, moves, color, chained }) => {
        const grids = [createGrid(cols, rows), createGrid(cols, rows)];
        let strokes: readonly Stroke[] = first;
        let shown = compose(grids[0], strokes);
        let cursor = { row: 0, col: 0 };
        moves.forEach(({ shift, fresh }, k) => {
          strokes = [...strokes.map((stroke) => ({ ...stroke, x: stroke.x + shift })), ...fresh];
          const next = compose(grids[(k + 1) % 2], strokes);
          const options = { color, chained };
          const tracked = encodeDiff(shown, next, cursor, options);
          expect(tracked).toEqual(encodeDiff(untracked(shown), untracked(next), cursor, options));
          shown = next;
          cursor = tracked.cursor;
        });
      }),
      { numRuns: 300 },
    );
  });

  it('let a sparse frame be diffed for what was drawn, not for the grid', () => {
    // Two frames of a 1000x300 grid with a few letters moving: the encoder reads the glyphs of
    // a few rows' spans, not 300,000 cells.
    const glyphReads = countingGrids(1000, 300);
    const before = glyphReads.grid();
    const after = glyphReads.grid();
    drawText(before, 500, 100, '<><');
    drawText(after, 501, 100, '<><');
    drawText(after, 10, 200, 'o');
    glyphReads.count = 0;
    const { cellsChanged } = encodeDiff(before, after, { row: 0, col: 0 }, { color: true });
    expect(cellsChanged).toBe(5);
    expect(glyphReads.count).toBeGreaterThan(0);
    expect(glyphReads.count).toBeLessThan(200);
  });

  it('let a row with something at either end be diffed for those blocks, not the water between', () => {
    // A fish swimming at column 100 and a bubble rising at column 950 of the same row: the
    // row's span is 850 columns wide, its live blocks three of 30 (34 columns each).
    const glyphReads = countingGrids(1000, 3);
    const before = glyphReads.grid();
    const after = glyphReads.grid();
    drawText(before, 100, 1, "><((('>");
    drawText(before, 950, 1, 'o');
    drawText(after, 101, 1, "><((('>");
    drawText(after, 950, 1, 'O');
    glyphReads.count = 0;
    const { cellsChanged } = encodeDiff(before, after, { row: 0, col: 0 }, { color: true });
    expect(cellsChanged).toBeGreaterThan(1);
    expect(glyphReads.count).toBeGreaterThan(0);
    // The row's span whole, as before the blocks, was read 6,063 times.
    expect(glyphReads.count).toBeLessThan(1000);
  });
});
