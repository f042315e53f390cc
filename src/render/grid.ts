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
 * Blank every cell of `grid` in place (a default-style space), so that a frame can be
 * composed into last frame's grid without allocating a new one.
 *
 * @param grid - the grid to clear
 * @returns the same grid
 */
export function clearGrid(grid: Grid): Grid {
  grid.glyphs.fill(' ');
  grid.widths.fill(1);
  grid.styles.fill(0);
  return grid;
}
