import type { Sprite, Style } from '../art/types.js';
import { blankCells, clearGrid, createGrid, spansOf, widenSpan, type Grid } from './grid.js';

/** A sprite placed in a frame: where its top-left cell goes and how deep it sits. */
export interface Placement {
  /** What to draw. */
  readonly sprite: Sprite;
  /** Column of the sprite's left edge; may be negative or past the grid (it is clipped). */
  readonly x: number;
  /** Row of the sprite's top edge; may be negative or past the grid (it is clipped). */
  readonly y: number;
  /** Lower depth is drawn on top (Term::Animation's convention); ties: later on top. */
  readonly depth: number;
}

/**
 * Paint one glyph of `width` 1 or 2 with its top-left at (`col`, `row`), clipping a unit
 * that does not fit whole. Painting over either half of a wide glyph blanks its other half.
 * `row` must be inside the grid; the caller clips rows.
 */
function paintGlyph(
  grid: Grid,
  row: number,
  col: number,
  glyph: string,
  width: 1 | 2,
  style: Style,
): void {
  const { cols, widths } = grid;
  if (col < 0 || col + width > cols) return;
  const index = row * cols + col;
  const last = index + width - 1;
  // The cell at `index` is a continuation: its lead (to the left) would be left alone.
  if (widths[index] === 0 && col > 0) blankCells(grid, index - 1, index);
  // The last cell covered is a lead: its continuation (to the right) would be left alone.
  if (widths[last] === 2 && col + width < cols) blankCells(grid, last + 1, last + 2);
  grid.glyphs[index] = glyph;
  widths[index] = width;
  grid.styles[index] = style;
  if (width === 2) {
    grid.glyphs[last] = '';
    widths[last] = 0;
    grid.styles[last] = style;
  }
}

/**
 * Draw a sprite into a grid with its top-left cell at (`x`, `y`), over what is there.
 * Transparent (`null`) cells paint nothing; cells outside the grid are clipped; a wide glyph
 * is drawn only if both its halves fit, and painting over half of a wide glyph already in
 * the grid blanks its other half.
 *
 * @param grid - the grid to draw into
 * @param sprite - what to draw
 * @param x - column of the sprite's left edge (fractions are floored)
 * @param y - row of the sprite's top edge (fractions are floored)
 */
export function drawSprite(grid: Grid, sprite: Sprite, x: number, y: number): void {
  const left = Math.floor(x);
  const top = Math.floor(y);
  const { width, cells } = sprite;
  const rowEnd = Math.min(sprite.height, grid.rows - top);
  const colStart = Math.max(0, -left);
  const colEnd = Math.min(width, grid.cols - left);
  const spans = spansOf(grid);
  for (let sy = Math.max(0, -top); sy < rowEnd; sy++) {
    const rowStart = sy * width;
    // A wide glyph's far half that painting blanks past either end stays blank: no wider.
    if (spans !== undefined) widenSpan(spans, grid.cols, top + sy, left + colStart, left + colEnd);
    for (let sx = colStart; sx < colEnd; sx++) {
      const cell = cells[rowStart + sx];
      // A continuation is drawn with its lead; one whose lead is clipped is clipped with it.
      if (cell === null || cell.width === 0) continue;
      paintGlyph(grid, top + sy, left + sx, cell.glyph, cell.width === 2 ? 2 : 1, cell.style);
    }
  }
}

/** Tells how many cells a character takes: 1, 2 (wide), or 0 to skip it. */
export type CharWidth = (char: string) => number;

/** C0 and C1 control characters: they would move the cursor, not draw. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * Draw a line of text into row `y` from column `x`, one cell per code point (no grapheme
 * segmentation: for labels, not art). `charWidth` tells which characters are wide (default:
 * all narrow); zero-width ones are skipped. Control characters are drawn as spaces. Clipped
 * like a sprite: a wide character that does not fit whole is not drawn.
 *
 * @param grid - the grid to draw into
 * @param x - column of the first character (may be negative)
 * @param y - row (nothing is drawn outside the grid)
 * @param text - the text
 * @param style - its style (default: the terminal's own)
 * @param charWidth - display width of a character (default: 1 for every character)
 * @returns the column after the text; once past the right edge, where it went past (what lies
 *   beyond is never looked at: a text costs what shows of it)
 */
export function drawText(
  grid: Grid,
  x: number,
  y: number,
  text: string,
  style: Style = 0,
  charWidth?: CharWidth,
): number {
  const start = Math.floor(x);
  let col = start;
  const row = Math.floor(y);
  const visible = row >= 0 && row < grid.rows;
  for (const char of text) {
    if (col >= grid.cols) break;
    const width = charWidth === undefined ? 1 : charWidth(char);
    if (width <= 0) continue;
    const cells = width >= 2 ? 2 : 1;
    if (visible) paintGlyph(grid, row, col, CONTROL.test(char) ? ' ' : char, cells, style);
    col += cells;
  }
  const spans = spansOf(grid);
  if (visible && spans !== undefined) widenSpan(spans, grid.cols, row, start, col);
  return col;
}

/** True when `placements` is already in drawing order: depth never increases along it. */
function inDrawOrder(placements: readonly Placement[]): boolean {
  for (let i = 1; i < placements.length; i++) {
    if (placements[i].depth > placements[i - 1].depth) return false;
  }
  return true;
}

/**
 * Compose a frame: draw each placement's sprite into a blank `cols × rows` grid, deepest
 * first, so that lower depth ends up on top; placements of equal depth are drawn in array
 * order (later on top). See {@link drawSprite} for transparency and clipping.
 *
 * Pass last frame's grid as `into` to draw without allocating: it is cleared and reused when
 * its size matches, else a new grid is made. Placements already ordered by decreasing depth
 * (a single sprite, or a scene kept sorted) are drawn without sorting or allocating.
 *
 * @param cols - columns of the frame
 * @param rows - rows of the frame
 * @param placements - the sprites and where they go
 * @param into - a grid to reuse
 * @returns the composed grid (`into` when it was reused)
 */
export function composeFrame(
  cols: number,
  rows: number,
  placements: readonly Placement[],
  into?: Grid,
): Grid {
  const grid = clearGrid(into?.cols === cols && into.rows === rows ? into : createGrid(cols, rows));
  // Array.prototype.sort is stable, so ties keep array order (later drawn later, on top).
  const ordered = inDrawOrder(placements)
    ? placements
    : [...placements].sort((a, b) => b.depth - a.depth);
  for (const { sprite, x, y } of ordered) drawSprite(grid, sprite, x, y);
  return grid;
}
