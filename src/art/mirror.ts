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
const MIRROR_PAIRS: readonly (readonly [string, string])[] = [
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
function mirrorTable(pairs: Iterable<readonly [string, string]>): MirrorTable {
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
 * @param swap - the mirror image of one cell through `table` (default: a new cell when the
 *   glyph changes); the loader passes one that makes each once for a whole art
 */
export function mirrorSprite(
  sprite: Sprite,
  table: MirrorTable = DEFAULT_MIRROR_TABLE,
  swap: (cell: SpriteCell) => SpriteCell = (cell) => swapCell(cell, table),
): Sprite {
  const { width, height, cells } = sprite;
  const mirrored = new Array<SpriteCell | null>(cells.length);
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

/**
 * A cell with its glyph swapped through the table; the same object when nothing changes.
 *
 * @param cell - the cell
 * @param table - the mirror table
 */
export function swapCell(cell: SpriteCell, table: MirrorTable): SpriteCell {
  const glyph = table.get(cell.glyph);
  return glyph === undefined ? cell : { ...cell, glyph };
}
