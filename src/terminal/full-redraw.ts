import { gridLines } from '../render/text.js';
import type { Grid } from '../render/grid.js';
import type { DrawResult, Surface } from './surface.js';

/** The part of log-update's writer that this surface drives. */
interface LogUpdate {
  (...text: string[]): void;
  clear(): void;
  done(): void;
}

/**
 * The full-redraw surface (`--redraw full`): every frame goes through log-update, which
 * rewrites each changed line whole. For terminals where relative cursor moves misbehave, and
 * the baseline the benchmarks measure the differential surface against.
 *
 * log-update is imported only when this surface is made, so that it stays off the start-up
 * path of the default (differential) mode.
 *
 * @param cols - columns of the region
 * @param rows - rows of the region
 * @param color - emit SGR colour
 */
export async function createFullRedrawSurface(cols: number, rows: number, color: boolean): Promise<Surface> {
  const { createLogUpdate } = await import('log-update');
  let captured = '';
  // log-update writes to a stream; this one only collects, so the caller makes one write().
  const sink = {
    columns: cols,
    rows: rows + 1, // log-update keeps the cursor on the line below its text
    isTTY: true,
    write(chunk: string): boolean {
      captured += chunk;
      return true;
    },
  };
  let update: LogUpdate = createLogUpdate(sink as unknown as NodeJS.WriteStream, { showCursor: true });
  let shown: Grid | undefined;
  const take = (): string => {
    const bytes = captured;
    captured = '';
    return bytes;
  };

  return {
    get cols() {
      return sink.columns;
    },
    get rows() {
      return sink.rows - 1;
    },
    open: () => '',
    draw(grid: Grid): DrawResult {
      update(gridLines(grid, color).join('\n'));
      const counts = countChanges(shown, grid);
      shown = grid;
      return { bytes: take(), ...counts };
    },
    resize(newCols: number, newRows: number): string {
      update.clear();
      sink.columns = newCols;
      sink.rows = newRows + 1;
      update = createLogUpdate(sink as unknown as NodeJS.WriteStream, { showCursor: true });
      shown = undefined;
      return take();
    },
    close(persist: boolean): string {
      if (persist) update.done();
      else update.clear();
      return take();
    },
  };
}

/** Cells and rows that differ between two grids of the same size (all of them without a first). */
function countChanges(before: Grid | undefined, after: Grid): { cellsChanged: number; rowsChanged: number } {
  let cellsChanged = 0;
  let rowsChanged = 0;
  for (let row = 0; row < after.rows; row++) {
    let changed = 0;
    for (let i = row * after.cols; i < (row + 1) * after.cols; i++) {
      if (
        before === undefined ||
        before.glyphs[i] !== after.glyphs[i] ||
        before.styles[i] !== after.styles[i] ||
        before.widths[i] !== after.widths[i]
      ) {
        changed++;
      }
    }
    cellsChanged += changed;
    if (changed > 0) rowsChanged++;
  }
  return { cellsChanged, rowsChanged };
}
