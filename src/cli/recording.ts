/**
 * `--record`: which files the command may record into, and recordings made without a
 * terminal (the virtual terminal of record-only mode).
 */
import { statSync, type BigIntStats } from 'node:fs';
import { listArt, type Art } from '../art/index.js';
import { startPlayer } from '../terminal/player.js';
import { detachedTerminal } from '../terminal/stream.js';
import { RecordingError } from '../terminal/errors.js';
import { createRecorder, openRecording, type RecordingFile } from '../terminal/record.js';
import type { CliOptions } from './args.js';
import type { Show } from './show.js';

/** The extension a recording is expected to have: any other existing file needs `--force`. */
const CAST_EXTENSION = '.cast';
/** Length of a recording made without a terminal, when neither --frames nor --duration says. */
const RECORDING_SECONDS = 10;

/**
 * Open the file `--record` names, refusing what it must not replace: an art file fish reads
 * (the one being played, through any path or link, or a built-in one), and an existing file
 * with content that is not a `.cast` recording, unless `--force` is given. Nothing is
 * changed in a file that is refused.
 *
 * @param options - `record` (set) and `force`
 * @param arts - the art being played
 * @throws RecordingError naming what is wrong
 */
export function openRecordingFor(options: CliOptions, arts: readonly Art[]): RecordingFile {
  const path = options.record ?? '';
  const file = openRecording(path);
  try {
    if (readArtFiles(arts).some((art) => sameFile(art, file.stats))) {
      throw new RecordingError(path, 'is an art file that fish reads; record into another file');
    }
    const replaced = file.existed && file.stats.isFile() && file.stats.size > 0n;
    if (replaced && !options.force && !path.toLowerCase().endsWith(CAST_EXTENSION)) {
      throw new RecordingError(
        path,
        `exists and is not a ${CAST_EXTENSION} recording (--force replaces it)`,
      );
    }
    return file;
  } catch (error) {
    file.close();
    throw error;
  }
}

/** The files of every art fish may read: the art given, and all the built-in art. */
function readArtFiles(arts: readonly Art[]): BigIntStats[] {
  const paths = [
    ...arts.filter((art) => !art.source.startsWith('built-in:')).map((art) => art.source),
    ...listArt().map((info) => info.path),
  ];
  return paths.flatMap((path) => {
    try {
      return [statSync(path, { bigint: true })];
    } catch {
      // Gone since it was read: nothing there to protect.
      return [];
    }
  });
}

/** The same file, whatever the paths: the same inode on the same device. */
const sameFile = (a: BigIntStats, b: BigIntStats): boolean => a.dev === b.dev && a.ino === b.ino;

/**
 * Render the animation into a recording alone, as fast as it computes, at a fixed size,
 * through the same recorder (a tee) as on a terminal, on a virtual terminal. The frames are
 * on a fixed step, so that a `--seed` gives the same file byte for byte.
 *
 * @param options - the command line (`frames`, `duration`, `fps`, `persist`, `redraw`, `seed`)
 * @param show - what to record
 * @param file - the recording, opened by {@link openRecordingFor}
 * @param size - the virtual terminal's
 * @returns the exit status
 * @throws RecordingError when the recording cannot be written
 */
export function recordAlone(
  options: CliOptions,
  show: Show,
  file: RecordingFile,
  size: { cols: number; rows: number },
): number {
  const recorder = createRecorder(file, detachedTerminal(size.cols, size.rows), {
    title: show.title,
    timestamp: options.seed === undefined,
  });
  const player = startPlayer({
    stream: recorder.stream,
    compose: recorder.clocked(show.compose),
    height: show.height,
    screen: show.screen,
    fps: options.fps,
    sync: 'step',
    redraw: options.redraw,
    color: show.color,
    tick: false,
  });
  const frames = framesToRecord(options);
  while (player.frameCount < frames && recorder.failure === undefined) player.drawNow();
  // The closing is recorded where the next frame would have been: the last frame is seen.
  recorder.at(player.clock.upcoming);
  player.stop(options.persist);
  recorder.close();
  if (recorder.failure !== undefined) throw recorder.failure;
  return 0;
}

/**
 * Frames of a recording made without a terminal: `--frames` or `--duration`, whichever ends
 * first when both are given (as on a terminal), or {@link RECORDING_SECONDS}.
 */
function framesToRecord(options: Pick<CliOptions, 'frames' | 'duration' | 'fps'>): number {
  const seconds = options.duration ?? (options.frames === undefined ? RECORDING_SECONDS : Infinity);
  return Math.min(options.frames ?? Infinity, Math.max(1, Math.round(seconds * options.fps)));
}
