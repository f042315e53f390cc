import {
  beginSynchronizedOutput,
  cursorHide,
  cursorShow,
  eraseDown,
  eraseEndLine,
  eraseScreen,
  endSynchronizedOutput,
  enterAlternativeScreen,
  exitAlternativeScreen,
} from 'ansi-escapes';
import { STYLE_BOLD, type Style } from '../art/types.js';

/**
 * The few control sequences the engine writes, with their costs in bytes.
 *
 * The vocabulary is ansi-escapes': every fixed sequence below is its. The cursor moves of the
 * hot path are tables of our own, since ansi-escapes writes the count even where it is the
 * default (`ESC[1C` for one cell, where `ESC[C` says the same in one byte less); a test checks
 * each against ansi-escapes' form (test/render/escapes.test.ts).
 *
 * Every sequence here is ASCII, so a sequence's `.length` is its cost in bytes; glyphs are
 * not, and {@link utf8Length} measures them. Movement sequences for small counts come from
 * tables built once, so that choosing and emitting a move allocates nothing.
 */

/** Control Sequence Introducer: ESC `[`. */
export const CSI = '\u001B[';
/** Carriage return: to column 0 of the cursor's row; clears a pending wrap. */
export const CR = '\r';
/** Backspace: one column left (a no-op at column 0); not used from a pending wrap. */
export const BS = '\b';
/**
 * Line feed: one row down. Whether it also returns to column 0 depends on the tty's ONLCR
 * mode, so the encoder only writes it where both readings agree: at column 0, or as `\r\n`.
 */
export const LF = '\n';
/** Carriage return and line feed: column 0 of the next row in every tty mode. */
export const CRLF = '\r\n';
/**
 * Index: one row down, the column kept (scrolling at the bottom margin, which the engine never
 * moves down from). Unlike LF, not subject to the tty's ONLCR, and in xterm.js it ends no soft
 * wrap on the row it moves into.
 */
export const IND = '\u001BD';
/** Reverse Index: one row up, the column kept (scrolling at the top margin, which the engine never moves up from). */
export const RI = '\u001BM';

/** Erase in Line (to the end of the line); the cursor does not move. */
export const EL: string = eraseEndLine;
/** Erase in Display, from the cursor to the end of the screen; the cursor does not move. */
export const ED: string = eraseDown;
/** Erase the whole screen; the cursor does not move. */
export const ERASE_SCREEN: string = eraseScreen;
/** Cursor Position, to the top-left cell (`ESC[H`: ansi-escapes' `cursorTo(0, 0)` in 3 bytes fewer). */
export const CURSOR_HOME = `${CSI}H`;
/** Hide the cursor (DECTCEM off) while frames are drawn. */
export const CURSOR_HIDE: string = cursorHide;
/** Show the cursor again (DECTCEM on). */
export const CURSOR_SHOW: string = cursorShow;
/** Switch to the alternate screen buffer, saving the cursor (xterm's mode 1049). */
export const ENTER_ALTERNATE_SCREEN: string = enterAlternativeScreen;
/** Back to the normal screen buffer, as it was, cursor included. */
export const LEAVE_ALTERNATE_SCREEN: string = exitAlternativeScreen;

/**
 * Insert Character: `n` blanks at the cursor, the rest of the row shifted right (what passes
 * the right edge is lost); the cursor does not move.
 *
 * @param n - cells (1 or more)
 * @returns `ESC[@` for 1, `ESC[{n}@` otherwise
 */
export function ich(n: number): string {
  return n <= 1 ? `${CSI}@` : `${CSI}${n}@`;
}

/**
 * Delete Character: `n` cells at the cursor removed, the rest of the row shifted left and
 * blanks coming in at the right edge; the cursor does not move.
 *
 * @param n - cells (1 or more)
 * @returns `ESC[P` for 1, `ESC[{n}P` otherwise
 */
export function dch(n: number): string {
  return n <= 1 ? `${CSI}P` : `${CSI}${n}P`;
}

/**
 * Erase Character: `n` cells from the cursor's on blanked, the cursor does not move. Across a
 * whole row from its first column, tmux empties the row as if never written (what it
 * re-wraps it by), and xterm.js leaves the row's soft wrap alone, unlike EL from column 0.
 *
 * @param n - cells (1 or more)
 * @returns `ESC[X` for 1, `ESC[{n}X` otherwise
 */
export function ech(n: number): string {
  return n <= 1 ? `${CSI}X` : `${CSI}${n}X`;
}
/** Select Graphic Rendition: reset to the default style. */
export const SGR_RESET = `${CSI}m`;
/** Synchronized output (DEC mode 2026) begin: the terminal holds drawing until the end marker. */
export const SYNC_BEGIN: string = beginSynchronizedOutput;
/** Synchronized output (DEC mode 2026) end. */
export const SYNC_END: string = endSynchronizedOutput;
/** The bytes the two synchronized-output markers add to a frame. */
export const SYNC_COST = SYNC_BEGIN.length + SYNC_END.length;

/** Counts up to this one come from prebuilt tables; larger ones are built on demand. */
const TABLE_SIZE = 256;

/** `ESC[{n}{final}`, with n omitted when it is 1 (the default) and '' for no move. */
function csiMove(n: number, final: string): string {
  if (n <= 0) return '';
  return n === 1 ? CSI + final : CSI + String(n) + final;
}

/**
 * A cursor move by `n` cells or rows: `ESC[{final}` for 1, `ESC[{n}{final}` otherwise, '' for
 * `n <= 0`. Counts below {@link TABLE_SIZE} come from a table made once: frames move often.
 */
function cursorMove(final: string): (n: number) => string {
  const table = Array.from({ length: TABLE_SIZE }, (_, n) => csiMove(n, final));
  return (n) => (n < TABLE_SIZE ? table[Math.max(0, n)] : csiMove(n, final));
}

