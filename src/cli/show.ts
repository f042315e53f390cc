import type { Composer, Player } from '../terminal/player.js';

/** What a running show lets its keys do. */
export interface ShowControls {
  /** The player drawing the frames (to redraw at once). */
  readonly player: Player;
  /** End the show now; the command exits with `status`. */
  readonly quit: (status: number) => void;
}

/**
 * What the `fish` command shows, whichever mode made it: the command draws it live, records
 * it, or both, the same way for the single creature's strip and for the aquarium.
 */
export interface Show {
  /** Composes each frame. */
  readonly compose: Composer;
  /** Rows it wants (for the alternate screen, used only where the terminal has no height). */
  readonly height: number;
  /** Emit colour. */
  readonly color: boolean;
  /** A title for recordings. */
  readonly title: string;
  /** Inline under the cursor, or the whole terminal in the alternate screen. */
  readonly screen: 'inline' | 'alternate';
  /** What each key does while it runs in a terminal; without it the keyboard is left alone. */
  readonly onKey?: (key: string, controls: ShowControls) => void;
}
