import type { Grid } from './grid.js';
import { sgr, SGR_RESET } from './escapes.js';

/**
 * A grid as lines of text, with SGR where the style changes when `color` is on: what a kept
 * frame or a plain-text dump prints. Continuation cells add nothing
 * (their wide glyph already covers them). Trailing blanks are trimmed unless `trim` is false,
 * when every line is exactly `grid.cols` cells wide.
 *
 * @param grid - the grid
 * @param color - emit SGR for styled cells
 * @param options - `trim` (default true)
 */
export function gridLines(grid: Grid, color: boolean, options: { trim?: boolean } = {}): string[] {
  const trim = options.trim ?? true;
  const lines: string[] = [];
  for (let row = 0; row < grid.rows; row++) {
    let line = '';
    let style = 0;
    const start = row * grid.cols;
    let end = trim ? start : start + grid.cols;
    for (let i = start + grid.cols - 1; trim && i >= start; i--) {
      if (grid.glyphs[i] !== ' ' || (color && grid.styles[i] !== 0)) {
        end = i + 1;
        break;
      }
    }
    for (let i = start; i < end; i++) {
      if (grid.widths[i] === 0) continue;
      const cellStyle = color ? grid.styles[i] : 0;
      if (cellStyle !== style) {
        line += cellStyle === 0 ? SGR_RESET : sgr(cellStyle);
        style = cellStyle;
      }
      line += grid.glyphs[i];
    }
    if (style !== 0) line += SGR_RESET;
    lines.push(line);
  }
  return lines;
}
