/**
 * Tinting: art drawn in one colour where it has no colour of its own. Pure: a new `Art`, the
 * given one unchanged.
 */
import type { Art, Sprite, Style } from './types.js';

/**
 * The art with every cell of the default style drawn in `style` instead; cells the art's
 * colour mask styled keep their style. A style of 0 gives the art back as it is.
 *
 * @param art - the art
 * @param style - the tint (a colour from 1 to 8, see `Style`)
 * @returns the tinted art (`colored` when the tint is a colour)
 */
export function tintArt(art: Art, style: Style): Art {
  if (style === 0) return art;
  const tint = (sprite: Sprite): Sprite => ({
    ...sprite,
    cells: sprite.cells.map((cell) => (cell?.style === 0 ? { ...cell, style } : cell)),
  });
  return {
    ...art,
    frames: { left: art.frames.left.map(tint), right: art.frames.right.map(tint) },
    colored: true,
  };
}
