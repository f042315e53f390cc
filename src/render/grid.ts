/**
 * A screen region as a grid of cells, after xterm.js's buffer model: each cell holds a
 * glyph, its display width and its style. Row-major, flat typed arrays, so that diffing two
 * grids touches no objects.
 *
 * A wide glyph sits in its first cell with width 2; the cell after it has width 0 and glyph ''
 * (its continuation). A blank cell is a space of width 1 in the default style.
 */
export interface Grid {
  /** Columns. */
  readonly cols: number;
  /** Rows. */
  readonly rows: number;
  /** `cols * rows` glyphs, row by row. */
  readonly glyphs: string[];
  /** Display width of each cell: 1, 2 (wide glyph), or 0 (continuation of the cell before). */
  readonly widths: Uint8Array;
  /** Style of each cell (see {@link Style}). */
  readonly styles: Uint8Array;
}

/**
 * A blank grid: every cell a default-style space.
 *
 * @param cols - columns (0 or more)
 * @param rows - rows (0 or more)
 */
export function createGrid(cols: number, rows: number): Grid {
  const size = Math.max(0, cols) * Math.max(0, rows);
  return {
    cols: Math.max(0, cols),
    rows: Math.max(0, rows),
    glyphs: new Array<string>(size).fill(' '),
    widths: new Uint8Array(size).fill(1),
    styles: new Uint8Array(size),
  };
}

/**
 * Per grid whose drawing is tracked, the columns drawn on each row since it was last cleared:
 * row `r`'s are `from = spans[2r]` to `to = spans[2r + 1]` (exclusive), and every cell outside
 * them is blank. Finer, each row is cut into at most {@link BLOCKS} blocks of
 * {@link blockWidth} columns, and bit `b` of row `r`'s mask (see {@link liveBlocks}) is set
 * once anything was drawn in its block `b`: a row where a fish swims at one end and a bubble
 * rises at the other is read for two blocks, not for the water between. Kept in the same
 * array, after the spans, so that whatever widens a span (by hand, too) marks the blocks.
 * Clearing and diffing then cost what was drawn, not the grid's area. Last, a count that
 * every clearing and widening moves on (the grid's {@link revision}), so that a record of how
 * the grid was drawn can tell whether it was drawn on since. A grid is
 * tracked from its first {@link clearGrid} on, so long as only the drawing functions
 * (`drawSprite`, `drawText`) write its cells; one made or written otherwise (a copy, a grid
 * set cell by cell) has no spans and is read whole. Kept beside the grid, not in it, so that
 * a copy of a grid's fields never carries spans that its own cells do not honour.
 */
const drawnSpans = new WeakMap<Grid, Int32Array>();

/**
 * Blocks a row is cut into, at most: 30, so that a row's mask is a small integer, which V8
 * keeps unboxed (31 bits, one for the sign), never a heap number to collect.
 */
export const BLOCKS = 30;

/** Every block of a row live: a row whose blocks are not known. */
export const ALL_BLOCKS = 2 ** BLOCKS - 1;

/** The narrowest a block is (see {@link blockWidth}). */
const MIN_BLOCK_WIDTH = 8;

/**
 * The columns of one block of a row of a grid `cols` wide: at least 8, and enough that
 * {@link BLOCKS} blocks cover the row.
 *
 * @param cols - the grid's columns
 */
export function blockWidth(cols: number): number {
  return Math.max(MIN_BLOCK_WIDTH, Math.ceil(cols / BLOCKS));
}

/**
 * Whether a grid `cols` wide has blocks wider than the narrowest (it is wider than 240
 * columns): only then is knowing where things were drawn column by column (see `inkRuns` in
 * compose.ts) finer than its blocks by enough to pay for working it out each frame.
 *
 * @param cols - the grid's columns
 */
export function coarseBlocks(cols: number): boolean {
  return blockWidth(cols) > MIN_BLOCK_WIDTH;
}

/**
 * The blocks of row `row` of a tracked grid that were drawn in, as a mask (see
 * {@link drawnSpans}).
 *
 * @param spans - the grid's spans ({@link spansOf})
 * @param row - a row of the grid
 */
export function liveBlocks(spans: Int32Array, row: number): number {
  return spans[maskAt(spans, row)];
}

/** Where row `row`'s mask of blocks is in a grid's spans: after every row's span. */
const maskAt = (spans: Int32Array, row: number): number => (2 * (spans.length - 1)) / 3 + row;

/**
 * A count that moves on whenever a tracked grid is cleared or drawn on (its span widened, by a
 * drawing function or by hand): two equal counts of the same grid mean it was not drawn on
 * between them. It wraps past 2^31, and two frames never draw that much.
 *
 * @param spans - the grid's spans ({@link spansOf})
 */
export function revision(spans: Int32Array): number {
  return spans[spans.length - 1];
}

