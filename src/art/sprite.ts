/**
 * Drawing one frame's lines (and its mask) into cells: widths, transparency, colours, and
 * the padding that gives every frame of an art the same size.
 */
import { ArtError } from './errors.js';
import { MASK_LETTER_LIST, maskStyle, type Header } from './header.js';
import { MAX_ART_HEIGHT } from './limits.js';
import { swapCell, type MirrorTable } from './mirror.js';
import {
  RANDOM_COLOR_DIGITS,
  RANDOM_COLOR_FIRST,
  STYLE_DEFAULT,
  type Sprite,
  type SpriteCell,
  type Style,
} from './types.js';
import { glyphsOf, type Glyph } from './width.js';

/** A line of the file with its 1-based line number. */
export interface SourceLine {
  /** The line, without its line ending. */
  readonly text: string;
  /** 1-based line number in the file. */
  readonly line: number;
}

/** The lines of one frame as found in the file. */
export interface FrameSource {
  /** 1-based line of the frame's `@frame` (its first line, for a plain file). */
  readonly line: number;
  /** The art lines. */
  readonly art: SourceLine[];
  /** The mask lines, if the frame has a `@mask`. */
  mask: SourceLine[] | undefined;
}

/** A frame drawn into rows of cells, before padding. */
export interface DrawnFrame {
  /** One array of cells per row, each as long as its line. */
  readonly rows: readonly (readonly (SpriteCell | null)[])[];
  /** Width in cells: the widest row, up to its last character that is not a space. */
  readonly width: number;
  /** True when any cell paints a visible character. */
  readonly visible: boolean;
}

/** A mask row: the style of each column, undefined where the mask has a space. */
type MaskRow = readonly (Style | undefined)[];

/**
 * Draws one frame: each line split into glyphs, whitespace outside the line's outline and
 * the transparent character made transparent, and the mask's colours applied.
 *
 * Spaces and tabs after the last character of a line are not expanded: they draw nothing.
 *
 * @param frame - the frame's lines
 * @param header - the art's header (transparent character, default colour)
 * @param file - the file name for error messages
 * @param cells - the cells of the art's other frames, to share
 * @throws ArtError for a bad glyph, a line too wide, a frame too tall, or a mask that is
 *   bigger than the frame or has an unknown letter
 */
export function drawFrame(
  frame: FrameSource,
  header: Header,
  file: string,
  cells: CellCache,
): DrawnFrame {
  const art = withoutTrailingBlankLines(frame.art);
  if (art.length > MAX_ART_HEIGHT) {
    throw new ArtError(
      file,
      art[MAX_ART_HEIGHT].line,
      `the frame is too tall (art is at most ${MAX_ART_HEIGHT} rows tall)`,
    );
  }
  const lines = art.map(({ text, line }) => glyphsOf(withoutTrailingBlanks(text), { file, line }));
  const width = lines.reduce((widest, glyphs) => Math.max(widest, trimmedWidth(glyphs)), 0);
  const mask =
    frame.mask === undefined
      ? []
      : readMask(withoutTrailingBlankLines(frame.mask), lines.length, width, file);
  let visible = false;
  const rows = lines.map((glyphs, y) => {
    const row = drawRow(glyphs, mask[y], header, cells);
    visible ||= row.some((cell) => cell !== null);
    return row;
  });
  return { rows, width, visible };
}

/**
 * Pads a drawn frame to `width` x `height` with transparent cells, rows at the top and
 * cells at the left kept where they are.
 *
 * @param frame - the frame
 * @param width - the art's width
 * @param height - the art's height
 */
export function padFrame(frame: DrawnFrame, width: number, height: number): Sprite {
  const cells: (SpriteCell | null)[] = new Array<SpriteCell | null>(width * height).fill(null);
  frame.rows.forEach((row, y) => {
    // A row may run past the width only with transparent cells: `width` counts up to each
    // row's last character that is not a space.
    const end = Math.min(row.length, width);
    for (let x = 0; x < end; x++) cells[y * width + x] = row[x];
  });
  return { width, height, cells };
}

/**
 * The cells of one art, each made once: cells are read-only, and art of a million cells
 * holds only a few different ones, so sharing them saves most of the memory and the time it
 * takes to allocate them.
 */
export class CellCache {
  /** By glyph, then by style. */
  readonly #cells = new Map<string, SpriteCell[]>();
  #last: SpriteCell | undefined;
  /** Each cell's mirror image, made on first use. */
  #mirrors: Map<SpriteCell, SpriteCell> | undefined;
  #colored = false;
  #wide = false;

  /** True when any cell made has a colour or is bold: the art is coloured. */
  get colored(): boolean {
    return this.#colored;
  }

  /** True when any cell made is a wide glyph: the art is wide. */
  get wide(): boolean {
    return this.#wide;
  }

