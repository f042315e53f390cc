/**
 * Display widths: how many terminal cells each grapheme of a line takes.
 *
 * The widths must be the ones the terminal uses, or everything after a wide glyph is drawn
 * one cell off. Terminals compute widths per code point, wcwidth-style (xterm.js with its
 * Unicode 11 addon is the reference): combining marks 0, East Asian wide and fullwidth
 * characters and emoji with emoji presentation 2, the rest 1. Where terminals disagree
 * (emoji sequences, flags, variation selectors that change a character's width, code points
 * whose width changed after Unicode 11), the art is refused instead of guessed at.
 */
import { eastAsianWidth } from 'get-east-asian-width';
import { ArtError } from './errors.js';
import { MAX_ART_WIDTH, MAX_CELL_CODE_POINTS } from './limits.js';
import { assertPrintable, codePointName, shorten, type Where } from './untrusted.js';
import { DISPUTED_WIDTH_RANGES } from './width-data.js';

/** One grapheme of a line and the number of terminal cells it takes. */
export interface Glyph {
  /** The grapheme: one character, possibly with combining marks. */
  readonly glyph: string;
  /** Terminal cells: 1, or 2 for a wide glyph. */
  readonly width: 1 | 2;
}

/** Tabs advance to the next multiple of this many columns, as terminals do by default. */
const TAB_STOP = 8;

const FIRST_PRINTABLE = 0x20;
const TAB = 0x09;

/** One shared glyph per printable ASCII character: ASCII lines allocate no glyph objects. */
const ASCII_GLYPHS: readonly Glyph[] = Array.from({ length: 0x7f - FIRST_PRINTABLE }, (_, i) => ({
  glyph: String.fromCharCode(FIRST_PRINTABLE + i),
  width: 1,
}));
const SPACE = ASCII_GLYPHS[0];

const TEXT: Where = { file: '<text>', line: 0 };

/** Combining marks: drawn over the character before them, in no cell of their own. */
const ZERO_WIDTH = /^[\p{Mn}\p{Me}]$/u;
/** The first code point of a combining mark: below it, a regex test is never needed. */
const FIRST_COMBINING = 0x300;

const ZERO_WIDTH_JOINER = 0x200d;
const TEXT_PRESENTATION = 0xfe0e;
const EMOJI_PRESENTATION = 0xfe0f;
const FIRST_REGIONAL_INDICATOR = 0x1f1e6;
const LAST_REGIONAL_INDICATOR = 0x1f1ff;

/** Created on first use: ASCII art never needs it. */
let segmenter: Intl.Segmenter | undefined;

/**
 * Splits a line into graphemes with their display widths, refusing anything unsafe or of
 * uncertain width. Tabs become spaces up to the next multiple of {@link TAB_STOP} columns.
 *
 * Printable ASCII takes a fast path without `Intl.Segmenter`: one glyph per character, each
 * one cell wide; so do the common characters that are a grapheme of their own whatever is
 * next to them (see {@link isStandalone}). A line with any other character is segmented.
 *
 * The work is bounded whatever the line: a line is refused as soon as it passes
 * {@link MAX_ART_WIDTH} cells (so a tab is never expanded past it: give lines without their
 * trailing whitespace), and a grapheme of more than {@link MAX_CELL_CODE_POINTS} code points
 * as soon as it is met.
 *
 * @param line - one line of text, without its line ending
 * @param where - the file and line for error messages (default `<text>`)
 * @returns the glyphs in order; their widths add up to the line's width in cells
 * @throws ArtError for a control character, a combining mark with nothing to combine with,
 *   a grapheme that terminals draw at different widths, a grapheme of too many code points
 *   or a line wider than {@link MAX_ART_WIDTH} (with the column)
 */
export function glyphsOf(line: string, where: Where = TEXT): Glyph[] {
  assertPrintable(line, where);
  const glyphs: Glyph[] = [];
  let column = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === TAB) {
      column = pushTab(glyphs, column);
    } else if (c < 0x80) {
      glyphs.push(ASCII_GLYPHS[c - FIRST_PRINTABLE]);
      column++;
    } else if (isStandalone(c)) {
      const glyph = measuredGlyph(line[i], where, column);
      glyphs.push(glyph);
      column += glyph.width;
    } else {
      // Start over with the segmenter: a combining mark may belong to the character before.
      return segmentedGlyphs(line, where);
    }
    if (column > MAX_ART_WIDTH) throw tooWide(where);
  }
  return glyphs;
}

