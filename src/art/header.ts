/**
 * The header of a format v1 file: `key: value` lines between `@fish v1` and the first
 * directive.
 */
import { ArtError } from './errors.js';
import { DEFAULT_MIRROR_TABLE, type MirrorTable } from './mirror.js';
import { shorten, type Where } from './untrusted.js';
import { MASK_LETTERS, STYLE_BOLD, STYLE_DEFAULT, type Facing, type Style } from './types.js';
import { glyphsOf, widthOf, type Glyph } from './width.js';

/** Seconds per frame when the header does not say. */
const DEFAULT_FRAME_DURATION = 0.25;

/** What a header sets, with the defaults filled in. */
export interface Header {
  /** The `name` key, if given. */
  readonly name: string | undefined;
  /** The facing the frames are drawn in. */
  readonly facing: Facing;
  /** Seconds per frame. */
  readonly duration: number;
  /** The character that paints nothing, if any. */
  readonly transparent: string | undefined;
  /** The style of cells the mask leaves blank. */
  readonly color: Style;
  /** The mirror table, the default one changed by any `mirror` keys. */
  readonly mirror: MirrorTable;
}

/** The header of a file without one. */
export const NO_HEADER: Header = {
  name: undefined,
  facing: 'right',
  duration: DEFAULT_FRAME_DURATION,
  transparent: undefined,
  color: STYLE_DEFAULT,
  mirror: DEFAULT_MIRROR_TABLE,
};

const KEYS = ['name', 'facing', 'duration', 'transparent', 'color', 'mirror'] as const;
type Key = (typeof KEYS)[number];

/** `0.25`, `2`, `.5`, optionally with an `s` for seconds: decimal only, no exponent. */
const SECONDS = /^(\d+(\.\d*)?|\.\d+)\s*s?$/;
/** The longest frame duration: anything longer is surely a mistake (milliseconds?). */
const MAX_DURATION = 3600;

/** The value of a mirror token that starts the table from nothing. */
const MIRROR_NONE = 'none';

/** Collects header lines one at a time, then gives the {@link Header}. */
export class HeaderReader {
  readonly #seen = new Set<Key>();
  readonly #header: { -readonly [K in keyof Header]: Header[K] } = { ...NO_HEADER };
  #mirror: Map<string, string> | undefined;

  /**
   * Reads one header line (not a directive).
   *
   * @param text - the line
   * @param where - its file and line
   * @throws ArtError for a line that is not `key: value`, an unknown key, a key given twice
   *   (except `mirror`) or a bad value
   */
  read(text: string, where: Where): void {
    const trimmed = text.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const colon = trimmed.indexOf(':');
    if (colon < 0) {
      const got = shorten(trimmed);
      throw new ArtError(
        where.file,
        where.line,
        `expected "key: value" in the header, or "@frame" to start the art, got "${got}"`,
      );
    }
    const key = trimmed.slice(0, colon).trim().toLowerCase();
    const value = trimmed.slice(colon + 1).trim();
    const afterColon = text.slice(text.indexOf(':') + 1);
    const valueAt: Piece = { line: text, start: text.length - afterColon.trimStart().length };
    if (!isKey(key)) {
      throw new ArtError(
        where.file,
        where.line,
        `unknown header key "${shorten(key)}" (expected ${KEYS.join(', ')})`,
      );
    }
    if (this.#seen.has(key) && key !== 'mirror') {
      throw new ArtError(where.file, where.line, `header key "${shorten(key)}" is given twice`);
    }
    this.#seen.add(key);
    const fail = (expected: string): ArtError =>
      new ArtError(where.file, where.line, `${key}: expected ${expected}, got ${quoted(value)}`);
    switch (key) {
      case 'name':
        if (value === '') throw fail('a name');
        this.#header.name = value;
        break;
      case 'facing': {
        const facing = value.toLowerCase();
        if (facing !== 'left' && facing !== 'right') throw fail('left or right');
        this.#header.facing = facing;
        break;
      }
      case 'duration': {
        const seconds = SECONDS.test(value) ? Number.parseFloat(value) : Number.NaN;
        if (!(seconds > 0 && seconds <= MAX_DURATION)) {
          throw fail(
            `seconds per frame, a decimal number above 0 and at most ${MAX_DURATION} such as 0.25 or 0.5s`,
          );
        }
        this.#header.duration = seconds;
        break;
      }
      case 'transparent': {
        const glyphs = glyphsAt(value, valueAt, where);
        if (glyphs.length !== 1 || glyphs[0].width !== 1) {
          throw fail('one character, one cell wide');
        }
        this.#header.transparent = glyphs[0].glyph;
        break;
      }
      case 'color': {
        const style = maskStyle(value);
        if (style === undefined) {
          throw fail(`one of ${MASK_LETTER_LIST} (upper case for bold)`);
        }
        this.#header.color = style;
        break;
      }
      case 'mirror':
        this.#readMirror(value, valueAt, where, fail);
        break;
    }
  }

