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
 * them is blank. Clearing and diffing then cost what was drawn, not the grid's area. A grid is
 * tracked from its first {@link clearGrid} on, so long as only the drawing functions
 * (`drawSprite`, `drawText`) write its cells; one made or written otherwise (a copy, a grid
 * set cell by cell) has no spans and is read whole. Kept beside the grid, not in it, so that
 * a copy of a grid's fields never carries spans that its own cells do not honour.
 */
const drawnSpans = new WeakMap<Grid, Int32Array>();

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
  if (from < spans[at]) spans[at] = Math.max(0, from);
  if (to > spans[at + 1]) spans[at + 1] = Math.min(cols, to);
}

/**
 * Blank every cell of `grid` in place (a default-style space), so that a frame can be
 * composed into last frame's grid without allocating a new one. A tracked grid has only its
 * drawn spans blanked; every grid is tracked from here on (see {@link spansOf}).
 *
 * @param grid - the grid to clear
 * @returns the same grid
 */
export function clearGrid(grid: Grid): Grid {
  const { cols, rows, glyphs, widths, styles } = grid;
  let spans = drawnSpans.get(grid);
  if (spans === undefined) {
    glyphs.fill(' ');
    widths.fill(1);
    styles.fill(0);
    spans = new Int32Array(2 * rows);
    drawnSpans.set(grid, spans);
  } else {
    for (let row = 0; row < rows; row++) {
      const base = row * cols;
      const from = base + spans[2 * row];
      const to = base + spans[2 * row + 1];
      if (from < to) blankCells(grid, from, to);
    }
  }
  // Every row empty: `from` past `to`.
  for (let row = 0; row < rows; row++) {
    spans[2 * row] = cols;
    spans[2 * row + 1] = 0;
  }
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
