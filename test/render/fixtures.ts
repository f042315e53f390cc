/**
 * Small builders for render tests: sprites and grids from lines of text.
 */
import type { Sprite, SpriteCell, Style } from '../../src/art/types.js';
import { createGrid, type Grid } from '../../src/render/grid.js';
import { drawText } from '../../src/render/compose.js';

/** The wide glyphs tests use: two cells each under Unicode 11. */
export const WIDE_GLYPHS = ['あ', '🐟', '漢'] as const;

/** Display width for the tests' alphabet: ASCII is narrow, the wide glyphs are wide. */
export function testWidth(char: string): 1 | 2 {
  return (char.codePointAt(0) ?? 0) >= 0x1100 ? 2 : 1;
}

/**
 * A sprite from lines (padded to the widest): `transparent` characters (default none) are
 * null cells; wide glyphs take a cell and a continuation.
 */
export function spriteOf(
  lines: readonly string[],
  options: { transparent?: string; style?: Style } = {},
): Sprite {
  const rows: (SpriteCell | null)[][] = lines.map((line) => {
    const cells: (SpriteCell | null)[] = [];
    for (const glyph of line) {
      if (glyph === options.transparent) {
        cells.push(null);
        continue;
      }
      const width = testWidth(glyph);
      cells.push({ glyph, width, style: options.style ?? 0 });
      if (width === 2) cells.push({ glyph: '', width: 0, style: options.style ?? 0 });
    }
    return cells;
  });
  const width = Math.max(0, ...rows.map((row) => row.length));
  const cells = rows.flatMap((row) => [...row, ...Array<null>(width - row.length).fill(null)]);
  return { width, height: rows.length, cells };
}

/** A grid of `cols × rows` with `lines` drawn from the top-left (wide glyphs included). */
export function gridOf(
  cols: number,
  rows: number,
  lines: readonly string[],
  style: Style = 0,
): Grid {
  const grid = createGrid(cols, rows);
  lines.forEach((line, row) => drawText(grid, 0, row, line, style, testWidth));
  return grid;
}

/** The grid as text: one line per row, continuations skipped, trailing blanks kept. */
export function textOf(grid: Grid): string[] {
  const lines: string[] = [];
  for (let row = 0; row < grid.rows; row++) {
    let line = '';
    for (let col = 0; col < grid.cols; col++) {
      const i = row * grid.cols + col;
      if (grid.widths[i] !== 0) line += grid.glyphs[i];
    }
    lines.push(line);
  }
  return lines;
}

/** Checks that no wide glyph in the grid has lost a half. */
export function wideGlyphsWhole(grid: Grid): boolean {
  for (let row = 0; row < grid.rows; row++) {
    for (let col = 0; col < grid.cols; col++) {
      const i = row * grid.cols + col;
      const lead = grid.widths[i] === 2;
      const continued = col + 1 < grid.cols && grid.widths[i + 1] === 0;
      if (lead !== continued) return false;
      if (grid.widths[i] === 0 && (col === 0 || grid.widths[i - 1] !== 2)) return false;
    }
  }
  return true;
}
