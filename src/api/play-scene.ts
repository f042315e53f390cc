/**
 * `playScene(scene, options)`: a scene of one's own (`createScene`, or the aquarium) played on
 * a terminal with every guarantee the `fish` command has: the fixed tick, differential
 * redraws, resize, the exit paths and job control, recordings and `onFrame`.
 */
import type { Grid } from '../render/grid.js';
import { colorEnabled } from '../terminal/env.js';
import { terminalOf } from '../terminal/intercept.js';
import { keyboardToDiscard, terminalKeyboard } from '../terminal/keys.js';
import { playOnTerminal, type Playback } from '../terminal/play.js';
import type { FrameInfo } from '../terminal/player.js';
import { openRecording } from '../terminal/record.js';
import type { EndReason } from '../terminal/session.js';
import { MAX_TERMINAL } from '../terminal/size.js';
import { CHOICE_OPTIONS, NUMBER_OPTIONS, refusal } from './option-table.js';
import {
  booleanOption,
  choiceOption,
  isInteractive,
  numberOption,
  onFrameOption,
  signalOption,
  streamOption,
  type FishStream,
} from './options.js';

/** What `playScene` plays: anything that composes a frame for a time, as a `Scene` or an `Aquarium` does. */
export interface PlayableScene {
  /**
   * Compose the frame at `t` seconds into `into` (a grid of the terminal's or the region's
   * size) and return it.
   */
  compose(t: number, into: Grid): Grid;
}

/** Options of {@link playScene}. */
export interface PlaySceneOptions {
  /** Where to draw: a TTY write stream. Default `process.stdout`. */
  readonly stream?: FishStream;
  /**
   * `inline` (default): `height` rows at the cursor, below what is on the terminal;
   * `alternate`: the whole terminal, in the alternate screen buffer, left on every exit path.
   */
  readonly screen?: 'inline' | 'alternate';
  /** Rows of an inline scene, 1 to 500 (capped at the terminal's height); required inline. */
  readonly height?: number;
  /** Frames per second, 0.1 to 240. Default 12.5. */
  readonly fps?: number;
  /** `'time'` (default): the clock follows the wall; `'step'`: each frame one interval. */
  readonly sync?: 'time' | 'step';
  /** `'diff'` (default), or `'full'`: every row of a changed frame rewritten whole. */
  readonly redraw?: 'diff' | 'full';
  /** Colour from the art's masks; by default NO_COLOR, FORCE_COLOR and a TTY decide. */
  readonly color?: boolean;
  /** Stop after this many frames, 1 to 1000000000. */
  readonly frames?: number;
  /** Stop once the clock reaches this many seconds, 0.001 to 10000000. */
  readonly duration?: number;
  /** Keep the last frame on the screen at the end (inline only). Default false. */
  readonly persist?: boolean;
  /** Hide the cursor while it plays. Default true. */
  readonly hideCursor?: boolean;
  /**
   * Discard what is typed while it plays (stdin in raw mode, Ctrl+C, Ctrl+Z and Ctrl+\ still
   * doing what their signals do), as `fish()` does; with `onKey`, stdin is always taken when
   * it is a TTY. `false` never touches stdin.
   */
  readonly discardStdin?: boolean;
  /** Each key typed (other than Ctrl+C, Ctrl+\ and Ctrl+Z), with the playback to act on. */
  readonly onKey?: (key: string, playback: ScenePlayback) => void;
  /** Called after each frame. */
  readonly onFrame?: (info: FrameInfo) => void;
  /**
   * Also record every byte written to the terminal, and every resize, into this file, as an
   * asciicast v2 recording timed on the frame schedule.
   */
  readonly record?: string;
  /** A title for the recording. Default `'fish'`. */
  readonly title?: string;
  /** Stops the scene when aborted. */
  readonly signal?: AbortSignal;
}

/**
 * How a played scene ended: `done` (its `frames` or `duration`), `stopped` (by `stop()`, the
 * signal or an exit path), `closed` (the terminal went away), `failed` (the stream threw), or
 * `not a terminal` (nothing was drawn: the stream is not an interactive terminal).
 */
export type SceneEnd = EndReason | 'not a terminal';

/** A scene being played. */
export interface ScenePlayback {
  /**
   * Resolves when it has ended and the terminal is put back (and the recording finished);
   * rejects with a `RecordingError` when the recording could not be written.
   */
  readonly ended: Promise<SceneEnd>;
  /** End it now: the terminal is put back before this returns. Idempotent. */
  stop(persist?: boolean): void;
  /** Erase what it shows and draw it whole (after something else wrote over it). */
  repaint(): void;
  /** Frames drawn so far. */
  readonly frameCount: number;
}

/** The rows an inline scene may ask for. */
const HEIGHT = { min: 1, max: MAX_TERMINAL.rows, whole: true } as const;

