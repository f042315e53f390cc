/**
 * asciicast v2 recordings (https://docs.asciinema.org/manual/asciicast/v2/): the bytes an
 * animation writes to its terminal, timed on the animation's clock, written to a file that
 * may be anything a path can name (a file on a full disk, a FIFO, a pipe) without hanging
 * and without leaving half an event behind.
 */
import {
  closeSync,
  constants,
  fstatSync,
  ftruncateSync,
  openSync,
  writeSync,
  type BigIntStats,
} from 'node:fs';
import { RecordingError } from './errors.js';
import type { Composer } from './player.js';
import type { TerminalStream } from './stream.js';
import { monotonicMs } from './tick.js';

/**
 * How long a write may wait for a reader that does not read (a FIFO or pipe left full)
 * before the recording gives up, rather than hang the animation and its Ctrl+C with it.
 */
const STALL_SECONDS = 10;

/** Reasons in words for the errors opening and writing a recording can give. */
const REASONS: ReadonlyMap<string, string> = new Map([
  ['ENOENT', 'no such folder'],
  ['ENOTDIR', 'a part of the path is not a folder'],
  ['EISDIR', 'is a folder'],
  ['EEXIST', 'is a broken symbolic link, or appeared while it was being opened'],
  ['ENXIO', 'nothing is reading it (a FIFO without a reader, or a socket)'],
  ['EACCES', 'permission denied'],
  ['EPERM', 'permission denied'],
  ['EROFS', 'read-only file system'],
  ['ETXTBSY', 'the file is busy'],
  ['ELOOP', 'too many symbolic links'],
  ['ENAMETOOLONG', 'the path is too long'],
  ['ENOSPC', 'no space left on device'],
  ['EDQUOT', 'disk quota exceeded'],
  ['EFBIG', 'the file is too large (a file size limit was reached)'],
  ['EIO', 'input/output error'],
  ['EPIPE', 'its reader went away'],
  ['EAGAIN', `nothing read from it for ${STALL_SECONDS} seconds`],
]);

/** A file opened for a recording and not yet written: what it is can be looked at first. */
export interface RecordingFile {
  /** The path, as given. */
  readonly path: string;
  /** The open descriptor. */
  readonly fd: number;
  /** The status of the open file (of the descriptor: the path may name another file by now). */
  readonly stats: BigIntStats;
  /** Whether the file existed (false: it was created empty just now). */
  readonly existed: boolean;
  /** Close it unwritten; idempotent. */
  readonly close: () => void;
}

/**
 * Open `path` for writing a recording, without changing it yet: created if it does not exist,
 * never truncated here, never waiting. The open is non-blocking, so that a FIFO nobody reads
 * is refused at once (ENXIO) rather than waited for; a FIFO with a reader is written to,
 * waiting for it to read (see {@link STALL_SECONDS}).
 *
 * @param path - the file to record into
 * @throws RecordingError for a path that cannot be opened for writing
 */
export function openRecording(path: string): RecordingFile {
  // Node's typings say O_NOCTTY always exists; on Windows it does not.
  const flags =
    constants.O_WRONLY | constants.O_NONBLOCK | ((constants.O_NOCTTY as number | undefined) ?? 0);
  let fd: number;
  let existed = true;
  try {
    fd = openSync(path, flags);
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw recordingError(path, error);
    existed = false;
    // Exclusive: what is created is the file looked at, not one that appeared meanwhile.
    fd = attempt(path, () => openSync(path, flags | constants.O_CREAT | constants.O_EXCL, 0o666));
  }
  let open = true;
  const close = (): void => {
    if (open) closeSync(fd);
    open = false;
  };
  try {
    return {
      path,
      fd,
      stats: attempt(path, () => fstatSync(fd, { bigint: true })),
      existed,
      close,
    };
  } catch (error) {
    close();
    throw error;
  }
}

/** Options of {@link createRecorder}. */
export interface RecorderOptions {
  /** A title for players that show one. */
  readonly title?: string;
  /**
   * Write when the recording was made in the header (default true); false leaves it out, so
   * that the same frames make the same file byte for byte (`--seed`).
   */
  readonly timestamp?: boolean;
  /**
   * Called once when a write to the recording fails after the header (a full disk, a reader
   * gone): the recording stops there, ending on a whole event; the terminal is still drawn.
   */
  readonly onFailure?: (error: RecordingError) => void;
}

