/**
 * The art model: what a loaded art file is, independent of any terminal.
 *
 * Everything here is plain data. The loader (`parseArt`, `loadArt`) builds it; motion and
 * the compositor read it.
 */

/** Which way a creature faces. Art swims the way it faces. */
export type Facing = 'left' | 'right';

/**
 * A cell's colour and weight, packed in a small integer so that comparing two cells is
 * cheap on the per-frame hot path.
 *
 * - bits 0-3: the colour, 0 for the terminal's default, 1-8 for asciiquarium's mask letters
 *   k r g y b m c w (black, red, green, yellow, blue, magenta, cyan, white), drawn as SGR
 *   30-37; 9-15 for the mask digits 1-7, a random colour that whoever draws the art chooses
 *   (the aquarium, once per fish: see {@link RANDOM_COLOR_DIGITS}), drawn in the default
 *   colour until then;
 * - bit 4 (`STYLE_BOLD`): bold, from an upper-case mask letter.
 *
 * 0 is the default style: no SGR at all.
 */
export type Style = number;

/** The default style: the terminal's own colour, not bold. */
export const STYLE_DEFAULT: Style = 0;
/** The bold bit of a {@link Style}. */
export const STYLE_BOLD: Style = 16;
/** The mask letters in colour order: `k` is colour 1, `w` is colour 8. */
export const MASK_LETTERS = 'krgybmcw';
/**
 * The mask digits that stand for a random colour, chosen per creature: every cell under the
 * same digit gets the same colour in one creature, another in the next. Digit `1` is stored
 * as colour {@link RANDOM_COLOR_FIRST}, `7` as 15.
 */
export const RANDOM_COLOR_DIGITS = '1234567';
/** The colour (bits 0-3 of a {@link Style}) that mask digit `1` is stored as. */
export const RANDOM_COLOR_FIRST = 9;

/**
 * One cell of a sprite.
 *
 * A wide glyph (East Asian wide or emoji) has `width: 2` and is followed in its row by a
 * continuation cell with `width: 0` and an empty glyph: the two are one unit, drawn and
 * clipped together.
 */
export interface SpriteCell {
  /** The grapheme drawn in this cell: one printable character, or '' for a continuation. */
  readonly glyph: string;
  /** Display width in terminal cells: 1, 2 for a wide glyph, 0 for a continuation cell. */
  readonly width: 0 | 1 | 2;
  /** Colour and weight. */
  readonly style: Style;
}

/**
 * One frame of art in one facing: a rectangle of cells, row-major, where `null` is a
 * transparent cell that paints nothing (whitespace outside a line's outline, or the art's
 * transparent character).
 */
export interface Sprite {
  /** Width in terminal cells. */
  readonly width: number;
  /** Height in rows. */
  readonly height: number;
  /** `width * height` cells, row by row; `cells[y * width + x]`. */
  readonly cells: readonly (SpriteCell | null)[];
}

/** A loaded, validated piece of art: every frame in both facings. */
export interface Art {
  /** Display name: the header's `name`, else the file name without its extension. */
  readonly name: string;
  /** Where it came from: a file path, or `built-in:NAME`. */
  readonly source: string;
  /** Width in terminal cells (every frame has this width). */
  readonly width: number;
  /** Height in rows (every frame has this height). */
  readonly height: number;
  /** Seconds each frame is shown for, for art with several frames. */
  readonly frameDuration: number;
  /** The facing the file was drawn in. */
  readonly facing: Facing;
  /** The frames in each facing; both lists have the same length (at least 1). */
  readonly frames: Readonly<Record<Facing, readonly Sprite[]>>;
  /** True when any cell has a non-default style: art without colour never emits SGR. */
  readonly colored: boolean;
  /** True when any glyph is wider than one cell. */
  readonly wide: boolean;
}