  /**
   * The cell of a glyph in a style.
   *
   * @param glyph - the glyph, or '' for the continuation of a wide glyph
   * @param width - its width in cells
   * @param style - its style
   */
  cell(glyph: string, width: SpriteCell['width'], style: Style): SpriteCell {
    // Art comes in runs of one glyph: the last cell is the likeliest.
    const last = this.#last;
    if (last?.glyph === glyph && last.style === style) return last;
    let byStyle = this.#cells.get(glyph);
    if (byStyle === undefined) {
      byStyle = [];
      this.#cells.set(glyph, byStyle);
    }
    // A sparse array: a style not seen yet has no cell.
    let cell = byStyle[style] as SpriteCell | undefined;
    if (cell === undefined) {
      cell = { glyph, width, style };
      byStyle[style] = cell;
      this.#colored ||= style !== STYLE_DEFAULT;
      this.#wide ||= width === 2;
    }
    this.#last = cell;
    return cell;
  }

  /**
   * The mirror image of one of the cells (see `mirrorSprite`), made once per cell.
   *
   * @param cell - a cell of this cache
   * @param table - the art's mirror table: always the same one
   */
  mirrored(cell: SpriteCell, table: MirrorTable): SpriteCell {
    this.#mirrors ??= new Map();
    let mirror = this.#mirrors.get(cell);
    if (mirror === undefined) {
      mirror = swapCell(cell, table);
      this.#mirrors.set(cell, mirror);
    }
    return mirror;
  }
}

/** Draws one row: see {@link drawFrame}. Plain loops: this runs for every cell of the art. */
function drawRow(
  glyphs: readonly Glyph[],
  mask: MaskRow | undefined,
  header: Header,
  cells: CellCache,
): (SpriteCell | null)[] {
  const { transparent } = header;
  const isVisible = (g: Glyph): boolean => g.glyph !== ' ' && g.glyph !== transparent;
  let first = 0;
  while (first < glyphs.length && !isVisible(glyphs[first])) first++;
  let last = glyphs.length - 1;
  while (last > first && !isVisible(glyphs[last])) last--;
  const row: (SpriteCell | null)[] = [];
  for (let i = 0; i < glyphs.length; i++) {
    const g = glyphs[i];
    if (i < first || i > last || g.glyph === transparent) {
      row.push(null);
      if (g.width === 2) row.push(null);
      continue;
    }
    // A colour on a space shows nothing, and a default style writes no escape sequence.
    const style = g.glyph === ' ' ? STYLE_DEFAULT : (mask?.[row.length] ?? header.color);
    row.push(cells.cell(g.glyph, g.width, style));
    if (g.width === 2) row.push(cells.cell('', 0, style));
  }
  return row;
}

/**
 * Reads a frame's mask: one letter per cell, a space for the default colour. The letter
 * under the second cell of a wide glyph is ignored.
 */
function readMask(
  lines: readonly SourceLine[],
  height: number,
  width: number,
  file: string,
): MaskRow[] {
  return lines.map(({ text, line }, y) => {
    if (y >= height) {
      throw new ArtError(
        file,
        line,
        `mask is taller than the art (${lines.length} rows; the frame has ${height})`,
      );
    }
    const glyphs = glyphsOf(withoutTrailingBlanks(text), { file, line });
    const row = glyphs.map(({ glyph }) => {
      if (glyph === ' ') return undefined;
      const style = maskStyle(glyph) ?? randomColorStyle(glyph);
      if (style === undefined) {
        const expected = `${MASK_LETTER_LIST}, upper case for bold, 1-7 for a random colour, or a space`;
        throw new ArtError(file, line, `unknown mask letter "${glyph}" (expected ${expected})`);
      }
      return style;
    });
    const maskWidth = trimmedWidth(glyphs);
    if (maskWidth > width) {
      throw new ArtError(
        file,
        line,
        `mask is wider than the art (${maskWidth} columns; the frame is ${width})`,
      );
    }
    return row;
  });
}

/** The style a mask digit stands for (a random colour, chosen later), if `glyph` is one. */
function randomColorStyle(glyph: string): Style | undefined {
  const index = RANDOM_COLOR_DIGITS.indexOf(glyph);
  return glyph.length === 1 && index >= 0 ? RANDOM_COLOR_FIRST + index : undefined;
}

/** Spaces and tabs only: other space characters are glyphs that paint a blank cell. */
const BLANK = /^[ \t]*$/;

/** The line without its trailing spaces and tabs, which draw nothing. */
function withoutTrailingBlanks(text: string): string {
  // A loop, not a regex: `/[ \t]+$/` is quadratic on long runs of spaces that do not end the line.
  let end = text.length;
  while (end > 0 && (text.charCodeAt(end - 1) === 0x20 || text.charCodeAt(end - 1) === 0x09)) end--;
  return end === text.length ? text : text.slice(0, end);
}

/** The lines without the blank lines at their end. */
function withoutTrailingBlankLines(lines: readonly SourceLine[]): SourceLine[] {
  let end = lines.length;
  while (end > 0 && BLANK.test(lines[end - 1].text)) end--;
  return lines.slice(0, end);
}

/** The width in cells of a line up to its last glyph that is not a space. */
function trimmedWidth(glyphs: readonly Glyph[]): number {
  const last = glyphs.findLastIndex((g) => g.glyph !== ' ');
  let width = 0;
  for (let i = 0; i <= last; i++) width += glyphs[i].width;
  return width;
}