/** Runs of backspaces; only short ones are ever cheaper than CUB, so a few suffice. */
const BS_TABLE: readonly string[] = Array.from({ length: 8 }, (_, n) => BS.repeat(n));

/** Cursor Forward: `n` columns right, stopping at the right margin. '' for `n <= 0`. */
export const cuf = cursorMove('C');

/** Cursor Backward: `n` columns left, stopping at column 0. '' for `n <= 0`. */
export const cub = cursorMove('D');

/** Cursor Up: `n` rows up, stopping at the top margin (never scrolls). '' for `n <= 0`. */
export const cuu = cursorMove('A');

/** Cursor Down: `n` rows down, stopping at the bottom margin (never scrolls). '' for `n <= 0`. */
export const cud = cursorMove('B');

/**
 * Cursor Previous Line: `n` rows up and to column 0, stopping at the top margin (never
 * scrolls). '' for `n <= 0`. One sequence where CR and CUU would take two.
 */
export const cpl = cursorMove('F');

/**
 * Cursor Next Line: `n` rows down and to column 0, stopping at the bottom margin (never
 * scrolls, unlike a line feed). '' for `n <= 0`.
 */
export const cnl = cursorMove('E');

/**
 * `n` backspaces: `n` columns left, each 1 byte. '' for `n <= 0`.
 *
 * @param n - columns
 * @returns the backspaces
 */
export function backspaces(n: number): string {
  return n < BS_TABLE.length ? BS_TABLE[Math.max(0, n)] : BS.repeat(n);
}

/**
 * Bytes of a CUF/CUB/CUU/CUD/CNL/CPL move by `n` (n ≥ 1): 3, plus the digits of `n` when `n > 1`.
 *
 * @param n - cells or rows to move
 * @returns the sequence's length in bytes
 */
export function csiMoveCost(n: number): number {
  if (n <= 1) return 3;
  return n < 10 ? 4 : n < 100 ? 5 : n < 1000 ? 6 : 3 + String(n).length;
}

/**
 * A style reduced to what it can mean: colours 1-8 and the bold bit; any other bits, and
 * colours 9-15 (which have no mask letter), read as default. Indexed by the stored byte.
 */
const NORMAL_STYLE: Uint8Array = Uint8Array.from({ length: 256 }, (_, style) => {
  const colour = style & 15;
  return (colour <= 8 ? colour : 0) | (style & STYLE_BOLD);
});

/**
 * The style a cell's stored byte stands for (see {@link Style}): colour 0-8 and the bold
 * bit, everything else dropped.
 *
 * @param style - a stored style byte
 * @returns a style in `0..24`
 */
export function normalizeStyle(style: Style): Style {
  return NORMAL_STYLE[style & 255];
}

/** The SGR parameters that set `style` from the default state: `1` for bold, 30-37 for a colour. */
function styleParams(style: Style): string[] {
  const params: string[] = [];
  if (style & STYLE_BOLD) params.push('1');
  if (style & 15) params.push(String(29 + (style & 15)));
  return params;
}

/**
 * SGR that sets exactly `style` whatever the terminal's current style is: `ESC[m` for the
 * default, otherwise a reset followed by bold and colour (`ESC[0;1;31m`).
 *
 * @param style - the style to set (normalized first)
 * @returns the sequence
 */
export function sgr(style: Style): string {
  const params = styleParams(normalizeStyle(style));
  return params.length === 0 ? SGR_RESET : `${CSI}0;${params.join(';')}m`;
}

/**
 * The cheapest SGR from `from` to `to`: a reset for the default; otherwise the shorter of
 * the change alone (`22` ends bold, `39` ends the colour, `1`, `30`-`37` start them) and a
 * reset plus the new style.
 */
function buildTransition(from: Style, to: Style): string {
  if (from === to) return '';
  if (to === 0) return SGR_RESET;
  const delta: string[] = [];
  if ((from & STYLE_BOLD) !== (to & STYLE_BOLD)) delta.push(to & STYLE_BOLD ? '1' : '22');
  if ((from & 15) !== (to & 15)) delta.push(to & 15 ? String(29 + (to & 15)) : '39');
  const relative = `${CSI}${delta.join(';')}m`;
  const absolute = sgr(to);
  return relative.length <= absolute.length ? relative : absolute;
}

/**
 * Transitions between the 32 normalized style values, indexed `from << 5 | to`, each built
 * when first asked for: art without colour never needs one, and the start-up path stays short.
 */
const TRANSITIONS: (string | undefined)[] = new Array<string | undefined>(32 * 32);

/**
 * The cheapest SGR that changes the terminal's style from `from` to `to` ('' when equal).
 * Both are normalized first (see {@link normalizeStyle}).
 *
 * @param from - the style the terminal is in
 * @param to - the style wanted
 * @returns the sequence; its length is its cost in bytes
 */
export function sgrTransition(from: Style, to: Style): string {
  const index = (normalizeStyle(from) << 5) | normalizeStyle(to);
  return (TRANSITIONS[index] ??= buildTransition(index >> 5, index & 31));
}

/**
 * Length of a string in UTF-8 bytes, as it goes out to the terminal. A lone surrogate
 * counts 3, as the replacement character it is encoded as.
 *
 * @param text - any string
 * @returns its UTF-8 byte length
 */
export function utf8Length(text: string): number {
  // Start from one byte per UTF-16 unit and add what each unit needs beyond that.
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    if (code < 0x800) {
      bytes += 1;
      continue;
    }
    // Three bytes, or four for a surrogate pair: its two units already count two.
    bytes += 2;
    if (code >= 0xd800 && code <= 0xdbff) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) i++;
    }
  }
  return bytes;
}
