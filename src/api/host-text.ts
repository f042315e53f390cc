/**
 * Text from the host (the animation's text, prefix, suffix and status lines) on its way to the
 * terminal. The host's text may carry SGR styling (chalk and the like); every other control
 * sequence or control character is removed, so that a string from anywhere (a file name, a
 * server's reply) cannot move the cursor, retitle the window or write outside the line.
 */
import { codePointWidth } from '../art/width.js';
import { STYLE_BOLD, type Style } from '../art/types.js';
import type { CharWidth } from '../render/compose.js';
import { SGR_RESET } from '../render/escapes.js';
import { MAX_TERMINAL } from '../terminal/size.js';

/**
 * The most of a host's text a label reads: enough for the widest terminal's line even with a
 * colour change between every two characters. A longer text is cut before any work is done
 * on it, so that a label costs what can show, not what was passed.
 */
const LABEL_INPUT_LIMIT = 32 * MAX_TERMINAL.columns;

/**
 * One escape sequence or control character. The alternatives, in order: SGR (kept apart), any
 * other CSI, an OSC/DCS/SOS/PM/APC string up to its terminator (BEL, ESC \ or the 8-bit ST),
 * any other ESC sequence, a lone ESC, a C0/C1 control or DEL, format characters (bidi
 * controls, zero-width characters), line and paragraph separators, and lone surrogates.
 */
const SEQUENCE =
  /(\u001B\[[0-9;:]*m)|\u001B\[[0-?]*[ -/]*[@-~]?|\u001B[\]PX^_][^\u0007\u001B\u009C]*(?:\u0007|\u001B\\|\u009C)?|\u001B[ -/]*[0-~]|\u001B|[\u0000-\u001F\u007F-\u009F]|[\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;

/** Characters that stand between words, so that removing them would join the words. */
const SPACING = /^[\t\n\v\f\r\u2028\u2029\u0085]$/;

/**
 * Make host text safe to draw on one line: SGR sequences are kept when `keepSgr` is true and
 * dropped otherwise; every other escape sequence and control or format character is removed,
 * except that line breaks and tabs become a space (the text is one line).
 *
 * @param text - text from the host
 * @param keepSgr - keep SGR styling (when colour is on)
 * @returns the text, safe to write to a terminal
 */
export function sanitizeText(text: string, keepSgr: boolean): string {
  if (!/[^ -~]/.test(text)) return text; // printable ASCII: nothing to remove
  return text.replace(SEQUENCE, (match: string, sgr: string | undefined) => {
    if (sgr !== undefined) return keepSgr ? sgr : '';
    return SPACING.test(match) ? ' ' : '';
  });
}

/** A piece of a label in one style. */
export interface StyledRun {
  /** The text, with no escape sequences. */
  readonly text: string;
  /** Its style (colour 1-8 and bold; see `Style`). */
  readonly style: Style;
}

/** Host text ready to draw into a grid: styled runs and the cells they take. */
export interface Label {
  /** The runs, in order. */
  readonly runs: readonly StyledRun[];
  /** Cells the label takes. */
  readonly width: number;
  /** How many cells a character takes, or undefined when every character takes one (ASCII). */
  readonly charWidth: CharWidth | undefined;
}

/** The empty label. */
export const NO_LABEL: Label = { runs: [], width: 0, charWidth: undefined };

/**
 * Cells a character of a label takes, as terminals count them: 0 for a combining mark, 2 for
 * an East Asian wide or fullwidth character or an emoji, 1 for the rest.
 *
 * @param char - one code point
 */
export function labelCharWidth(char: string): number {
  return codePointWidth(char.codePointAt(0) ?? 0);
}

/**
 * Turn host text into a label: sanitized, its SGR read into the grid's styles. The grid has
 * the eight basic colours and bold, so bright colours draw as their basic colour, and 256 and
 * RGB colours, backgrounds, underline, italic and the like are dropped (a status line, written
 * as text, keeps them all).
 *
 * @param text - text from the host
 * @param color - read SGR into styles (otherwise every run is in the default style)
 */
export function toLabel(text: string, color: boolean): Label {
  if (text === '') return NO_LABEL;
  const clean = sanitizeText(
    text.length > LABEL_INPUT_LIMIT ? text.slice(0, LABEL_INPUT_LIMIT) : text,
    true,
  );
  const runs: StyledRun[] = [];
  let style: Style = 0;
  let last = 0;
  for (const match of clean.matchAll(/\u001B\[([0-9;:]*)m/g)) {
    if (match.index > last) runs.push({ text: clean.slice(last, match.index), style });
    if (color) style = applySgr(style, match[1]);
    last = match.index + match[0].length;
  }
  if (last < clean.length) runs.push({ text: clean.slice(last), style });
  const ascii = !/[^ -~]/.test(runs.map((run) => run.text).join(''));
  const charWidth = ascii ? undefined : labelCharWidth;
  // No line is wider than the widest terminal: what lies past it could never show.
  const shown: StyledRun[] = [];
  let width = 0;
  for (const run of runs) {
    const room = MAX_TERMINAL.columns - width;
    if (room <= 0) break;
    if (ascii) {
      const text = run.text.slice(0, room);
      shown.push(text === run.text ? run : { text, style: run.style });
      width += text.length;
      continue;
    }
    let end = 0;
    let cells = 0;
    for (const char of run.text) {
      const w = labelCharWidth(char);
      if (cells + w > room) break;
      cells += w;
      end += char.length;
    }
    shown.push(end === run.text.length ? run : { text: run.text.slice(0, end), style: run.style });
    width += cells;
  }
  return { runs: shown, width, charWidth };
}

/**
 * A style after an SGR sequence's parameters: 0 (or none) resets; 1 and 22 turn bold on and
 * off; 30-37 and 90-97 set the colour, 39 resets it; the arguments of 38, 48 and 58 (extended
 * colours) are skipped; anything else leaves the style alone.
 *
 * @param style - the style before
 * @param params - the parameters, as in `ESC[{params}m`
 */
export function applySgr(style: Style, params: string): Style {
  const list =
    params === ''
      ? [0]
      : params.split(';').map((param) => (param.includes(':') ? -1 : Number(param)));
  let next = style;
  for (let i = 0; i < list.length; i++) {
    const code = list[i];
    if (code === 0) next = 0;
    else if (code === 1) next |= STYLE_BOLD;
    else if (code === 22) next &= ~STYLE_BOLD;
    else if (code >= 30 && code <= 37) next = (next & STYLE_BOLD) | (code - 29);
    else if (code >= 90 && code <= 97) next = (next & STYLE_BOLD) | (code - 89);
    else if (code === 39) next &= STYLE_BOLD;
    else if (code === 38 || code === 48 || code === 58)
      i += list[i + 1] === 5 ? 2 : list[i + 1] === 2 ? 4 : 0;
  }
  return next;
}

/**
 * Host text for a line written as it is (a status line): sanitized, SGR kept with colour
 * and closed with a reset so that it cannot colour what comes after.
 *
 * @param text - text from the host
 * @param color - keep SGR
 */
export function lineText(text: string, color: boolean): string {
  const clean = sanitizeText(text, color);
  const open =
    color &&
    clean.includes('\u001B[') &&
    !clean.endsWith(SGR_RESET) &&
    !clean.endsWith('\u001B[0m');
  return open ? clean + SGR_RESET : clean;
}
