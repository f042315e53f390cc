import { clearGrid, createGrid, type Grid } from '../render/grid.js';
import { encodeDiff, type Cursor, type EncodeResult } from '../render/encode.js';

/** Options of {@link DiffState}. */
export interface DiffStateOptions {
  /** Emit SGR colour. */
  readonly color: boolean;
  /** Wrap large multi-row frames in synchronized-output markers (see `encodeDiff`). */
  readonly synchronized?: boolean;
  /** Encode for a region that is one soft-wrapped logical line (see `encodeDiff`'s `chained`). */
  readonly chained?: boolean;
  /** Where the cursor rests between frames (default: where each frame leaves it). */
  readonly rest?: Cursor;
}

/**
 * What an area of the terminal shows and where the cursor is in it: the state that turns the
 * next grid into a diff. Both differential surfaces (the inline region and the alternate
 * screen) keep one.
 */
export class DiffState {
  /** The grid the area shows. */
  shown: Grid;
  /** Where the cursor is, relative to the area's top-left. */
  cursor: Cursor;
  private readonly options: DiffStateOptions;

  /**
   * @param cols - columns of the area
   * @param rows - rows of the area
   * @param options - colour, synchronized output, chaining and the resting place
   */
  constructor(cols: number, rows: number, options: DiffStateOptions) {
    this.options = options;
    this.shown = blankGrid(cols, rows);
    this.cursor = options.rest ?? { row: 0, col: 0 };
  }

  /** A blank area of a new size, the cursor at its resting place: the next frame is drawn whole. */
  reset(cols: number, rows: number): void {
    this.shown = blankGrid(cols, rows);
    this.cursor = this.options.rest ?? { row: 0, col: 0 };
  }

  /**
   * The bytes that turn the area into `grid`, which it then keeps as shown (do not change the
   * grid before the next draw).
   */
  draw(grid: Grid): EncodeResult {
    const result = encodeDiff(this.shown, grid, this.cursor, {
      color: this.options.color,
      synchronized: this.options.synchronized ?? true,
      chained: this.options.chained,
      rest: this.options.rest,
    });
    this.shown = grid;
    this.cursor = result.cursor;
    return result;
  }
}

/**
 * A blank grid whose drawn spans are known to be empty (see `spansOf`), so that the encoder
 * paints the first frame over it row by row rather than diffing every cell of the screen.
 */
function blankGrid(cols: number, rows: number): Grid {
  return clearGrid(createGrid(cols, rows));
}
