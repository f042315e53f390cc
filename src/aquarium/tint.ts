import type { Art, Sprite, SpriteCell, Style } from '../art/types.js';

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
