import type { Sprite, Style } from '../art/types.js';
import {
  blankCells,
  clearGrid,
  coarseBlocks,
  createGrid,
  revision,
  spansOf,
  widenSpan,
  type Grid,
  type RowRuns,
} from './grid.js';

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
  const { glyphs, widths, styles } = grid;
  for (let sy = Math.max(0, -top); sy < rowEnd; sy++) {
    const rowStart = sy * width;
    // A wide glyph's far half that painting blanks past either end stays blank: no wider.
    if (spans !== undefined) widenSpan(spans, grid.cols, top + sy, left + colStart, left + colEnd);
    const at = (top + sy) * grid.cols + left;
    for (let sx = colStart; sx < colEnd; sx++) {
      const cell = cells[rowStart + sx];
      // A continuation is drawn with its lead; one whose lead is clipped is clipped with it.
      if (cell === null || cell.width === 0) continue;
      // Most often a narrow glyph over a narrow cell: no half of a wide glyph to blank.
      if (cell.width === 1 && widths[at + sx] === 1) {
        glyphs[at + sx] = cell.glyph;
        styles[at + sx] = cell.style;
        continue;
      }
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
 * How a grid was composed by {@link composeFrame}: its sprites in drawing order, each one's
 * top-left cell (`at`: column, row, column, row…), and the grid's revision once they were
 * drawn. A grid drawn on since (its revision moved on) is no longer what its record says.
 */
interface Composition {
  readonly sprites: Sprite[];
  readonly at: number[];
  revision: number;
  /** Where the sprites' cells are (see {@link inkRuns}), once asked for; reset by recording. */
  ink: RowRuns | undefined;
  /** The storage `ink` is made in, kept for the grid's next composition. */
  readonly inkStore: RunStore;
}

/** Per grid, how {@link composeFrame} last composed it (one record per grid, reused). */
const compositions = new WeakMap<Grid, Composition>();

/** Record how `grid` was just composed from `ordered` (see {@link Composition}). */
function recordComposition(grid: Grid, ordered: readonly Placement[], spans: Int32Array): void {
  let record = compositions.get(grid);
  if (record === undefined) {
    record = { sprites: [], at: [], revision: 0, ink: undefined, inkStore: runStore() };
    compositions.set(grid, record);
  }
  const { sprites, at } = record;
  sprites.length = ordered.length;
  at.length = 2 * ordered.length;
  for (let i = 0; i < ordered.length; i++) {
    const { sprite, x, y } = ordered[i];
    sprites[i] = sprite;
    at[2 * i] = Math.floor(x);
    at[2 * i + 1] = Math.floor(y);
  }
  record.revision = revision(spans);
  record.ink = undefined;
}

/** `grid`'s record, if the grid was not drawn on since it was composed. */
function compositionOf(grid: Grid): Composition | undefined {
  const record = compositions.get(grid);
  const spans = spansOf(grid);
  return record !== undefined && spans !== undefined && revision(spans) === record.revision
    ? record
    : undefined;
}

/** How far ahead the walk of {@link changedArea} looks for a sprite that joined or left. */
const LOOKAHEAD = 8;

/** Whether sprite `i` of `a` and sprite `j` of `b` are the same sprite at the same place. */
function samePlacement(a: Composition, i: number, b: Composition, j: number): boolean {
  return (
    a.sprites[i] === b.sprites[j] &&
    a.at[2 * i] === b.at[2 * j] &&
    a.at[2 * i + 1] === b.at[2 * j + 1]
  );
}

/**
 * How many sprites of `a` from `i` on come before one that is sprite `j` of `b`, looking at
 * most {@link LOOKAHEAD} ahead; 0 when none is found.
 */
function distanceTo(a: Composition, i: number, b: Composition, j: number): number {
  for (let skip = 1; skip <= LOOKAHEAD && i + skip < a.sprites.length; skip++)
    if (samePlacement(a, i + skip, b, j)) return skip;
  return 0;
}

/** Rectangles of cells, and the {@link RowRuns} made of them, in storage reused and grown. */
interface RunStore {
  /** Top, bottom, left, right (exclusive ends) of each rectangle. */
  rects: Int32Array;
  count: number;
  starts: Int32Array;
  runs: Int32Array;
  /** Scratch: the rectangles in order of their left edges, and each row's end of runs. */
  order: Float64Array;
  ends: Int32Array;
}

/** Empty storage for rectangles and their runs. */
function runStore(): RunStore {
  return {
    rects: new Int32Array(96),
    count: 0,
    starts: new Int32Array(0),
    runs: new Int32Array(64),
    order: new Float64Array(24),
    ends: new Int32Array(0),
  };
}

/** Add rows `top..bottom` of columns `left..right` (exclusive) to `store`'s rectangles. */
function markRect(store: RunStore, top: number, bottom: number, left: number, right: number): void {
  if (top >= bottom || left >= right) return;
  if (4 * (store.count + 1) > store.rects.length) {
    const grown = new Int32Array(2 * store.rects.length);
    grown.set(store.rects);
    store.rects = grown;
  }
  const at = 4 * store.count++;
  store.rects[at] = top;
  store.rects[at + 1] = bottom;
  store.rects[at + 2] = left;
  store.rects[at + 3] = right;
}

/** `value` kept inside `0..end`. */
function clip(value: number, end: number): number {
  return Math.min(end, Math.max(0, value));
}

/** Add the cells of sprite `i` of `record` to `store`, `margin` columns more each side. */
function markSprite(
  store: RunStore,
  record: Composition,
  i: number,
  margin: number,
  cols: number,
  rows: number,
): void {
  const { width, height } = record.sprites[i];
  const left = record.at[2 * i];
  const top = record.at[2 * i + 1];
  markRect(
    store,
    clip(top, rows),
    clip(top + height, rows),
    clip(left - margin, cols),
    clip(left + width + margin, cols),
  );
}

/**
 * `store`'s rectangles as runs per row (see {@link RowRuns}): the rectangles taken by their
 * left edges (one numeric sort), so that each row's runs are laid out already sorted, and
 * merged where they touch.
 */
function runsOf(store: RunStore, rows: number): RowRuns {
  const { rects, count } = store;
  if (store.starts.length !== rows + 1) store.starts = new Int32Array(rows + 1);
  if (store.order.length < count) store.order = new Float64Array(2 * count);
  const { starts, order } = store;
  // Left edge, then the rectangle's index, in one number a numeric sort orders by both.
  let total = 0;
  for (let m = 0; m < count; m++) {
    order[m] = rects[4 * m + 2] * ORDER_SPAN + m;
    total += rects[4 * m + 1] - rects[4 * m];
  }
  sortStart(order, count);
  // Each row's runs may take as many entries as rectangles cross it: count, then lay out.
  starts.fill(0);
  for (let m = 0; m < count; m++) {
    for (let row = rects[4 * m], bottom = rects[4 * m + 1]; row < bottom; row++) starts[row + 1]++;
  }
  for (let row = 0; row < rows; row++) starts[row + 1] += starts[row];
  if (2 * total > store.runs.length) store.runs = new Int32Array(4 * total);
  if (store.ends.length < rows) store.ends = new Int32Array(rows);
  const { runs, ends } = store;
  // Where each row's runs end so far: a run merges into the row's last when they touch.
  for (let row = 0; row < rows; row++) ends[row] = starts[row];
  for (let o = 0; o < count; o++) {
    const m = order[o] % ORDER_SPAN;
    const left = rects[4 * m + 2];
    const right = rects[4 * m + 3];
    for (let row = rects[4 * m], bottom = rects[4 * m + 1]; row < bottom; row++) {
      const end = ends[row];
      if (end > starts[row] && left <= runs[2 * end - 1]) {
        runs[2 * end - 1] = Math.max(runs[2 * end - 1], right);
        continue;
      }
      runs[2 * end] = left;
      runs[2 * end + 1] = right;
      ends[row] = end + 1;
    }
  }
  // Merging left gaps after each row's runs: move every row's runs down to close them.
  let kept = 0;
  for (let row = 0; row < rows; row++) {
    const first = starts[row];
    starts[row] = kept;
    for (let k = first; k < ends[row]; k++) {
      runs[2 * kept] = runs[2 * k];
      runs[2 * kept + 1] = runs[2 * k + 1];
      kept++;
    }
  }
  starts[rows] = kept;
  return { starts, runs };
}

/**
 * Sort the first `count` numbers of `values` in place: by insertion when they are few (a
 * frame of one or two sprites), where making a view to sort natively would cost more.
 */
function sortStart(values: Float64Array, count: number): void {
  if (count > 16) {
    values.subarray(0, count).sort();
    return;
  }
  for (let i = 1; i < count; i++) {
    const value = values[i];
    let j = i - 1;
    for (; j >= 0 && values[j] > value; j--) values[j + 1] = values[j];
    values[j + 1] = value;
  }
}

/** Rectangles are told apart within one left edge by their index, below this. */
const ORDER_SPAN = 2 ** 24;

/** The storage {@link changedArea} fills, reused from one call to the next. */
const areaStore = runStore();

/**
 * Where a grid composed by {@link composeFrame} may hold anything but blanks (see
 * {@link RowRuns}): the cells of its sprites' rectangles. Every cell outside them is blank.
 * Made once per composition, when first asked for. Undefined when the grid was not composed
 * so, or was drawn on since.
 *
 * @param grid - a grid
 * @returns the runs (valid until the grid is composed again), or undefined
 */
export function inkRuns(grid: Grid): RowRuns | undefined {
  const record = compositionOf(grid);
  if (record === undefined) return undefined;
  if (record.ink === undefined) {
    const store = record.inkStore;
    store.count = 0;
    for (let i = 0; i < record.sprites.length; i++)
      markSprite(store, record, i, 0, grid.cols, grid.rows);
    record.ink = runsOf(store, grid.rows);
  }
  return record.ink;
}

/**
 * `grid`'s {@link inkRuns} where they are worth their cost: in a grid wider than 240 columns,
 * whose blocks are wider than their narrowest (see `coarseBlocks` in grid.ts). In a narrower
 * one the blocks are as fine, and cheaper: undefined, as for a grid with no runs.
 *
 * @param grid - a grid
 * @returns the runs, or undefined
 */
export function inkFinerThanBlocks(grid: Grid): RowRuns | undefined {
  return coarseBlocks(grid.cols) ? inkRuns(grid) : undefined;
}

/**
 * Where two grids composed by {@link composeFrame} may differ (see {@link RowRuns}): the
 * cells of every sprite drawn in one and not in the other at the same place and in the same
 * order, a column more each side (painting over half of a wide glyph blanks its other half).
 * Everywhere else both grids hold the same sprites drawn over one another in the same order,
 * so the same cells: a frame where most of a tank stood still is diffed where things moved.
 * Undefined when either grid was not composed so, or was drawn on since, or their sizes
 * differ: then any cell may differ.
 *
 * @param prev - the grid the terminal shows
 * @param next - the grid to show
 * @returns the area (valid until the next call), or undefined
 */
export function changedArea(prev: Grid, next: Grid): RowRuns | undefined {
  const before = compositionOf(prev);
  const after = compositionOf(next);
  if (before === undefined || after === undefined) return undefined;
  const { cols, rows } = next;
  if (prev.cols !== cols || prev.rows !== rows) return undefined;
  areaStore.count = 0;
  const mark = (record: Composition, i: number): void =>
    markSprite(areaStore, record, i, 1, cols, rows);
  // Matched pairs go forward in both lists, so matched sprites keep their order. Whatever is
  // not matched is marked: a wrong guess costs cells read, never a change missed.
  let i = 0;
  let j = 0;
  while (i < before.sprites.length && j < after.sprites.length) {
    if (samePlacement(before, i, after, j)) {
      i++;
      j++;
      continue;
    }
    // Sprites that left or moved (`j` is found further on in `before`), or else sprites that
    // joined or moved (`i` is found further on in `after`), or else one of each.
    const left = distanceTo(before, i, after, j);
    const joined = left > 0 ? 0 : distanceTo(after, j, before, i);
    for (let k = 0; k < left; k++) mark(before, i++);
    for (let k = 0; k < joined; k++) mark(after, j++);
    if (left === 0 && joined === 0) {
      mark(before, i++);
      mark(after, j++);
    }
  }
  while (i < before.sprites.length) mark(before, i++);
  while (j < after.sprites.length) mark(after, j++);
  return runsOf(areaStore, rows);
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
  // A grid last composed here (and not drawn on since) holds ink only where its sprites were.
  const grid =
    into?.cols === cols && into.rows === rows
      ? clearGrid(into, inkFinerThanBlocks(into))
      : clearGrid(createGrid(cols, rows));
  // Array.prototype.sort is stable, so ties keep array order (later drawn later, on top).
  const ordered = inDrawOrder(placements)
    ? placements
    : [...placements].sort((a, b) => b.depth - a.depth);
  for (const { sprite, x, y } of ordered) drawSprite(grid, sprite, x, y);
  const spans = spansOf(grid);
  if (spans !== undefined) recordComposition(grid, ordered, spans);
  return grid;
}
