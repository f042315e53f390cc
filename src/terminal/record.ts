import { closeSync, openSync, writeSync } from 'node:fs';
import type { FrameInfo } from './player.js';

/** Options of {@link createRecorder}. */
export interface RecorderOptions {
  /** Terminal width of the recording. */
  readonly cols: number;
  /** Terminal height of the recording. */
  readonly rows: number;
  /** A title for players that show one. */
  readonly title?: string;
  /**
   * Write when the recording was made in the header (default true); false leaves it out, so
   * that the same frames make the same file byte for byte (`--seed`).
   */
  readonly timestamp?: boolean;
}

/** Writes an asciicast v2 file, one "o" event per frame. */
export interface Recorder {
  /** The frame hook: records the frame's bytes at its scheduled time. */
  readonly onFrame: (info: FrameInfo) => void;
  /** Record bytes that are not a frame (the region's clearing at the end) at `time`. */
  extra(time: number, bytes: string): void;
  /** Finish the file. */
  close(): void;
}

/**
 * Start an asciicast v2 recording (https://docs.asciinema.org/manual/asciicast/v2/): a header
 * line with the size, then `[time, "o", bytes]` per frame, timed on the frame schedule.
 * Frames that wrote nothing add no event.
 *
 * @param path - the .cast file to write (replaced)
 * @param options - size and title
 */
export function createRecorder(path: string, options: RecorderOptions): Recorder {
  const fd = openSync(path, 'w');
  const header = {
    version: 2,
    width: options.cols,
    height: options.rows,
    ...(options.timestamp === false ? {} : { timestamp: Math.floor(Date.now() / 1000) }),
    ...(options.title === undefined ? {} : { title: options.title }),
    env: { TERM: 'xterm-256color' },
  };
  writeSync(fd, `${JSON.stringify(header)}\n`);
  let open = true;
  const event = (time: number, bytes: string): void => {
    if (open && bytes !== '') writeSync(fd, `${JSON.stringify([Number(time.toFixed(6)), 'o', bytes])}\n`);
  };
  return {
    onFrame: (info) => event(info.time, info.bytes),
    extra: event,
    close(): void {
      if (!open) return;
      open = false;
      closeSync(fd);
    },
  };
}