  /** The header read so far, with defaults for every key not given. */
  header(): Header {
    return this.#mirror === undefined ? this.#header : { ...this.#header, mirror: this.#mirror };
  }

  /**
   * One `mirror` value: tokens separated by spaces; `ab` makes a and b each other's mirror
   * image, `a` makes a its own (and its old partner its own), `none` forgets every pair.
   */
  #readMirror(
    value: string,
    valueAt: Piece,
    where: Where,
    fail: (expected: string) => ArtError,
  ): void {
    const expected =
      'pairs of characters such as "ab", one character to keep it unmirrored, or "none"';
    const tokens = [...value.matchAll(/\S+/g)];
    if (tokens.length === 0) throw fail(expected);
    const table = (this.#mirror ??= new Map(DEFAULT_MIRROR_TABLE));
    for (const { 0: token, index } of tokens) {
      if (token.toLowerCase() === MIRROR_NONE) {
        table.clear();
        continue;
      }
      const glyphs = glyphsAt(token, { line: valueAt.line, start: valueAt.start + index }, where);
      if (glyphs.length === 1) {
        unpair(table, glyphs[0].glyph);
      } else if (glyphs.length === 2) {
        pair(table, glyphs, where);
      } else {
        throw new ArtError(
          where.file,
          where.line,
          `mirror: expected ${expected}, got "${shorten(token)}"`,
        );
      }
    }
  }
}

/** Where a piece of a header line starts: the line, and the piece's index in it. */
interface Piece {
  readonly line: string;
  readonly start: number;
}

/**
 * {@link glyphsOf} for a piece of a header line (a value, a token), with the column of an
 * error counted from the start of the line. The line before the piece is measured only then.
 */
function glyphsAt(piece: string, at: Piece, where: Where): Glyph[] {
  try {
    return glyphsOf(piece, where);
  } catch (error) {
    if (!(error instanceof ArtError) || error.column === 0) throw error;
    const before = widthOf(glyphsOf(at.line.slice(0, at.start), where));
    throw new ArtError(error.file, error.line, error.reason, before + error.column);
  }
}

/** Makes `glyph` its own mirror image, and its old partner too. */
function unpair(table: Map<string, string>, glyph: string): void {
  const partner = table.get(glyph);
  if (partner !== undefined) table.delete(partner);
  table.delete(glyph);
}

/** Makes two glyphs each other's mirror image, freeing their old partners. */
function pair(table: Map<string, string>, [a, b]: readonly Glyph[], where: Where): void {
  if (a.width !== b.width) {
    throw new ArtError(
      where.file,
      where.line,
      `mirror: "${a.glyph}" and "${b.glyph}" have different widths, so they cannot swap places`,
    );
  }
  unpair(table, a.glyph);
  unpair(table, b.glyph);
  table.set(a.glyph, b.glyph);
  table.set(b.glyph, a.glyph);
}

/**
 * The style of a mask letter: `k`..`w` are colours 1..8, upper case adds bold. A space (or
 * any text that is not one mask letter) has none.
 *
 * @param letter - one character
 * @returns the style, or undefined if `letter` is not a mask letter
 */
export function maskStyle(letter: string): Style | undefined {
  const index = MASK_LETTERS.indexOf(letter.toLowerCase());
  if (letter.length !== 1 || index < 0) return undefined;
  return (index + 1) | (letter === letter.toLowerCase() ? 0 : STYLE_BOLD);
}

/** `k r g y b m c w`: the mask letters as messages list them. */
export const MASK_LETTER_LIST = MASK_LETTERS.split('').join(' ');

function isKey(key: string): key is Key {
  return (KEYS as readonly string[]).includes(key);
}

/** A value for a message: quoted, or "nothing". */
function quoted(value: string): string {
  return value === '' ? 'nothing' : `"${shorten(value)}"`;
}
