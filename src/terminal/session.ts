import { createPlayer, type Player, type PlayerOptions, type TerminalStream } from './player.js';
import { onExitPaths } from './signals.js';

/** The part of cli-cursor this module uses. */
interface CliCursor {
  show(stream?: NodeJS.WritableStream): void;
  hide(stream?: NodeJS.WritableStream): void;
}

/** How an animation in a terminal ended. */
export type EndReason = 'done' | 'closed' | 'stopped';

/** An animation that owns a terminal: the player plus the cursor and the exit paths. */
export interface TerminalSession {
  /** The player drawing the frames. */
  readonly player: Player;
  /** Resolves when the animation has ended and the terminal is put back. */
  readonly ended: Promise<EndReason>;
  /** End it now (the terminal is put back before this returns); idempotent. */
  stop(persist?: boolean): void;
}

/** Options of {@link startSession}: the player's, plus what to do at the end. */
export interface SessionOptions extends Omit<PlayerOptions, 'onEnd' | 'stream'> {
  /** A TTY stream. */
  readonly stream: TerminalStream & NodeJS.WritableStream;
  /** Keep the last frame when the animation ends (default: clear it). */
  readonly persist: boolean;
}

/**
 * Run an animation in a terminal: hide the cursor, draw, and on every exit path (the end,
 * `stop()`, Ctrl+C, SIGTERM, SIGHUP, an uncaught exception, `process.exit`) clear the region
 * (or keep it with `persist`) and show the cursor again.
 *
 * @param options - the player's options and `persist`
 */
export async function startSession(options: SessionOptions): Promise<TerminalSession> {
  const { stream, persist } = options;
  let settle: (reason: EndReason) => void = () => {};
  const ended = new Promise<EndReason>((resolve) => (settle = resolve));
  let player: Player | undefined;
  let done = false;

  let cursor: CliCursor | undefined;

  const finish = (reason: EndReason, keep = persist): void => {
    if (done) return;
    done = true;
    removeExitPaths();
    if (reason !== 'closed') {
      player?.stop(keep);
      cursor?.show(stream);
    }
    settle(reason);
  };
  const removeExitPaths = onExitPaths(() => finish('stopped'));

  // cli-cursor (with signal-exit) takes longer to import than the rest of the start-up path:
  // fetch it while the first frame is drawn, and hide the cursor as soon as it is here.
  const loading = import('cli-cursor');
  player = await createPlayer({ ...options, onEnd: (reason) => finish(reason) });
  cursor = (await loading).default;
  if (!done) cursor.hide(stream);
  return {
    player,
    ended,
    stop: (keep?: boolean) => finish('stopped', keep ?? persist),
  };
}