/**
 * Play a scene on a terminal: inline (rows under the cursor) or full-screen (the alternate
 * screen), at a fixed tick, drawing only the cells that changed, re-laid on resize, and with
 * the terminal put back on every exit path (the end, `stop()`, Ctrl+C, SIGTERM, a crash,
 * `process.exit`, the terminal closing; Ctrl+Z gives it back until `fg`). Off an interactive
 * terminal (see `isInteractive`) nothing is written, and `ended` resolves with
 * `'not a terminal'`.
 *
 * @param scene - what to draw: a `Scene` from `createScene`, an `Aquarium`, or any `compose`
 * @param options - where and how (see {@link PlaySceneOptions})
 * @returns the playback, already drawing its first frame
 * @throws TypeError or RangeError (one line, `fish: …`) for a bad option; RecordingError when
 *   the recording cannot be opened
 */
export function playScene(scene: PlayableScene, options: PlaySceneOptions = {}): ScenePlayback {
  if (typeof (scene as Partial<PlayableScene> | null)?.compose !== 'function') {
    throw new TypeError(`fish: ${refusal('scene', 'a scene (with compose)', scene)}`);
  }
  const stream = streamOption(options.stream) ?? process.stdout;
  const screen = choiceOption('screen', options.screen, ['inline', 'alternate'] as const);
  const height = numberOption('height', options.height, HEIGHT);
  if (screen !== 'alternate' && height === undefined) {
    throw new RangeError(`fish: ${refusal('height', 'given for an inline scene', undefined)}`);
  }
  const onKey = options.onKey;
  if (onKey !== undefined && typeof onKey !== 'function') {
    throw new TypeError(`fish: ${refusal('onKey', 'a function', onKey)}`);
  }
  const drawing = {
    compose: (t: number, into: Grid): Grid => scene.compose(t, into),
    height: height ?? MAX_TERMINAL.rows,
    screen: screen ?? 'inline',
    fps: numberOption('fps', options.fps, NUMBER_OPTIONS.fps) ?? NUMBER_OPTIONS.fps.default.api,
    // The command's clocks: a scene has no progress for the `progress` clock to follow.
    sync:
      choiceOption('sync', options.sync, CHOICE_OPTIONS.sync.choices.cli) ??
      CHOICE_OPTIONS.sync.default.api,
    redraw: choiceOption('redraw', options.redraw, CHOICE_OPTIONS.redraw.choices.api),
    color: booleanOption('color', options.color) ?? colorEnabled('auto', stream, process.env),
    frames: numberOption('frames', options.frames, NUMBER_OPTIONS.frames),
    duration: numberOption('duration', options.duration, NUMBER_OPTIONS.duration),
    persist: booleanOption('persist', options.persist) ?? false,
    hideCursor: booleanOption('hideCursor', options.hideCursor),
    onFrame: onFrameOption(options.onFrame),
  };
  const discardStdin = booleanOption('discardStdin', options.discardStdin);
  const signal = signalOption(options.signal);
  const title = textOption('title', options.title) ?? 'fish';
  const record = textOption('record', options.record);
  if (!isInteractive(stream, process.env) || signal?.aborted === true) {
    return notPlayed(signal?.aborted === true ? 'stopped' : 'not a terminal');
  }
  const keyboard =
    onKey !== undefined && discardStdin !== false
      ? terminalKeyboard()
      : keyboardToDiscard(discardStdin, terminalOf(stream));
  const file = record === undefined ? undefined : openRecording(record);
  const playback = playOnTerminal({
    ...drawing,
    stream,
    keyboard,
    recording: file && { file, title, timestamp: true },
    onKey: onKey && ((key) => onKey(key, handle)),
  });
  const handle = sceneHandle(playback);
  if (signal !== undefined) {
    const stop = (): void => playback.stop();
    signal.addEventListener('abort', stop, { once: true });
    void playback.ended
      .finally(() => signal.removeEventListener('abort', stop))
      .catch(() => {
        // The host hears of a failed recording through `ended` itself.
      });
  }
  return handle;
}

/** A text option: a string. */
function textOption(name: string, value: unknown): string | undefined {
  if (value === undefined || typeof value === 'string') return value;
  throw new TypeError(`fish: ${refusal(name, 'a text', value)}`);
}

/** The handle of a playback. */
function sceneHandle(playback: Playback): ScenePlayback {
  return {
    ended: playback.ended,
    stop: (persist?: boolean) => playback.stop(persist),
    repaint: () => playback.player.repaint(),
    get frameCount() {
      return playback.player.frameCount;
    },
  };
}

/** The handle of a scene that was never drawn. */
function notPlayed(end: SceneEnd): ScenePlayback {
  return {
    ended: Promise.resolve(end),
    stop: () => undefined,
    repaint: () => undefined,
    frameCount: 0,
  };
}
