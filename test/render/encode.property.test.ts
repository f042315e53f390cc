/**
 * The encoder against a real terminal: whatever two frames are, the bytes it emits turn a
 * terminal showing the first into one showing the second, cell for cell, without scrolling.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { STYLE_BOLD } from '../../src/art/types.js';
import { createGrid, drawText, encodeDiff, type Cursor, type Grid } from '../../src/render/index.js';
import { createTerminal, readCells, readCursor, scrolledLines, writeAsync, type Terminal } from '../helpers/xterm.js';
import { testWidth, WIDE_GLYPHS } from './fixtures.js';

const NARROW = [...'abcxyz<>()/\\|_-=~.,;:\'"`^*#@!?0123456789 '];

/** A style: default, a colour, bold, or both. */
const styleArb = fc.oneof(
  fc.constant(0),
  fc.integer({ min: 1, max: 8 }),
  fc.constant(STYLE_BOLD),
  fc.integer({ min: 1, max: 8 }).map((colour) => colour | STYLE_BOLD),
);

/** A piece of text to draw somewhere: narrow and wide glyphs, one style. */
const strokeArb = (cols: number, rows: number) =>
  fc.record({
    x: fc.integer({ min: -2, max: cols }),
    y: fc.integer({ min: 0, max: rows - 1 }),
    text: fc
      .array(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...NARROW) }, { weight: 1, arbitrary: fc.constantFrom(...WIDE_GLYPHS) }), {
        minLength: 1,
        maxLength: Math.min(12, cols + 2),
      })
      .map((glyphs) => glyphs.join('')),
    style: styleArb,
  });

type Stroke = { x: number; y: number; text: string; style: number };

/** `base` (copied) with the strokes drawn over it. */
function paint(base: Grid, strokes: readonly Stroke[]): Grid {
  const grid: Grid = {
    cols: base.cols,
    rows: base.rows,
    glyphs: [...base.glyphs],
    widths: base.widths.slice(),
    styles: base.styles.slice(),
  };
  for (const { x, y, text, style } of strokes) drawText(grid, x, y, text, style, testWidth);
  return grid;
}

/** A scenario: a size, three frames (each a few strokes over the last, or a fresh screen). */
const scenarioArb = fc
  .record({ cols: fc.integer({ min: 1, max: 40 }), rows: fc.integer({ min: 1, max: 12 }) })
  .chain(({ cols, rows }) => {
    const strokes = (max: number) => fc.array(strokeArb(cols, rows), { maxLength: max });
    return fc.record({
      cols: fc.constant(cols),
      rows: fc.constant(rows),
      first: strokes(3 * rows),
      // For each later frame: draw over the previous frame, or start from a blank screen.
      second: fc.record({ fresh: fc.boolean(), strokes: strokes(8) }),
      third: fc.record({ fresh: fc.boolean(), strokes: strokes(8) }),
      color: fc.boolean(),
      synchronized: fc.boolean(),
      convertEol: fc.boolean(),
    });
  });

/**
 * A row of cells as comparable text, one token per cell: glyph (a blank as a space), width,
 * foreground (palette index or -1) and bold. Continuations compare by width only.
 */
function token(glyph: string, width: number, fg: number, bold: boolean): string {
  return width === 0 ? '[0]' : `[${glyph === '' ? ' ' : glyph}${width}${fg}${bold ? 'B' : ''}]`;
}

/** Asserts that the terminal shows `grid`, cell for cell. */
function expectScreen(term: Terminal, grid: Grid, color: boolean): void {
  const screen = readCells(term);
  const shown: string[] = [];
  const wanted: string[] = [];
  for (let row = 0; row < grid.rows; row++) {
    let got = '';
    let want = '';
    for (let col = 0; col < grid.cols; col++) {
      const i = row * grid.cols + col;
      const cell = screen[row][col];
      const style = color ? grid.styles[i] : 0;
      got += token(cell.chars, cell.width, cell.fg, cell.bold);
      want += token(grid.glyphs[i], grid.widths[i], (style & 15) - 1, (style & STYLE_BOLD) !== 0);
    }
    shown.push(got);
    wanted.push(want);
  }
  expect(shown).toEqual(wanted);
}

/**
 * Per row, one past the rightmost cell the terminal holds content in (a written space counts,
 * a never-written or erased cell does not): what a reflowing terminal re-wraps on resize.
 */
function contentExtents(term: Terminal): number[] {
  return readCells(term).map((row) => {
    for (let col = row.length - 1; col >= 0; col--) if (row[col].chars !== '' || row[col].width === 0) return col + 1;
    return 0;
  });
}

/** The same, from the map of written cells the encoder keeps. */
function writtenExtents(written: Uint8Array, cols: number): number[] {
  const extents: number[] = [];
  for (let base = 0; base < written.length; base += cols) extents.push(written.subarray(base, base + cols).lastIndexOf(1) + 1);
  return extents;
}

/**
 * Write one frame's diff and check the screen, the cursor, the content extents the encoder
 * reports, and that nothing scrolled.
 */
async function step(
  term: Terminal,
  prev: Grid,
  next: Grid,
  cursor: Cursor,
  color: boolean,
  synchronized: boolean,
  written: Uint8Array,
): Promise<Cursor> {
  const result = encodeDiff(prev, next, cursor, { color, synchronized, written });
  await writeAsync(term, result.bytes);
  expect(scrolledLines(term)).toBe(0);
  expectScreen(term, next, color);
  const at = readCursor(term);
  expect(at.row).toBe(result.cursor.row);
  if (result.cursor.col >= 0) expect(at.col).toBe(result.cursor.col);
  else expect(at.col).toBeGreaterThanOrEqual(next.cols - 1);
  if (!color) expect(result.bytes).not.toMatch(/\u001B\[[0-9;]*m/);
  expect(writtenExtents(written, next.cols)).toEqual(contentExtents(term));
  return result.cursor;
}

describe('encodeDiff in a real terminal', () => {
  it('turns any frame into any other, cell for cell, never scrolling', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (s) => {
        const blank = createGrid(s.cols, s.rows);
        const a = paint(blank, s.first);
        const b = paint(s.second.fresh ? blank : a, s.second.strokes);
        const c = paint(s.third.fresh ? blank : b, s.third.strokes);
        const term = createTerminal(s.cols, s.rows, { convertEol: s.convertEol });
        try {
          let cursor: Cursor = { row: 0, col: 0 };
          const written = new Uint8Array(s.cols * s.rows);
          cursor = await step(term, blank, a, cursor, s.color, s.synchronized, written);
          cursor = await step(term, a, b, cursor, s.color, s.synchronized, written);
          await step(term, b, c, cursor, s.color, s.synchronized, written);
          // No frame leaves a style set: a glyph written now comes out in the default style.
          await writeAsync(term, '\u001B[HZ');
          expect(readCells(term)[0][0]).toMatchObject({ chars: 'Z', fg: -1, bold: false });
        } finally {
          term.dispose();
        }
      }),
      { numRuns: 300 },
    );
  });
});