/** A recording in progress: a terminal stream that records what is written to it. */
export interface Recorder {
  /**
   * The stream to draw on: every write goes to the terminal and into the recording (a tee),
   * and every change of the terminal's size the engine reads becomes a resize event.
   */
  readonly stream: TerminalStream;
  /**
   * `compose`, also setting the recording's clock to each frame's time as it is composed:
   * a frame's bytes are written just after its composing, so they are recorded at its time.
   *
   * @param compose - the animation's compose
   */
  clocked(compose: Composer): Composer;
  /**
   * Set the recording's clock: what is written from now on is recorded at `time` seconds.
   * Bytes written between frames (the cursor, the closing) are at the latest frame's time.
   *
   * @param time - seconds on the animation's clock
   */
  at(time: number): void;
  /** Why the recording stopped early, if a write failed: nothing more is recorded. */
  readonly failure: RecordingError | undefined;
  /** Finish the file; idempotent. */
  close(): void;
}

/**
 * Start an asciicast v2 recording in `file` (replacing a regular file's content) of what is
 * written to `terminal`: a header line with the terminal's size, then `[time, "o", bytes]`
 * for each write and `[time, "r", "COLSxROWS"]` for each resize, timed on the animation's
 * clock (see {@link Recorder.clocked}), not the wall's.
 *
 * Each event is written whole, as one line. When a write fails, the recording stops, and a
 * line a full disk cut short is taken back, so the file is still a valid, shorter recording.
 *
 * @param file - opened by {@link openRecording}; closed by {@link Recorder.close}
 * @param terminal - the stream the animation draws on (a TTY, or a virtual one)
 * @param options - title, timestamp, failure hook
 * @throws RecordingError when the header cannot be written (the file is closed)
 */
export function createRecorder(
  file: RecordingFile,
  terminal: TerminalStream,
  options: RecorderOptions = {},
): Recorder {
  const writer = lineWriter(file);
  const [cols, rows] = sizeOf(terminal) ?? [80, 24];
  let shownSize = `${cols}x${rows}`;
  let time = 0;
  let failure: RecordingError | undefined;

  const append = (line: string): void => {
    if (failure !== undefined) return;
    failure = writer.write(line);
    if (failure !== undefined) options.onFailure?.(failure);
  };
  const event = (kind: 'o' | 'r', data: string): void => {
    if (data !== '') append(JSON.stringify([Number(time.toFixed(6)), kind, data]));
  };
  const observeSize = (columns: number | undefined, height: number | undefined): void => {
    if (columns === undefined || height === undefined) return;
    const size = `${columns}x${height}`;
    if (size === shownSize) return;
    shownSize = size;
    event('r', size);
  };

  const header = writer.write(
    JSON.stringify({
      version: 2,
      width: cols,
      height: rows,
      ...(options.timestamp === false ? {} : { timestamp: Math.floor(Date.now() / 1000) }),
      ...(options.title === undefined ? {} : { title: options.title }),
      env: { TERM: 'xterm-256color' },
    }),
  );
  if (header !== undefined) {
    file.close();
    throw header;
  }

  return {
    stream: new Tee(terminal, (bytes) => event('o', bytes), observeSize),
    clocked: (compose) => (t, into) => {
      time = t;
      return compose(t, into);
    },
    at(seconds) {
      time = seconds;
    },
    get failure() {
      return failure;
    },
    close: file.close,
  };
}

/**
 * Writes whole lines into a recording file, replacing a regular file's content. A line that a
 * write cut short (a full disk, a size limit) is taken back from a regular file, so that the
 * file ends on a whole line; after a failure, nothing more is written.
 *
 * @throws RecordingError when the file cannot be emptied (the file is closed)
 */
function lineWriter(file: RecordingFile): { write(line: string): RecordingError | undefined } {
  const { fd, path } = file;
  const regular = file.stats.isFile();
  if (regular) attempt(path, () => ftruncateSync(fd, 0), file.close);
  /** Bytes of whole lines in the file: where a line cut short is cut back to. */
  let committed = 0;
  let failure: RecordingError | undefined;
  return {
    write(line) {
      if (failure !== undefined) return failure;
      const bytes = Buffer.from(`${line}\n`, 'utf8');
      try {
        writeFully(fd, bytes);
        committed += bytes.length;
      } catch (error) {
        failure = recordingError(path, error);
        try {
          if (regular) ftruncateSync(fd, committed);
        } catch {
          // Nothing more can be done for the file; the failure is reported either way.
        }
      }
      return failure;
    },
  };
}

/**
 * A terminal stream that passes everything to another and reports what is written and every
 * size that is read: the size the engine reads is the size it draws for.
 */
