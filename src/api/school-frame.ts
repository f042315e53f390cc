/**
 * One frame of a school, as a pure function: every task's row composed into one grid, so that
 * the differential encoder writes only the cells that changed across all of them (three fish
 * swimming cost about three fish, not three lines).
 *
 *     [a running task: its tank, creature and texts, as fish() draws them]
 *     ✔ an ended task's status line, in its row's place
 *     [a running task]
 *     … and 12 more
 *
 * Rows keep the order the tasks were added in. With more rows than the region has, the fold
 * shows the running tasks that fit, oldest first, and a last line that counts the rest.
 */
import type { Art } from '../art/types.js';
import { clearGrid, createGrid, spansOf, widenSpan, type Grid } from '../render/grid.js';
import {
  composeSpinnerFrame,
  drawLabel,
  spinnerHeight,
  type Progress,
  type SpinnerScene,
} from './frame.js';
import { toLabel, type Label } from './host-text.js';

/** A task as its row shows it. */
export interface TaskRow {
  /** What a running task shows; undefined once it has ended. */
  readonly scene: SpinnerScene | undefined;
  /** The status line an ended task shows (NO_LABEL while it runs, or for an empty line). */
  readonly status: Label;
  /** The school's clock when the task was first drawn: its creature starts there. */
  readonly since: number;
}

/**
 * A running task's scene: its art, the school's speed and width, its texts and progress. What
 * the school does not let a task choose is fixed here: no bob, no indent, and the tank the
 * line less the texts, as the school has always drawn it.
 *
 * @param art - what swims
 * @param config - the school's speed and tank width
 * @param labels - the texts before the tank, after it, and after that
 * @param progress - the task's progress, when its position follows it
 */
export function taskScene(
  art: Art,
  config: Pick<SpinnerScene, 'speed' | 'width'>,
  labels: Pick<SpinnerScene, 'prefix' | 'text' | 'suffix'>,
  progress: Progress | undefined,
): SpinnerScene {
  const { speed, width } = config;
  return { art, speed, bob: 0, width, indent: 0, defaultWidth: 'line', ...labels, progress };
}

/** Which rows a frame shows. */
export interface Fold {
  /** Indexes of the rows shown, in order. */
  readonly shown: readonly number[];
  /** Rows not shown: counted on the last line (0: no such line). */
  readonly more: number;
}

/**
 * The rows a task takes: its creature's height while it runs, one for its status line.
 *
 * @param row - the task
 */
export function rowHeight(row: TaskRow): number {
  return row.scene === undefined ? 1 : spinnerHeight(row.scene);
}

/**
 * The rows all tasks take.
 *
 * @param rows - the tasks
 */
export function schoolHeight(rows: readonly TaskRow[]): number {
  let height = 0;
  for (const row of rows) height += rowHeight(row);
  return height;
}

/**
 * Which rows fit in `available` rows: all, when they do; else the running ones that fit with
 * one row to spare, oldest first (newest last), and that spare row counts the others.
 *
 * @param rows - the tasks, in the order they were added
 * @param available - the region's rows
 */
export function foldRows(rows: readonly TaskRow[], available: number): Fold {
  if (schoolHeight(rows) <= available) return { shown: rows.map((_, index) => index), more: 0 };
  const shown: number[] = [];
  let used = 1;
  for (const [index, row] of rows.entries()) {
    if (row.scene === undefined) continue;
    const height = rowHeight(row);
    if (used + height > available) break;
    shown.push(index);
    used += height;
  }
  return { shown, more: rows.length - shown.length };
}

/**
 * The last line of a folded frame.
 *
 * @param more - the rows not shown
 * @param unicode - an ellipsis (else three dots)
 */
export function moreText(more: number, unicode: boolean): string {
  return `${unicode ? '…' : '...'} and ${more} more`;
}

/** Per width and height, the grid a task's frame is composed into before it is copied. */
const scratch = new Map<string, Grid>();

/** A blank grid of `cols × rows` to compose a task's frame into (one per size, reused). */
function scratchGrid(cols: number, rows: number): Grid {
  const key = `${cols}x${rows}`;
  let grid = scratch.get(key);
  if (grid === undefined) {
    // A handful of art heights at one width at a time: never many.
    if (scratch.size > 16) scratch.clear();
    grid = createGrid(cols, rows);
    scratch.set(key, grid);
  }
  return grid;
}

/** Copy `from` (as wide as `into`) into `into` from row `top`, clipping at its bottom. */
function copyRows(from: Grid, into: Grid, top: number): void {
  const rows = Math.min(from.rows, into.rows - top);
  if (rows <= 0) return;
  const cells = rows * from.cols;
  const at = top * into.cols;
  for (let i = 0; i < cells; i++) into.glyphs[at + i] = from.glyphs[i];
  into.widths.set(from.widths.subarray(0, cells), at);
  into.styles.set(from.styles.subarray(0, cells), at);
  // Cells written by hand: the grid's drawn spans must take them in, or the encoder, which
  // looks only inside them, would not see them (see spansOf).
  const spans = spansOf(into);
  const drawn = spansOf(from);
  if (spans === undefined) return;
  for (let row = 0; row < rows; row++) {
    const [left, right] =
      drawn === undefined ? [0, from.cols] : [drawn[2 * row], drawn[2 * row + 1]];
    widenSpan(spans, into.cols, top + row, left, right);
  }
}

/**
 * Compose the school's frame at `t` seconds into `into` (the region's grid): the rows the fold
 * shows, each running task's frame as `fish()` composes it (its creature's clock starting at
 * its `since`), each ended task's status line, and the fold's last line. Pure: the same rows,
 * time and grid size give the same frame.
 *
 * @param rows - the tasks, in the order they were added
 * @param t - seconds on the school's clock
 * @param into - the grid to draw into (cleared first)
 * @param unicode - the fold's line with an ellipsis
 * @returns `into`
 */
export function composeSchoolFrame(
  rows: readonly TaskRow[],
  t: number,
  into: Grid,
  unicode: boolean,
): Grid {
  clearGrid(into);
  const fold = foldRows(rows, into.rows);
  let top = 0;
  for (const index of fold.shown) {
    const row = rows[index];
    if (row.scene === undefined) {
      drawLabel(into, 0, top, row.status);
      top += 1;
      continue;
    }
    const height = rowHeight(row);
    const frame = composeSpinnerFrame(
      row.scene,
      Math.max(0, t - row.since),
      scratchGrid(into.cols, height),
    );
    copyRows(frame, into, top);
    top += height;
  }
  if (fold.more > 0) drawLabel(into, 0, top, toLabel(moreText(fold.more, unicode), false));
  return into;
}
