/**
 * Mirroring: the opposite facing of a sprite, made by reversing each row and swapping the
 * characters that have a mirror image, `(` for `)` and so on.
 */
import type { Sprite, SpriteCell } from './types.js';

/**
 * The default mirror pairs: each character of a pair is drawn as the other when the art is
 * mirrored. Every pair joins two characters of the same display width. Documented in
 * `docs/art-format.md`; an art file changes it with its `mirror` header.
 */
export const MIRROR_PAIRS: ReadonlyArray<readonly [string, string]> = [
  // ASCII
  ['(', ')'],
  ['[', ']'],
  ['{', '}'],
  ['<', '>'],
  ['/', '\\'],
  ['`', "'"],
  ['d', 'b'],
  ['p', 'q'],
  // Quotation marks and brackets
  ['«', '»'],
  ['‹', '›'],
  ['⟨', '⟩'],
  ['⌈', '⌉'],
  ['⌊', '⌋'],
  ['⊂', '⊃'],
  ['≤', '≥'],
  // Arrows and triangles
  ['←', '→'],
  ['↖', '↗'],
  ['↙', '↘'],
  ['⇐', '⇒'],
  ['◀', '▶'],
  ['◁', '▷'],
  ['◄', '►'],
  ['◢', '◣'],
  ['◤', '◥'],
  // Blocks and box drawing
  ['▌', '▐'],
  ['▖', '▗'],
  ['▘', '▝'],
  ['▙', '▟'],
  ['▛', '▜'],
  ['┌', '┐'],
  ['└', '┘'],
  ['├', '┤'],
  ['┏', '┓'],
  ['┗', '┛'],
  ['┣', '┫'],
  ['╔', '╗'],
  ['╚', '╝'],
  ['╠', '╣'],
  ['╭', '╮'],
  ['╰', '╯'],
  ['╱', '╲'],
  // Fullwidth forms (two cells each)
  ['（', '）'],
  ['［', '］'],
  ['｛', '｝'],
  ['＜', '＞'],
  ['／', '＼'],
];

/** Glyph to mirrored glyph. A glyph that is not a key is its own mirror image. */
export type MirrorTable = ReadonlyMap<string, string>;

/**
 * Builds a {@link MirrorTable} from pairs; each pair works both ways.
 *
 * @param pairs - pairs of glyphs of the same display width
 */
export function mirrorTable(pairs: Iterable<readonly [string, string]>): MirrorTable {
  const table = new Map<string, string>();
  for (const [a, b] of pairs) {
    table.set(a, b);
    table.set(b, a);
  }
  return table;
}

/** The table of {@link MIRROR_PAIRS}. */
export const DEFAULT_MIRROR_TABLE: MirrorTable = mirrorTable(MIRROR_PAIRS);

/**
 * The mirror image of a sprite: each row reversed, a wide glyph kept whole (its lead cell
 * still before its continuation), and every glyph swapped through `table`. Styles and
 * transparent cells move with their glyphs.
 *
 * Rows are reversed over the sprite's full width, so the rows of multi-line art stay aligned
 * with each other.
 *
 * @param sprite - the sprite to mirror
 * @param table - the mirror table (default {@link DEFAULT_MIRROR_TABLE})
 */
export function mirrorSprite(sprite: Sprite, table: MirrorTable = DEFAULT_MIRROR_TABLE): Sprite {
  const { width, height, cells } = sprite;
  const mirrored = new Array<SpriteCell | null>(cells.length);
  // Each different cell is swapped once: art shares its cells (see CellCache in sprite.ts).
  const swapped = new Map<SpriteCell, SpriteCell>();
  const swap = (cell: SpriteCell): SpriteCell => {
    let mirror = swapped.get(cell);
    if (mirror === undefined) {
      const glyph = table.get(cell.glyph);
      mirror = glyph === undefined ? cell : { ...cell, glyph };
      swapped.set(cell, mirror);
    }
    return mirror;
  };
  for (let y = 0; y < height; y++) {
    const row = y * width;
    let to = row;
    for (let x = width - 1; x >= 0; x--) {
      const cell = cells[row + x];
      const lead = x > 0 ? cells[row + x - 1] : null;
      if (cell !== null && cell.width === 0 && lead !== null && lead.width === 2) {
        // A continuation: the wide glyph it continues comes first in the mirrored row too.
        mirrored[to++] = swap(lead);
        mirrored[to++] = cell;
        x--;
      } else {
        mirrored[to++] = cell === null ? null : swap(cell);
      }
    }
  }
  return { width, height, cells: mirrored };
}
