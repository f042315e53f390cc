import { CURSOR_HIDE, CURSOR_SHOW } from '../render/escapes.js';
import { claimKeyboard, type KeyInput, type Keyboard } from './keys.js';
import { startPlayer, type Player, type PlayerOptions } from './player.js';
import type { TerminalStream } from './stream.js';
import { onExitPaths, sendKeySignal } from './signals.js';

/** How a terminal echoes the keys that it turns into signals (ECHOCTL). */
const KEY_ECHOES = { SIGINT: '^C', SIGQUIT: '^\\', SIGTSTP: '^Z' } as const;

/** Write to a stream that may have gone away, as a last word: errors are of no use now. */
function writeQuietly(stream: TerminalStream, bytes: string): void {
  try {
    stream.write(bytes, () => undefined);
  } catch {
    // The terminal is gone: nothing to echo to.
  }
}

/**
 * How an animation in a terminal ended: `done` by itself, `stopped` by the host or an exit
 * path, `closed` when the terminal went away, `failed` when the stream's `write` threw (in
 * the last two, nothing more is written).
 */
export type EndReason = 'done' | 'closed' | 'stopped' | 'failed';

/** An animation that owns a terminal: the player plus the cursor and the exit paths. */
export interface TerminalSession {
  /** The player drawing the frames. */
  readonly player: Player;
  /** Resolves when the animation has ended and the terminal is put back. */
  readonly ended: Promise<EndReason>;
  /** End it now (the terminal is put back before this returns); idempotent. */
  stop(persist?: boolean): void;
}

/** Options of {@link openSession}: the player's, plus what to do at the end. */
export interface SessionOptions extends Omit<PlayerOptions, 'onEnd' | 'stream'> {
  /** A TTY stream. */
  readonly stream: TerminalStream;
  /** Keep the last frame when the animation ends (default: clear it). */
  readonly persist: boolean;
  /** Hide the cursor while the animation runs (default true). */
  readonly hideCursor?: boolean;
  /**
   * Called once, synchronously, however the animation ends (a signal and `process.exit`
   * included), after the region is cleared or kept and before the cursor is shown: the
   * embedding API gives the host's streams back here.
   */
  readonly onStop?: (reason: EndReason) => void;
  /**
   * The keyboard (usually `process.stdin`), taken while the animation runs when it is a TTY:
   * raw mode, so that typed keys never echo into the animation; Ctrl+C, Ctrl+\ and Ctrl+Z
   * still do what their signals do; other keys go to `onKey`, or are discarded. Given back
   * exactly as it was on every exit path, and while the process is stopped.
   */
  readonly keyboard?: KeyInput;
  /** Each key typed on `keyboard` (other than Ctrl+C, Ctrl+\ and Ctrl+Z). */
  readonly onKey?: (key: string, session: TerminalSession) => void;
}

/**
 * The cursor, hidden while the animation runs. Written here rather than through cli-cursor:
 * the session already shows it again on every exit path (cli-cursor's reason to exist, through
 * signal-exit), and importing cli-cursor's four ES modules cost the CLI the whole of Node's ES
 * module loader (some 2 MiB and 10 ms) on a path that is otherwise CommonJS. As cli-cursor did,
 * a stream that is not a TTY (a recording, say) is left alone.
 */
const cursorOf = (stream: TerminalStream): { hide(): void; show(): void } | undefined =>
  stream.isTTY !== true
    ? undefined
    : {
        hide: () => void stream.write(CURSOR_HIDE),
        show: () => void stream.write(CURSOR_SHOW),
      };

/**
 * Run an animation in a terminal, from this call on: hide the cursor, take the keyboard, draw,
 * and on every exit path (the end, `stop()`, Ctrl+C, SIGTERM, SIGHUP and the other fatal
 * signals, an uncaught exception, `process.exit`, the terminal going away) clear the region
 * (or keep it with `persist`), give the keyboard back and show the cursor again. Around a stop
 * (Ctrl+Z, SIGTSTP) the terminal is given back, and taken again when the process continues.
 *
 * @param options - the player's options, `persist`, `hideCursor` and `onStop`
 */
export function openSession(options: SessionOptions): TerminalSession {
  const { stream, persist } = options;
  let settle: (reason: EndReason) => void = () => undefined;
  const ended = new Promise<EndReason>((resolve) => (settle = resolve));
  // Set once, below, after `finish`, which the player's first frame may call already.
  // eslint-disable-next-line prefer-const
  let player: Player | undefined;
  let keyboard: Keyboard | undefined;
  const cursor = options.hideCursor === false ? undefined : cursorOf(stream);
  let done = false;

  /**
   * End it: everything is let go whatever the stream does; an error the stream throws on the
   * way is thrown on once, after that.
   */
  const finish = (reason: EndReason, keep = persist): void => {
    if (done) return;
    done = true;
    removeExitPaths();
    let outcome = reason;
    let failure: unknown;
    const writing = (write: () => void): void => {
      if (outcome === 'closed' || outcome === 'failed') return;
      try {
        write();
      } catch (error) {
        outcome = 'failed';
        failure = error;
      }
    };
    // A player that saw its terminal go away (or its stream fail) has stopped already.
    writing(() => player?.stop(keep));
    // The keyboard after the region is cleared, as it was taken before the first frame: a key
    // typed meanwhile is read, not echoed into the region.
    keyboard?.release();
    options.onStop?.(outcome);
    writing(() => cursor?.show());
    settle(outcome);
    // What the stream threw, as it threw it.
    // eslint-disable-next-line @typescript-eslint/only-throw-error
    if (outcome === 'failed' && failure !== undefined) throw failure;
  };
  const removeExitPaths = onExitPaths({
    // On an exit path there is no one to throw to: a failing stream must not stop the others.
    end: () => {
      try {
        finish('stopped');
      } catch {
        // The terminal cannot be put back through this stream; nothing more can be done.
      }
    },
    suspend() {
      player?.suspend();
      cursor?.show();
      keyboard?.suspend();
    },
    resume() {
      // Raw mode first: a process continued in the background stops again here (SIGTTOU)
      // until it is in the foreground, before it draws anything.
      keyboard?.resume();
      cursor?.hide();
      player?.resume();
    },
  });

  const { onKey } = options;
  // The keyboard before the first frame: a key typed once the frame's bytes are going out
  // would be echoed (`^C`) wherever the cursor is in the middle of drawing, and the frame's
  // relative moves would then land rows off. In raw mode nothing is echoed.
  if (options.keyboard !== undefined) {
    keyboard = claimKeyboard(options.keyboard, {
      onKey: onKey === undefined ? undefined : (key) => onKey(key, session),
      // The terminal, in its usual mode, would have echoed the key (as `^C`).
      onSignalKey: (signal) =>
        sendKeySignal(signal, () => writeQuietly(stream, KEY_ECHOES[signal])),
      onGone: () => finish('closed'),
      unref: options.unref,
    });
  }
  // Hidden before the first frame, so that it never blinks in the middle of the region.
  try {
    cursor?.hide();
  } catch (error) {
    finish('failed');
    throw error;
  }
  player = startPlayer({ ...options, onEnd: (reason) => finish(reason) });
  const session: TerminalSession = {
    player,
    ended,
    stop: (keep?: boolean) => finish('stopped', keep ?? persist),
  };
  return session;
}
