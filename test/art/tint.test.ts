/**
 * Tinting: the cells the art left in the default style take the tint; the mask's colours stay.
 */
import { describe, expect, it } from 'vitest';
import { parseArt, tintArt, type Art, type Sprite } from '../../src/art/index.js';

/** The art with the first cell of each frame styled red (2), as a colour mask would. */
function maskedFirstCell(art: Art): Art {
  const mask = (sprite: Sprite): Sprite => ({
    ...sprite,
    cells: sprite.cells.map((cell, i) => (i === 0 && cell !== null ? { ...cell, style: 2 } : cell)),
  });
  return {
    ...art,
    frames: { left: art.frames.left.map(mask), right: art.frames.right.map(mask) },
    colored: true,
  };
}

const styles = (sprite: Sprite): (number | null)[] => sprite.cells.map((c) => c?.style ?? null);

describe('tintArt', () => {
  it('styles the default cells and keeps the mask’s, in both facings; the art is unchanged', () => {
    const art = maskedFirstCell(parseArt('<* >'));
    const tinted = tintArt(art, 7);
    expect(styles(tinted.frames.right[0])).toEqual([2, 7, 7, 7]);
    expect(styles(tinted.frames.left[0])).toEqual([2, 7, 7, 7]);
    expect(styles(art.frames.right[0])).toEqual([2, 0, 0, 0]);
    expect(tinted.colored).toBe(true);
  });

  it('gives the art back as it is for no tint', () => {
    const art = parseArt('<*>');
    expect(tintArt(art, 0)).toBe(art);
    expect(tintArt(art, 7).colored).toBe(true);
    expect(art.colored).toBe(false);
  });
});
