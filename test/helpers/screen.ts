/**
 * Reading an emulator's whole buffer (scrollback included) by absolute line, and comparing a
 * part of it with the grid the engine meant to show, cell for cell.
 */
import { STYLE_BOLD } from '../../src/art/types.js';
import type { Grid } from '../../src/render/grid.js';
import type { Terminal } from './xterm.js';

/**
 * One cell as comparable text: glyph (a blank as a space), width, foreground (palette index,
 * or -1 for the default) and bold; a continuation compares by its width alone.
 */
function token(glyph: string, width: number, fg: number, bold: boolean): string {
  if (width === 0) return '[0]';
  // A blank looks the same in any colour and weight: the engine writes it in whatever style.
  if ((glyph === '' || glyph === ' ') && width === 1) return '[ ]';
  return `[${glyph}${width}${fg}${bold ? 'B' : ''}]`;
}

/** The cells of a default-style blank row, as tokens. */
const blankRow = (cols: number): string => token(' ', 1, -1, false).repeat(cols);

/**
 * Absolute buffer line `y` (0 is the oldest line of the scrollback) as tokens, `cols` cells.
 *
 * @param term - the emulator
 * @param y - the absolute line
 * @param cols - how many cells from the left
 */
export function lineTokens(term: Terminal, y: number, cols: number): string {
  const buffer = term.buffer.active;
  const line = buffer.getLine(y);
  if (line === undefined) return blankRow(cols);
  const cell = buffer.getNullCell();
  let out = '';
  for (let x = 0; x < cols; x++) {
    if (line.getCell(x, cell) === undefined) {
      out += token(' ', 1, -1, false);
      continue;
    }
    out += token(
      cell.getChars(),
      cell.getWidth(),
      cell.isFgPalette() ? cell.getFgColor() : -1,
      cell.isBold() !== 0,
    );
  }
  return out;
}

/**
 * Row `row` of `grid` as tokens, as a terminal shows it: with `color` off every cell is in the
 * default style.
 */
export function gridRowTokens(grid: Grid, row: number, color: boolean): string {
  let out = '';
  for (let col = 0; col < grid.cols; col++) {
    const i = row * grid.cols + col;
    const style = color ? grid.styles[i] : 0;
    out += token(grid.glyphs[i], grid.widths[i], (style & 15) - 1, (style & STYLE_BOLD) !== 0);
  }
  return out;
}

/** What {@link compareScreen} found: the whole buffer as the test reads it, and as it should be. */
export interface ScreenComparison {
  readonly shown: string[];
  readonly wanted: string[];
}

/**
 * The whole buffer against what it should hold: the lines above `top` are left alone (the
 * caller checks them), lines `top ..` hold `grid` row by row, and every line after the grid
 * is blank. Cells right of the grid (an emulator wider than the engine's width) must be blank
 * too. Compare `shown` with `wanted` for a readable diff.
 *
 * @param term - the emulator
 * @param grid - what the engine meant to show
 * @param top - absolute buffer line of the grid's first row
 * @param color - whether the engine draws styles
 */
export function compareScreen(
  term: Terminal,
  grid: Grid,
  top: number,
  color: boolean,
): ScreenComparison {
  const buffer = term.buffer.active;
  const shown: string[] = [];
  const wanted: string[] = [];
  const extra = Math.max(0, term.cols - grid.cols);
  const end = Math.max(buffer.length, top + grid.rows);
  for (let y = top; y < end; y++) {
    const row = y - top;
    shown.push(`${y}: ${lineTokens(term, y, grid.cols + extra)}`);
    const content = row < grid.rows ? gridRowTokens(grid, row, color) : blankRow(grid.cols);
    wanted.push(`${y}: ${content}${blankRow(extra)}`);
  }
  return { shown, wanted };
}

/**
 * Absolute buffer line `start` and the lines that continue it (soft-wrapped by the emulator),
 * joined: a logical line as it was written, before any reflow cut it.
 *
 * @param term - the emulator
 * @param start - the absolute line a logical line starts at
 * @returns the text (trailing blanks trimmed) and the absolute line after its last part
 */
export function logicalLine(term: Terminal, start: number): { text: string; end: number } {
  const buffer = term.buffer.active;
  let text = buffer.getLine(start)?.translateToString(false) ?? '';
  let end = start + 1;
  while (end < buffer.length && buffer.getLine(end)?.isWrapped === true) {
    text += buffer.getLine(end)?.translateToString(false) ?? '';
    end++;
  }
  return { text: text.trimEnd(), end };
}

/**
 * The logical lines (soft-wrapped lines joined back into one) with at least one part in the
 * absolute lines `first` to `last - 1`, each with the absolute line it starts at.
 *
 * @param term - the emulator
 * @param first - the first absolute line (default: the oldest line of the scrollback)
 * @param last - one past the last (default: the end of the buffer)
 */
export function logicalLines(
  term: Terminal,
  first = 0,
  last = term.buffer.active.length,
): { start: number; text: string }[] {
  const buffer = term.buffer.active;
  let start = first;
  while (start > 0 && buffer.getLine(start)?.isWrapped === true) start--;
  const lines: { start: number; text: string }[] = [];
  while (start < last) {
    const { text, end } = logicalLine(term, start);
    lines.push({ start, text });
    start = end;
  }
  return lines;
}

/**
 * The logical lines with at least one part on the visible screen: what a user sees, each
 * soft-wrapped line joined back into one.
 *
 * @param term - the emulator
 */
export function visibleLogicalLines(term: Terminal): { start: number; text: string }[] {
  const { baseY } = term.buffer.active;
  return logicalLines(term, baseY, baseY + term.rows);
}
