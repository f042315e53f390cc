/**
 * A real terminal emulator for tests: @xterm/headless with Unicode 11 widths, so that tests
 * can feed it the bytes the engine writes and read the screen back cell by cell.
 */
import xtermHeadless from '@xterm/headless';
import type { Terminal as TerminalType } from '@xterm/headless';
import { Unicode11Addon } from '@xterm/addon-unicode11';

// The package is a CommonJS bundle whose exports Node's ESM loader cannot see by name.
const { Terminal } = xtermHeadless;

/** A headless xterm.js terminal. */
export type Terminal = TerminalType;

/** Options of {@link createTerminal}. */
export interface TerminalOptions {
  /**
   * Treat LF as CR LF, as a tty with ONLCR (the usual output mode) does; default false, as a
   * raw tty (or xterm.js) does. Correct output looks the same either way.
   */
  readonly convertEol?: boolean;
  /** Lines of scrollback (default 100). */
  readonly scrollback?: number;
  /**
   * Re-wrap rows when the width changes (default true, as xterm.js does). False makes a
   * truncating terminal, as the X11 xterm, the Linux console and older Windows consoles are:
   * xterm.js turns reflow off only for a Windows pty older than ConPTY build 21376 (its
   * `windowsPty` option; `scrollback: 0` does not do it), so that is what is declared. Cells
   * past the right edge are then hidden, not erased: xterm.js shows them again when the
   * terminal widens.
   */
  readonly reflow?: boolean;
}

/** A Windows pty old enough that xterm.js does not re-wrap rows for it (reflow needs 21376). */
const NON_REFLOWING_PTY = { backend: 'conpty', buildNumber: 19041 } as const;

/**
 * A headless terminal of `cols × rows` with Unicode 11 widths active (emoji and East Asian
 * wide glyphs take two cells), its cursor at the top-left.
 *
 * @param cols - columns
 * @param rows - rows
 * @param options - LF conversion, scrollback, reflow
 * @returns the terminal (call `dispose()` when done)
 */
export function createTerminal(
  cols: number,
  rows: number,
  options: TerminalOptions = {},
): Terminal {
  const term = new Terminal({
    cols,
    rows,
    allowProposedApi: true,
    convertEol: options.convertEol ?? false,
    scrollback: options.scrollback ?? 100,
    ...(options.reflow === false ? { windowsPty: NON_REFLOWING_PTY } : {}),
  });
  term.loadAddon(new Unicode11Addon());
  term.unicode.activeVersion = '11';
  return term;
}

/**
 * Follow the cursor's visibility (DECTCEM, `ESC[?25h` / `ESC[?25l`) as the terminal parses it:
 * xterm.js does not expose it.
 *
 * @param term - the terminal, before anything is written to it
 * @returns whether the cursor is visible now (shown until hidden)
 */
export function trackCursorVisibility(term: Terminal): () => boolean {
  let visible = true;
  term.parser.registerCsiHandler({ prefix: '?', final: 'h' }, (params) => {
    if (params.includes(25)) visible = true;
    return false;
  });
  term.parser.registerCsiHandler({ prefix: '?', final: 'l' }, (params) => {
    if (params.includes(25)) visible = false;
    return false;
  });
  return () => visible;
}

/**
 * Write to the terminal and wait until it has processed the data (xterm.js parses
 * asynchronously).
 *
 * @param term - the terminal
 * @param data - bytes to write
 */
export function writeAsync(term: Terminal, data: string): Promise<void> {
  return new Promise((resolve) => term.write(data, resolve));
}

/** One cell of the screen as a test sees it. */
export interface TermCell {
  /** The glyph; '' for a blank (never written, or erased) cell and for a continuation. */
  readonly chars: string;
  /** Display width: 1, 2 for a wide glyph, 0 for its continuation. */
  readonly width: number;
  /** Foreground palette index (0-255), or -1 for the default colour (or an RGB colour). */
  readonly fg: number;
  /** Whether the foreground is an RGB colour (then `fg` is -1). */
  readonly fgRgb: boolean;
  /** Bold. */
  readonly bold: boolean;
}

/**
 * The visible screen, row by row, cell by cell (rows counted from the top of the viewport's
 * active area, whatever has scrolled off).
 *
 * @param term - the terminal
 * @returns `rows` arrays of `cols` cells
 */
export function readCells(term: Terminal): TermCell[][] {
  const buffer = term.buffer.active;
  const cell = buffer.getNullCell();
  const screen: TermCell[][] = [];
  for (let row = 0; row < term.rows; row++) {
    const line = buffer.getLine(buffer.baseY + row);
    const cells: TermCell[] = [];
    for (let col = 0; col < term.cols; col++) {
      if (line?.getCell(col, cell) === undefined) {
        cells.push({ chars: '', width: 1, fg: -1, fgRgb: false, bold: false });
        continue;
      }
      cells.push({
        chars: cell.getChars(),
        width: cell.getWidth(),
        fg: cell.isFgPalette() ? cell.getFgColor() : -1,
        fgRgb: cell.isFgRGB(),
        bold: cell.isBold() !== 0,
      });
    }
    screen.push(cells);
  }
  return screen;
}

/**
 * The visible screen as text, one string per row, trailing blanks trimmed (continuations
 * add nothing, so a wide glyph reads as itself).
 *
 * @param term - the terminal
 * @returns `rows` lines
 */
export function readLines(term: Terminal): string[] {
  const buffer = term.buffer.active;
  const lines: string[] = [];
  for (let row = 0; row < term.rows; row++) {
    lines.push(buffer.getLine(buffer.baseY + row)?.translateToString(true) ?? '');
  }
  return lines;
}

/**
 * The cursor on the visible screen. xterm.js reports a pending wrap (after a glyph in the
 * last column) as `col === cols`.
 *
 * @param term - the terminal
 * @returns row and column, 0-based
 */
export function readCursor(term: Terminal): { row: number; col: number } {
  return { row: term.buffer.active.cursorY, col: term.buffer.active.cursorX };
}

/**
 * How many lines have scrolled off the top: 0 unless something wrote past the bottom row.
 *
 * @param term - the terminal
 * @returns the active buffer's `baseY`
 */
export function scrolledLines(term: Terminal): number {
  return term.buffer.active.baseY;
}

/** The screen's lines with anything on them. */
export const inked = (lines: readonly string[]): string[] =>
  lines.filter((line) => line.trim() !== '');
