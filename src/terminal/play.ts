/**
 * A show played on a terminal that it owns: the session (tick, diffs, resize, the cursor,
 * the keyboard, every exit path) plus, when asked, a recording of every byte written to the
 * terminal. The `fish` command and the API's `playScene` both play through here.
 */
import type { Player } from './player.js';
import { createRecorder, type RecordingFile } from './record.js';
import {
  openSession,
  type EndReason,
  type SessionOptions,
  type TerminalSession,
} from './session.js';

/** A recording to make of what a show writes to its terminal. */
export interface PlayRecording {
  /** The file, opened by `openRecording` (closed when the show ends). */
  readonly file: RecordingFile;
  /** A title for players that show one. */
  readonly title: string;
  /** Write when it was made in the header (false: the same frames make the same file). */
  readonly timestamp: boolean;
}

/** Options of {@link playOnTerminal}: the session's, less its stop hook, plus a recording. */
export interface PlayOptions extends Omit<SessionOptions, 'onStop' | 'onKey'> {
  /** Record every byte written to the terminal, and every resize, into this file. */
  readonly recording?: PlayRecording;
  /** Each key typed on `keyboard` (other than Ctrl+C, Ctrl+\ and Ctrl+Z). */
  readonly onKey?: (key: string, playback: Playback) => void;
}

/** A show being played on a terminal. */
export interface Playback {
  /** The player drawing the frames. */
  readonly player: Player;
  /**
   * Resolves when the show has ended, the terminal is put back and the recording finished;
   * rejects with the `RecordingError` when the recording failed (which ends the show).
   */
  readonly ended: Promise<EndReason>;
  /** End it now (the terminal is put back before this returns); idempotent. */
  stop(persist?: boolean): void;
}

/**
 * Play a show on a terminal: a session on `stream` (see `openSession`), recording it when
 * `recording` is given. A recording that fails ends the show, once the frame being drawn is
 * done: the terminal is put back, then `ended` rejects with the failure.
 *
 * @param options - the session's options, and the recording
 * @throws RecordingError when the recording's header cannot be written (nothing was drawn)
 */
export function playOnTerminal(options: PlayOptions): Playback {
  const { recording, onKey } = options;
  // Set once, below; the recorder's failure handler, made before, may need it.
  // eslint-disable-next-line prefer-const
  let session: TerminalSession | undefined;
  const recorder =
    recording &&
    createRecorder(recording.file, options.stream, {
      title: recording.title,
      timestamp: recording.timestamp,
      // Stopped once the frame being drawn is done (never from inside the write that failed).
      onFailure: () => queueMicrotask(() => session?.stop()),
    });
  session = openSession({
    ...options,
    stream: recorder?.stream ?? options.stream,
    compose: recorder?.clocked(options.compose) ?? options.compose,
    onKey: onKey && ((key) => onKey(key, playback)),
  });
  // A recording that failed while the first frame was drawn, before there was a session to stop.
  if (recorder?.failure !== undefined) session.stop();
  const ended = session.ended.then((reason) => {
    recorder?.close();
    if (recorder?.failure !== undefined) throw recorder.failure;
    return reason;
  });
  const playback: Playback = {
    player: session.player,
    ended,
    stop: (persist?: boolean) => session.stop(persist),
  };
  return playback;
}