/**
 * True for a code point that is a grapheme cluster of its own next to ASCII or another such
 * code point: its Grapheme_Cluster_Break is Other, and none of them extends, joins, prefixes
 * or pairs with another (UAX #29). Latin-1 letters and symbols, box drawing and blocks,
 * kana, CJK ideographs, Hangul syllables (which join only with jamo, not among themselves) and
 * fullwidth ASCII: most non-ASCII art, which then needs no `Intl.Segmenter` (a third of a
 * second for a megabyte of CJK). A line that also holds any other character is segmented
 * whole, so a combining mark after one of these still joins it.
 */
function isStandalone(c: number): boolean {
  return (
    (c >= 0xa1 && c <= 0xff && c !== 0xad) ||
    (c >= 0x2500 && c <= 0x259f) ||
    (c >= 0x3041 && c <= 0x3096) ||
    (c >= 0x30a1 && c <= 0x30fa) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xff01 && c <= 0xff5e)
  );
}

/**
 * The width in cells of a list of glyphs.
 *
 * @param glyphs - glyphs from {@link glyphsOf}
 */
export function widthOf(glyphs: readonly Glyph[]): number {
  let width = 0;
  for (const g of glyphs) width += g.width;
  return width;
}

/**
 * Appends the spaces a tab at `column` expands to.
 *
 * @returns the column after the tab
 */
function pushTab(glyphs: Glyph[], column: number): number {
  let next = column;
  do {
    glyphs.push(SPACE);
    next++;
  } while (next % TAB_STOP !== 0);
  return next;
}

/**
 * Graphemes already measured, and found fine: art repeats its characters (a line of 500 中),
 * so each is measured and allocated once, not once per cell.
 */
const knownGlyphs = new Map<string, Glyph>();
const KNOWN_GLYPHS = 4096;

/** The slow path of {@link glyphsOf}, for lines with any non-ASCII character. */
function segmentedGlyphs(line: string, where: Where): Glyph[] {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  const glyphs: Glyph[] = [];
  let column = 0;
  for (const segment of graphemes(line, segmenter)) {
    const code = segment.charCodeAt(0);
    if (segment === '\t') {
      column = pushTab(glyphs, column);
    } else if (segment.length === 1 && code < 0x80) {
      glyphs.push(ASCII_GLYPHS[code - FIRST_PRINTABLE]);
      column++;
    } else {
      const glyph = measuredGlyph(segment, where, column);
      glyphs.push(glyph);
      column += glyph.width;
    }
    if (column > MAX_ART_WIDTH) throw tooWide(where);
  }
  return glyphs;
}

/**
 * The glyph of one grapheme cluster (not ASCII), measured once (see `knownGlyphs`).
 *
 * @param cluster - the grapheme
 * @param where - its file and line
 * @param column - the 0-based cell column it starts at, for messages
 * @throws ArtError for a cluster of too many code points, or one {@link clusterWidth} refuses
 */
function measuredGlyph(cluster: string, where: Where, column: number): Glyph {
  let glyph = knownGlyphs.get(cluster);
  if (glyph === undefined) {
    if (cluster.length > MAX_CELL_CODE_POINTS && codePointCount(cluster) > MAX_CELL_CODE_POINTS) {
      throw tooManyCodePoints(cluster, where, column + 1);
    }
    glyph = { glyph: cluster, width: clusterWidth(cluster, where) };
    // A bound on what is remembered: any number of different graphemes may come.
    if (knownGlyphs.size === KNOWN_GLYPHS) knownGlyphs.clear();
    knownGlyphs.set(cluster, glyph);
  }
  return glyph;
}

/**
 * Code units segmented at a time (see {@link graphemes}). Larger than any grapheme
 * {@link segmentedGlyphs} accepts (twice {@link MAX_CELL_CODE_POINTS} code units at the
 * most), so a grapheme that fills a window is one it refuses.
 */
const SEGMENT_WINDOW = 1024;

/**
 * The grapheme clusters of `line`. Segmenting a long string at once is quadratic in V8 (a
 * 100,000-character line took 25 s), so it is segmented in windows; the last cluster of each
 * window may be cut short by the window's end, so it is left to the next window. A cluster
 * that fills a whole window (a letter and thousands of combining marks) is yielded as far as
 * the window goes: it is too long to be drawn whatever its end.
 */
function* graphemes(line: string, segmenter: Intl.Segmenter): Generator<string> {
  let start = 0;
  while (start < line.length) {
    const end = Math.min(line.length, start + SEGMENT_WINDOW);
    const segments = Array.from(segmenter.segment(line.slice(start, end)), (s) => s.segment);
    if (end < line.length && segments.length > 1) segments.pop();
    for (const segment of segments) {
      yield segment;
      start += segment.length;
    }
  }
}