class Tee implements TerminalStream {
  readonly #terminal: TerminalStream;
  readonly #written: (bytes: string) => void;
  readonly #sized: (columns: number | undefined, rows: number | undefined) => void;
  /** The terminal's own `getWindowSize`, reporting the size it gives; only where it has one. */
  readonly getWindowSize?: () => [number, number];

  constructor(
    terminal: TerminalStream,
    written: (bytes: string) => void,
    sized: (columns: number | undefined, rows: number | undefined) => void,
  ) {
    this.#terminal = terminal;
    this.#written = written;
    this.#sized = sized;
    const ask = terminal.getWindowSize?.bind(terminal);
    if (ask !== undefined) {
      this.getWindowSize = () => {
        const size = ask();
        sized(size[0], size[1]);
        return size;
      };
    }
  }

  get isTTY(): boolean | undefined {
    return this.#terminal.isTTY;
  }

  get columns(): number | undefined {
    this.#sized(this.#terminal.columns, this.#terminal.rows);
    return this.#terminal.columns;
  }

  get rows(): number | undefined {
    this.#sized(this.#terminal.columns, this.#terminal.rows);
    return this.#terminal.rows;
  }

  write(chunk: string, callback?: (error?: Error | null) => void): boolean {
    // Recorded once the terminal has taken it: what could not be shown is not recorded.
    const result = this.#terminal.write(chunk, callback);
    this.#written(chunk);
    return result;
  }

  on(event: 'resize' | 'drain', listener: () => void): this;
  on(event: 'error', listener: (error: NodeJS.ErrnoException) => void): this;
  on(event: 'resize' | 'drain' | 'error', listener: (error: NodeJS.ErrnoException) => void): this {
    return this.#forward('on', event, listener);
  }

  off(event: 'resize' | 'drain', listener: () => void): this;
  off(event: 'error', listener: (error: NodeJS.ErrnoException) => void): this;
  off(event: 'resize' | 'drain' | 'error', listener: (error: NodeJS.ErrnoException) => void): this {
    return this.#forward('off', event, listener);
  }

  /**
   * Add (`on`) or remove (`off`) a listener on the terminal itself, through the overload its
   * event takes.
   */
  #forward(
    method: 'on' | 'off',
    event: 'resize' | 'drain' | 'error',
    listener: (error: NodeJS.ErrnoException) => void,
  ): this {
    if (event === 'error') this.#terminal[method](event, listener);
    else this.#terminal[method](event, listener as () => void);
    return this;
  }
}

/** The terminal's size as the engine reads it: asked of a TTY, else what the stream says. */
function sizeOf(terminal: TerminalStream): [number, number] | undefined {
  try {
    const size = terminal.getWindowSize?.();
    if (size !== undefined) return size;
  } catch {
    // Not a terminal any more: what it last said.
  }
  return terminal.columns === undefined || terminal.rows === undefined
    ? undefined
    : [terminal.columns, terminal.rows];
}

/** A cell to wait on: `Atomics.wait` is the one synchronous sleep Node has. */
const SLEEPER = new Int32Array(new SharedArrayBuffer(4));

/**
 * Write all of `bytes`. The descriptor is non-blocking: a full FIFO or pipe (EAGAIN) is
 * waited for, a millisecond at a time, until it reads again or {@link STALL_SECONDS} pass.
 */
function writeFully(fd: number, bytes: Uint8Array): void {
  let offset = 0;
  let stalledSince: number | undefined;
  while (offset < bytes.length) {
    try {
      offset += writeSync(fd, bytes, offset, bytes.length - offset);
      stalledSince = undefined;
    } catch (error) {
      if (errorCode(error) !== 'EAGAIN') throw error;
      stalledSince ??= monotonicMs();
      if (monotonicMs() - stalledSince > STALL_SECONDS * 1000) throw error;
      Atomics.wait(SLEEPER, 0, 0, 1);
    }
  }
}

/** Runs a file system call, turning its error into a {@link RecordingError}. */
function attempt<T>(path: string, call: () => T, cleanup?: () => void): T {
  try {
    return call();
  } catch (error) {
    cleanup?.();
    throw recordingError(path, error);
  }
}

function recordingError(path: string, error: unknown): RecordingError {
  const code = errorCode(error);
  return new RecordingError(path, REASONS.get(code) ?? `cannot write the file (${code})`, code);
}

/** The `code` of a Node system error, such as `ENOSPC`. */
function errorCode(error: unknown): string {
  const code = error instanceof Error && 'code' in error ? error.code : undefined;
  return typeof code === 'string' ? code : 'unknown error';
}
