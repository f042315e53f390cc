import {
  RANDOM_COLOR_DIGITS,
  RANDOM_COLOR_FIRST,
  type Art,
  type Sprite,
  type SpriteCell,
  type Style,
} from '../art/types.js';

/**
 * Art with every cell of the default style drawn in `style` instead: fish drawn without
 * colour get one in the tank, so that two of a kind can still differ. Cells that have a colour
 * keep it; the art is not changed (a new one is returned).
 *
 * @param art - the art
 * @param style - the style for its uncoloured cells
 * @returns the tinted art (the same art when `style` is the default)
 */
export function tintArt(art: Art, style: Style): Art {
  if (style === 0) return art;
  const tintCell = (cell: SpriteCell | null): SpriteCell | null =>
    cell?.style !== 0 ? cell : { ...cell, style };
  const tintSprite = (sprite: Sprite): Sprite => ({ ...sprite, cells: sprite.cells.map(tintCell) });
  return {
    ...art,
    frames: { right: art.frames.right.map(tintSprite), left: art.frames.left.map(tintSprite) },
    colored: true,
  };
}

/** Whether a style is a mask digit's random colour, still to be chosen. */
function isRandomColor(style: Style): boolean {
  return (style & 15) >= RANDOM_COLOR_FIRST;
}

/** Art already looked at by {@link hasRandomColors}: a fish is made often, its art rarely. */
const randomColored = new WeakMap<Art, boolean>();

/**
 * Whether the art has cells under a mask digit (a random colour, chosen per creature).
 *
 * @param art - the art
 */
export function hasRandomColors(art: Art): boolean {
  let known = randomColored.get(art);
  if (known === undefined) {
    known = art.frames.right.some((sprite) =>
      sprite.cells.some((cell) => cell !== null && isRandomColor(cell.style)),
    );
    randomColored.set(art, known);
  }
  return known;
}

/**
 * Art with the colour of each mask digit chosen: every cell under digit `n` drawn in
 * `colorOf(n)` (1 to 7), in both facings and every frame. The art is not changed.
 *
 * @param art - the art
 * @param colorOf - the style for a digit: asked once per digit, in the order 1 to 7
 * @returns the painted art (the same art when it has no mask digit)
 */
export function paintRandomColors(art: Art, colorOf: (digit: number) => Style): Art {
  if (!hasRandomColors(art)) return art;
  const styles = Array.from({ length: RANDOM_COLOR_DIGITS.length }, (_, i) => colorOf(i + 1));
  const paintCell = (cell: SpriteCell | null): SpriteCell | null =>
    cell === null || !isRandomColor(cell.style)
      ? cell
      : { ...cell, style: styles[(cell.style & 15) - RANDOM_COLOR_FIRST] };
  const paint = (sprite: Sprite): Sprite => ({ ...sprite, cells: sprite.cells.map(paintCell) });
  return {
    ...art,
    frames: { right: art.frames.right.map(paint), left: art.frames.left.map(paint) },
    colored: true,
  };
}
