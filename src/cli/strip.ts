/**
 * The strip of the shell modes (a command, `--pipe`, `--progress`): the library's animation,
 * on stderr as the library draws by default, so that stdout stays the script's own. Off a
 * terminal (a CI log, `2> file`) nothing is animated and no escape byte is written: a line
 * `- TEXT` says what began (when there is a text), and the status line what ended, as ora
 * does off a TTY.
 */
import { fish, type FishAnimation } from '../api/fish.js';
import { isInteractive } from '../api/options.js';
import type { SyncMode } from '../motion/index.js';
import type { FrameInfo } from '../terminal/player.js';
import type { CliOptions } from './args.js';

/** The strip beside a shell script's work, and whether it animates. */
export interface Strip {
  /** The animation (started when it animates). */
  readonly animation: FishAnimation;
  /** Whether it animates on a terminal; else plain lines only. */
  readonly interactive: boolean;
}

/** Whether the strip animates: stderr is a terminal that shows one (see `isInteractive`). */
export function stripAnimates(): boolean {
  return isInteractive(process.stderr, process.env);
}

/**
 * Start the strip with the command line's art, motion and colour, beside `text`.
 *
 * @param options - the command line
 * @param text - the text beside the fish
 * @param sync - the clock: `progress` when the place follows the work
 * @param onFrame - called after each frame drawn: the strip's tick, and its time (see
 *   {@link onTheTick} to change what the next frames show)
 */
export function startStrip(
  options: CliOptions,
  text: string,
  sync: SyncMode,
  onFrame?: (info: FrameInfo) => void,
): Strip {
  const interactive = stripAnimates();
  const animation = fish({
    art: options.art,
    stream: process.stderr,
    text,
    speed: options.speed,
    fps: options.fps,
    bob: options.bob,
    sync,
    redraw: options.redraw,
    color: options.color === 'auto' ? undefined : options.color === 'always',
    isEnabled: interactive,
    // stdin is the script's (its data, or the command's keyboard): never touched.
    discardStdin: false,
    onFrame,
  });
  if (interactive) animation.start();
  else if (text !== '') animation.stopAndPersist({ symbol: '-' });
  return { animation, interactive };
}

/**
 * The strip's text and what the mode adds to it (a count, a rate), two spaces apart.
 *
 * @param text - `--text`, if given
 * @param more - what the mode says
 */
export function besideText(text: string | undefined, more: string): string {
  return text === undefined || text === '' ? more : `${text}  ${more}`;
}

/**
 * Make `update` run on the strip's tick, after each frame, outside the drawing of that frame:
 * setting the progress there only changes the next frame, and setting a text (which draws at
 * once) may not draw from inside a frame being drawn. So the label follows the work at the
 * tick, never per chunk or per line, with the animation's one clock.
 *
 * @param update - reads the work's state and shows it, given the frame's time in seconds
 */
export function onTheTick(update: (seconds: number) => void): (info: FrameInfo) => void {
  let last: number | undefined;
  return (info) => {
    // A frame drawn again at the same time (the redraw a new text makes) is no new tick:
    // updating on it again would redraw again, for ever.
    if (info.time === last) return;
    last = info.time;
    queueMicrotask(() => update(info.time));
  };
}