/**
 * The drawn spans of `grid` (see {@link drawnSpans}), or undefined when any of its cells may
 * hold something.
 *
 * @param grid - a grid
 */
export function spansOf(grid: Grid): Int32Array | undefined {
  return drawnSpans.get(grid);
}

/**
 * Widen row `row`'s drawn span of a tracked grid to take in columns `from` to `to`
 * (exclusive), clipped to the grid; the drawing functions call it before they write.
 *
 * @param spans - the grid's spans ({@link spansOf})
 * @param cols - the grid's columns
 * @param row - a row of the grid
 * @param from - first column drawn
 * @param to - the column after the last drawn
 */
export function widenSpan(
  spans: Int32Array,
  cols: number,
  row: number,
  from: number,
  to: number,
): void {
  const at = 2 * row;
  spans[spans.length - 1]++;
  const left = Math.max(0, from);
  const right = Math.min(cols, to);
  if (left < spans[at]) spans[at] = left;
  if (right > spans[at + 1]) spans[at + 1] = right;
  if (left >= right) return;
  const width = blockWidth(cols);
  const first = Math.floor(left / width);
  const count = Math.floor((right - 1) / width) - first + 1;
  // Bits first..first + count - 1 of the row's mask, after the spans.
  spans[maskAt(spans, row)] |= ((1 << count) - 1) << first;
}

/**
 * Columns of a grid, row by row: row `r`'s are the runs `runs[2k]` to `runs[2k + 1]`
 * (exclusive) for `k` from `starts[r]` to `starts[r + 1]` (exclusive), sorted and apart (two
 * runs never touch). See `changedArea` and `inkRuns` in compose.ts for what they hold.
 */
export interface RowRuns {
  /** Per row, the index of its first run; one more entry closes the last row's. */
  readonly starts: Int32Array;
  /** The runs' columns, from and to, row after row. */
  readonly runs: Int32Array;
}

/**
 * Blank every cell of `grid` in place (a default-style space), so that a frame can be
 * composed into last frame's grid without allocating a new one. A tracked grid has only the
 * drawn blocks of its drawn spans blanked, or only the runs of `drawn` where the caller knows
 * that nothing was drawn outside them since the grid was last cleared (they are finer: the
 * cells a composition's sprites cover). Every grid is tracked from here on (see
 * {@link spansOf}).
 *
 * @param grid - the grid to clear
 * @param drawn - where everything drawn on it since it was last cleared is, if known
 * @returns the same grid
 */
export function clearGrid(grid: Grid, drawn?: RowRuns): Grid {
  const { cols, rows, glyphs, widths, styles } = grid;
  let spans = drawnSpans.get(grid);
  if (spans === undefined) {
    glyphs.fill(' ');
    widths.fill(1);
    styles.fill(0);
    // The spans, then a mask of blocks per row, then the revision (see drawnSpans).
    spans = new Int32Array(3 * rows + 1);
    drawnSpans.set(grid, spans);
  } else if (drawn !== undefined) {
    const { starts, runs } = drawn;
    for (let row = 0; row < rows; row++) {
      const base = row * cols;
      for (let k = starts[row]; k < starts[row + 1]; k++)
        blankCells(grid, base + runs[2 * k], base + runs[2 * k + 1]);
    }
  } else {
    const width = blockWidth(cols);
    for (let row = 0; row < rows; row++) {
      const base = row * cols;
      const left = spans[2 * row];
      const right = spans[2 * row + 1];
      if (left >= right) continue;
      // A narrow span is blanked whole; a wide one only in the blocks drawn in.
      if (right - left <= 2 * width) {
        blankCells(grid, base + left, base + right);
        continue;
      }
      const live = spans[2 * rows + row];
      for (let block = Math.floor(left / width); block * width < right; block++) {
        if (((live >>> block) & 1) === 0) continue;
        const from = Math.max(left, block * width);
        blankCells(grid, base + from, base + Math.min(right, (block + 1) * width));
      }
    }
  }
  // Every row empty: `from` past `to`, no block drawn; and the revision moved on, after the
  // spans and masks (see drawnSpans).
  for (let row = 0; row < rows; row++) {
    spans[2 * row] = cols;
    spans[2 * row + 1] = 0;
    spans[2 * rows + row] = 0;
  }
  spans[spans.length - 1]++;
  return grid;
}

/**
 * Blank the cells of `grid` from index `from` to index `to` (exclusive): each a space of
 * width 1 in the default style. The caller keeps wide glyphs whole and spans true.
 *
 * @param grid - the grid
 * @param from - the first cell's index
 * @param to - the index after the last
 */
export function blankCells(grid: Grid, from: number, to: number): void {
  grid.glyphs.fill(' ', from, to);
  grid.widths.fill(1, from, to);
  grid.styles.fill(0, from, to);
}