/** The number of code points in `text` (a surrogate pair is one). */
function codePointCount(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/** The error for a line that passes {@link MAX_ART_WIDTH}, at the first column past it. */
function tooWide(where: Where): ArtError {
  return new ArtError(
    where.file,
    where.line,
    `the line is too wide (art is at most ${MAX_ART_WIDTH} cells wide)`,
    MAX_ART_WIDTH + 1,
  );
}

/**
 * The error for a grapheme of more than {@link MAX_CELL_CODE_POINTS} code points. It names
 * the first code point only: quoting "Zalgo" text would pile its marks onto the message.
 */
function tooManyCodePoints(cluster: string, where: Where, column: number): ArtError {
  const first = codePointName(cluster.codePointAt(0) ?? 0);
  return new ArtError(
    where.file,
    where.line,
    `${first} has more than ${MAX_CELL_CODE_POINTS - 1} combining marks (a cell holds at most ${MAX_CELL_CODE_POINTS} code points)`,
    column,
  );
}

/**
 * The width of one grapheme cluster as a terminal draws it: the width of its first code
 * point, the others being combining marks. Throws where terminals would disagree.
 */
function clusterWidth(cluster: string, where: Where): 1 | 2 {
  let width: 0 | 1 | 2 = 0;
  let first = true;
  for (const char of cluster) {
    const codePoint = char.codePointAt(0) ?? 0;
    if (isDisputed(codePoint)) {
      throw disputed(cluster, where, 'use another character');
    }
    const w = codePointWidth(codePoint);
    if (first) {
      if (w === 0) {
        throw new ArtError(
          where.file,
          where.line,
          `combining mark ${codePointName(codePoint)} has no character before it to combine with`,
        );
      }
      width = w;
      first = false;
    } else if (
      // Terminals give each code point that is not a combining mark its own cells, but
      // newer ones draw emoji sequences, flags and skin tones as one glyph.
      w !== 0 ||
      codePoint === ZERO_WIDTH_JOINER ||
      // U+FE0F makes a narrow character an emoji, two cells wide in some terminals and one
      // in others; U+FE0E does the reverse to a wide emoji.
      (codePoint === EMOJI_PRESENTATION && width === 1) ||
      (codePoint === TEXT_PRESENTATION && width === 2)
    ) {
      throw disputed(cluster, where, 'use a single-code-point emoji');
    }
  }
  return width === 2 ? 2 : 1;
}

/**
 * The width of one code point, as xterm.js's Unicode 11 provider computes it for every code
 * point that is not {@link isDisputed}: 0 for a combining mark, 2 for an East Asian wide or
 * fullwidth character or an emoji, 1 for the rest (ambiguous ones included).
 *
 * @param codePoint - the code point
 */
export function codePointWidth(codePoint: number): 0 | 1 | 2 {
  if (codePoint >= FIRST_COMBINING && ZERO_WIDTH.test(String.fromCodePoint(codePoint))) return 0;
  // Ambiguous-width characters are narrow: that is what terminals do outside CJK locales.
  return eastAsianWidth(codePoint);
}

/**
 * True for a code point whose width terminals disagree on: see `DISPUTED_WIDTH_RANGES`.
 * Regional indicators are disputed too: a pair is a flag, drawn as one wide glyph or as two
 * letters depending on the terminal.
 */
function isDisputed(codePoint: number): boolean {
  if (codePoint >= FIRST_REGIONAL_INDICATOR && codePoint <= LAST_REGIONAL_INDICATOR) return true;
  const ranges = DISPUTED_WIDTH_RANGES;
  let low = 0;
  let high = ranges.length / 2 - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (codePoint < ranges[2 * mid]) high = mid - 1;
    else if (codePoint > ranges[2 * mid + 1]) low = mid + 1;
    else return true;
  }
  return false;
}

/** The error for a grapheme of disputed width, naming its code points. */
function disputed(cluster: string, where: Where, advice: string): ArtError {
  // A cluster can be any length (a letter with a thousand combining marks): name a few.
  const all = Array.from(cluster, (c) => codePointName(c.codePointAt(0) ?? 0));
  const codePoints =
    all.length > 6 ? `${all.slice(0, 6).join(' ')} and ${all.length - 6} more` : all.join(' ');
  return new ArtError(
    where.file,
    where.line,
    `"${shorten(cluster)}" (${codePoints}) is drawn at different widths by different terminals; ${advice}`,
  );
}
