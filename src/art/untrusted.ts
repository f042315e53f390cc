/**
 * Untrusted text, the security boundary: text from an art file reaches the terminal only
 * after it has passed {@link assertPrintable}, and text a user wrote (a file name, an
 * argument) reaches a message only through {@link printable} or {@link shorten}, here and in
 * the CLI and the API. Also the line splitting that lets a lone carriage return reach
 * {@link assertPrintable}.
 */
import { ArtError } from './errors.js';

/** Where a piece of text came from, for error messages. */
export interface Where {
  /** The file as the user named it (already made printable), or `<text>`. */
  readonly file: string;
  /** 1-based line number, or 0 for the whole file. */
  readonly line: number;
}

/**
 * Every code point that could make a terminal do something other than draw a glyph, or make
 * the art look different from what it is: C0 and C1 controls, DEL, format characters (bidi
 * controls, zero-width characters, the BOM, tag characters...), line and paragraph
 * separators, and unpaired surrogates. Tab is allowed separately: it is expanded to spaces.
 */
const FORBIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;

/** Code points that an emoji joined with U+200D (a ZWJ sequence) has just before the joiner. */
const BEFORE_JOINER = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F]$/u;

const ZERO_WIDTH_JOINER = 0x200d;

/** Names for the forbidden code points a user is most likely to meet, for the error message. */
const CONTROL_NAMES: ReadonlyMap<number, string> = new Map([
  [0x00, 'null'],
  [0x07, 'bell'],
  [0x08, 'backspace'],
  [0x0a, 'line feed'],
  [0x0b, 'vertical tab'],
  [0x0c, 'form feed'],
  [0x0d, 'carriage return'],
  [0x1b, 'escape'],
  [0x7f, 'delete'],
  [0x85, 'next line'],
  [0x90, 'device control string'],
  [0x9b, 'control sequence introducer'],
  [0x9c, 'string terminator'],
  [0x9d, 'operating system command'],
  [0x9e, 'privacy message'],
  [0x9f, 'application program command'],
  [0xad, 'soft hyphen'],
  [0x061c, 'arabic letter mark'],
  [0x200b, 'zero width space'],
  [0x200c, 'zero width non-joiner'],
  [0x200d, 'zero width joiner'],
  [0x200e, 'left-to-right mark'],
  [0x200f, 'right-to-left mark'],
  [0x2028, 'line separator'],
  [0x2029, 'paragraph separator'],
  [0x202a, 'left-to-right embedding'],
  [0x202b, 'right-to-left embedding'],
  [0x202c, 'pop directional formatting'],
  [0x202d, 'left-to-right override'],
  [0x202e, 'right-to-left override'],
  [0x2060, 'word joiner'],
  [0x2066, 'left-to-right isolate'],
  [0x2067, 'right-to-left isolate'],
  [0x2068, 'first strong isolate'],
  [0x2069, 'pop directional isolate'],
  [0xfeff, 'zero width no-break space'],
]);

/**
 * `U+001B`: the way every message names a code point.
 *
 * @param codePoint - the code point
 */
export function codePointName(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Index of the first forbidden code point in `text`, or -1.
 *
 * A zero width joiner right after an emoji is let through here so that the width check can
 * reject the whole emoji sequence with a message about emoji rather than about the joiner.
 *
 * @param text - the text to scan
 */
function findForbidden(text: string): number {
  // The fast path: printable ASCII and tab, which is nearly every art file, needs no regex.
  let ascii = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) {
      ascii = false;
      break;
    }
    if ((c < 0x20 && c !== 0x09) || c === 0x7f) return i;
  }
  if (ascii) return -1;
  FORBIDDEN.lastIndex = 0;
  for (let match = FORBIDDEN.exec(text); match !== null; match = FORBIDDEN.exec(text)) {
    if (match[0] === '\t') continue;
    if (
      match[0].codePointAt(0) === ZERO_WIDTH_JOINER &&
      BEFORE_JOINER.test(text.slice(0, match.index))
    ) {
      continue;
    }
    return match.index;
  }
  return -1;
}

/**
 * Throws an {@link ArtError} if `text` holds any code point that is not safe to send to a
 * terminal (see `FORBIDDEN`): the one check that stands between an untrusted art file and
 * the terminal.
 *
 * @param text - one line of an art file (without its line ending)
 * @param where - the file and line, for the message
 */
export function assertPrintable(text: string, where: Where): void {
  const index = findForbidden(text);
  if (index < 0) return;
  const codePoint = text.codePointAt(index) ?? 0;
  const name = CONTROL_NAMES.get(codePoint);
  const surrogate = codePoint >= 0xd800 && codePoint <= 0xdfff;
  const kind = surrogate ? 'unpaired surrogate' : 'control character';
  const what = `${kind} ${codePointName(codePoint)}`;
  const named = name === undefined ? what : `${what} (${name})`;
  throw new ArtError(where.file, where.line, `${named} is not allowed in art`);
}

/**
 * `text` with every forbidden code point written as `\u{1b}`: file names go into error
 * messages, and a hostile file name must not reach the terminal either.
 *
 * @param text - a file name or any text to show in a message
 */
export function printable(text: string): string {
  return text.replace(FORBIDDEN, (c) => `\\u{${(c.codePointAt(0) ?? 0).toString(16)}}`);
}

/** Characters of the user's text quoted in a message, at the most. */
const QUOTE_LENGTH = 40;

/**
 * Text for a message: made printable (see {@link printable}) and cut to a length that fits on
 * one line, so that no file can make an error message longer than a line.
 *
 * @param text - what the user wrote
 * @param length - the most characters kept (default 40; a path may want more)
 */
export function shorten(text: string, length = QUOTE_LENGTH): string {
  const safe = printable(text);
  if (safe.length <= length) return safe;
  // Cut between code points: a UTF-16 slice can split a surrogate pair (an emoji), and a lone
  // surrogate is not printable.
  const cut = Array.from(safe.slice(0, length - 3));
  if (/[\uD800-\uDBFF]$/u.test(cut[cut.length - 1] ?? '')) cut.pop();
  return `${cut.join('')}...`;
}

/**
 * Splits a file's text into lines: `\n` and `\r\n` end a line, and a final line ending does
 * not start another line. A lone `\r` stays in its line, where {@link assertPrintable}
 * refuses it.
 *
 * @param text - the whole file, BOM already removed
 */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.endsWith('\r')) lines[i] = line.slice(0, -1);
  }
  return lines;
}

/** The byte order mark, which editors on some systems put at the start of UTF-8 files. */
export const BOM = '\uFEFF';
