/**
 * The host's output while an animation is on the screen. Whatever the host writes to the
 * terminal the animation draws on (console.log, `stream.write`, `stream.end`, on stdout or
 * stderr, and `fs.write`/`fs.writeSync` on their file descriptors, as pino's destinations
 * do) must come out whole above the animation. So, while an animation runs, those ways of
 * writing are hooked for every stream that reaches that terminal: complete lines go out at
 * once, between taking the animation off the screen and drawing it again below them; a
 * trailing partial line is held back until a later write completes it, or until the
 * animation stops.
 *
 * What no hook can see: another process writing to the terminal (a child process with
 * inherited stdio), or a file descriptor opened on the terminal by other means (`/dev/tty`).
 */
import fs, { fstatSync } from 'node:fs';
import type { TerminalStream } from './stream.js';

/** A stream's `write`, in the shapes Node's writable streams accept. */
type WriteCallback = (error?: Error | null) => void;
type WriteFunction = (
  chunk: string | Uint8Array,
  encodingOrCallback?: BufferEncoding | WriteCallback,
  callback?: WriteCallback,
) => boolean;

/** A stream whose writes can be hooked: what the animation draws on, or stdout and stderr. */
export interface HookableStream {
  /** Writes a chunk; Node's streams also take bytes, an encoding and a callback. */
  write(chunk: string): boolean;
  /** Ends the stream, perhaps after a last chunk (Node's writable streams). */
  end?(...args: unknown[]): unknown;
  /** Whether it is a terminal. */
  readonly isTTY?: boolean;
  /** The file descriptor, for streams on one (process.stdout, a tty.WriteStream). */
  readonly fd?: number;
}

/** What the hooks do around the host's complete lines. */
export interface HostOutputHooks {
  /** Just before the host's lines go out: take the animation off the screen. */
  before(): void;
  /** Just after: draw the animation again (now or soon). */
  after(): void;
}

/** Hooked streams, until {@link HostOutput.restore}. */
export interface HostOutput {
  /**
   * Put every `write` back (idempotent), then write the partial line held back, unless
   * `flush` is false (the terminal went away).
   *
   * @returns true when a held partial line was written: the cursor then stands after it.
   */
  restore(flush?: boolean): boolean;
}

/** Text encodings a string chunk can be split in as it is; others are turned into bytes. */
const TEXT_ENCODINGS = new Set<string | undefined>([undefined, 'utf8', 'utf-8']);
const NEWLINE = 0x0a;

/** One piece of held output, and the stream it was written to. */
interface Piece {
  readonly write: WriteFunction;
  readonly chunk: string | Uint8Array;
}

/**
 * Hook `write` on `streams` so that the host's output comes out whole around the animation
 * (see the module's comment). Each complete line is written with the stream's own `write`
 * (callbacks and return value kept); a held partial line's callback is called at once, so that
 * a host waiting for it does not wait for the animation to stop.
 *
 * Output held from several streams is written in the order it was written, so that stdout and
 * stderr on one terminal interleave as they would have.
 *
 * @param streams - the streams that reach the animation's terminal
 * @param hooks - what to do around the host's lines
 */
export function hookHostOutput(
  streams: readonly HookableStream[],
  hooks: HostOutputHooks,
): HostOutput {
  let held: Piece[] = [];
  let active = true;

  /**
   * Take a piece of the host's output that `write` would write: write its complete lines
   * now, around the hooks, and hold the rest. Returns what `write` returned for the lines,
   * or true when everything was held.
   */
  const take = (
    piece: string | Uint8Array,
    write: WriteFunction,
    done: WriteCallback | undefined,
  ): boolean => {
    const end = lastNewline(piece) + 1;
    if (end === 0) {
      held.push({ write, chunk: piece });
      if (done !== undefined) process.nextTick(done, null);
      return true;
    }
    const lines = piece.slice(0, end);
    const rest = piece.slice(end);
    const earlier = held;
    held = rest.length > 0 ? [{ write, chunk: rest }] : [];
    hooks.before();
    for (const part of earlier) part.write(part.chunk);
    const result = done === undefined ? write(lines) : write(lines, done);
    hooks.after();
    return result;
  };

  const restorers = streams.flatMap((stream) => [
    hookWrite(stream, take, () => active),
    hookEnd(stream, () => active),
  ]);
  const fds = streams
    .map((stream) => stream.fd)
    .filter((fd): fd is number => typeof fd === 'number');
  if (fds.length > 0) restorers.push(hookFileDescriptors(new Set(fds), take, () => active));
  return {
    restore(flush = true): boolean {
      if (!active) return false;
      active = false;
      for (const restore of restorers) restore();
      const rest = held;
      held = [];
      if (flush) for (const part of rest) part.write(part.chunk);
      return flush && rest.length > 0;
    },
  };
}

/** Takes a piece of the host's output (see `hookHostOutput`). */
type Take = (
  piece: string | Uint8Array,
  write: WriteFunction,
  done: WriteCallback | undefined,
) => boolean;

/**
 * Put `replacement` in place of `object[key]` and return what puts the original back. Someone
 * who replaced it after us keeps theirs (ours then passes everything straight on, see the
 * callers' `active`).
 */
function replaceMethod<T extends object>(
  object: T,
  key: keyof T & string,
  replacement: unknown,
): () => void {
  const original = object[key];
  const hadOwn = Object.prototype.hasOwnProperty.call(object, key);
  (object as Record<string, unknown>)[key] = replacement;
  return () => {
    if ((object as Record<string, unknown>)[key] !== replacement) return;
    if (hadOwn) (object as Record<string, unknown>)[key] = original;
    // The method was the prototype's: without the own property, it is again.
    // eslint-disable-next-line @typescript-eslint/no-dynamic-delete
    else delete (object as Record<string, unknown>)[key];
  };
}

/** Hook `stream.write`: text and bytes go to `take`; object-mode and empty chunks pass. */
function hookWrite(stream: HookableStream, take: Take, active: () => boolean): () => void {
  // Called with the stream as `this`, always (call and bind below).
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const original = stream.write as WriteFunction;
  const write = original.bind(stream);
  const hooked: WriteFunction = (chunk, encodingOrCallback, callback) => {
    const encoding = typeof encodingOrCallback === 'string' ? encodingOrCallback : undefined;
    const done = typeof encodingOrCallback === 'function' ? encodingOrCallback : callback;
    const piece = asTextOrBytes(chunk, encoding);
    // Object-mode and empty chunks, and anything after restore(), are not ours to touch.
    if (!active() || piece === undefined || piece.length === 0)
      return original.call(stream, chunk, encodingOrCallback, callback);
    return take(piece, write, done);
  };
  return replaceMethod(stream, 'write', hooked);
}

/** Hook `stream.end(chunk)`: the last chunk goes out as a write would, then the stream ends. */
function hookEnd(stream: HookableStream, active: () => boolean): () => void {
  // Called with the stream as `this`, always (apply below).
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const original = stream.end;
  if (typeof original !== 'function') return () => undefined;
  const hooked = (...args: unknown[]): unknown => {
    const [chunk, ...rest] = args;
    if (!active() || typeof chunk === 'function' || chunk === undefined || chunk === null)
      return original.apply(stream, args);
    const encoding = typeof rest[0] === 'string' ? (rest[0] as BufferEncoding) : undefined;
    // Through `write`, which is hooked: the chunk's lines come out above the animation.
    if (encoding === undefined) stream.write(chunk as string);
    else (stream.write as WriteFunction)(chunk as string, encoding);
    return original.apply(
      stream,
      rest.filter((arg) => typeof arg === 'function'),
    );
  };
  return replaceMethod(stream, 'end', hooked);
}

/** `fs.writeSync` and `fs.write`, in the shapes the hook reads. */
type FsWrite = (fd: number, data: unknown, ...rest: unknown[]) => unknown;

/**
 * Hook `fs.writeSync` and `fs.write` for the file descriptors of the terminal's streams, as
 * pino's destination (sonic-boom) writes. An asynchronous write to a terminal is made at once,
 * between the hooks, and its callback called on the next tick, as a terminal write would
 * complete. Other descriptors, and writes with a position, pass untouched.
 */
function hookFileDescriptors(
  fds: ReadonlySet<number>,
  take: Take,
  active: () => boolean,
): () => void {
  const writeSync = fs.writeSync as FsWrite;
  const write = fs.write as FsWrite;
  const writeTo =
    (fd: number): WriteFunction =>
    (chunk) => {
      writeSync.call(fs, fd, chunk);
      return true;
    };
  const hookedSync: FsWrite = (fd, data, ...rest) => {
    const piece = active() && fds.has(fd) ? fdPiece(data, rest) : undefined;
    if (piece === undefined || piece.length === 0) return writeSync.call(fs, fd, data, ...rest);
    take(piece, writeTo(fd), undefined);
    return byteLength(piece);
  };
  const hookedAsync: FsWrite = (fd, data, ...rest) => {
    const callback = rest.at(-1);
    const piece =
      active() && fds.has(fd) && typeof callback === 'function'
        ? fdPiece(data, rest.slice(0, -1))
        : undefined;
    if (piece === undefined || piece.length === 0) return write.call(fs, fd, data, ...rest);
    try {
      take(piece, writeTo(fd), undefined);
    } catch (error) {
      process.nextTick(callback as (error: unknown) => void, error);
      return undefined;
    }
    process.nextTick(
      callback as (error: null, written: number, data: unknown) => void,
      null,
      byteLength(piece),
      data,
    );
    return undefined;
  };
  const restorers = [
    replaceMethod(fs, 'writeSync', hookedSync),
    replaceMethod(fs, 'write', hookedAsync),
  ];
  // `import { writeSync } from 'node:fs'` binds the ES module's export: bring it up to date.
  // (node:module taken here, not imported: it loads parts of the ES module loader, which the
  // command, a CommonJS program that never hooks fs, would load for nothing.)
  const { syncBuiltinESMExports } = process.getBuiltinModule('node:module');
  syncBuiltinESMExports();
  return () => {
    for (const restore of restorers) restore();
    syncBuiltinESMExports();
  };
}

/**
 * What an `fs.write(Sync)` call after the descriptor would write, as text or bytes; undefined
 * for a call the hook leaves alone (a position in the file, something that is neither).
 * Shapes: `(string, position?, encoding?)` and `(buffer, offset?, length?, position?)` or
 * `(buffer, { offset, length, position })`.
 */
function fdPiece(data: unknown, rest: readonly unknown[]): string | Uint8Array | undefined {
  if (typeof data === 'string') {
    const [position, encoding] = rest;
    if (typeof position === 'number') return undefined;
    return asTextOrBytes(
      data,
      typeof encoding === 'string' ? (encoding as BufferEncoding) : undefined,
    );
  }
  if (!ArrayBuffer.isView(data)) return undefined;
  const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  const options =
    typeof rest[0] === 'object' && rest[0] !== null
      ? (rest[0] as Record<string, unknown>)
      : undefined;
  const [offset, length, position] =
    options === undefined ? rest : [options.offset, options.length, options.position];
  if (typeof position === 'number') return undefined;
  const from = typeof offset === 'number' ? offset : 0;
  const to = typeof length === 'number' ? from + length : bytes.length;
  return bytes.subarray(from, to);
}

/** Bytes a piece of output takes. */
function byteLength(piece: string | Uint8Array): number {
  return typeof piece === 'string' ? Buffer.byteLength(piece) : piece.length;
}

/** A chunk as text or bytes, or undefined when it is neither (object mode). */
function asTextOrBytes(
  chunk: unknown,
  encoding: BufferEncoding | undefined,
): string | Uint8Array | undefined {
  if (typeof chunk === 'string')
    return TEXT_ENCODINGS.has(encoding) ? chunk : Buffer.from(chunk, encoding);
  return chunk instanceof Uint8Array ? chunk : undefined;
}

/** Index of the last line feed in text or UTF-8 bytes (where 0x0A is only ever a line feed). */
function lastNewline(piece: string | Uint8Array): number {
  return typeof piece === 'string' ? piece.lastIndexOf('\n') : piece.lastIndexOf(NEWLINE);
}

/**
 * What identifies the terminal a stream writes to: the TTY device for a stream on a file
 * descriptor, so that stdout and stderr on one terminal are known to be one (on Windows, the
 * one console); else the stream itself.
 *
 * @param stream - a stream
 */
export function terminalOf(stream: Pick<HookableStream, 'isTTY' | 'fd'>): unknown {
  if (stream.isTTY !== true || typeof stream.fd !== 'number') return stream;
  // A Windows process has one console, and its handles have no device number to compare.
  if (process.platform === 'win32') return 'tty:console';
  try {
    return `tty:${fstatSync(stream.fd).rdev}`;
  } catch {
    return stream;
  }
}

/**
 * The streams whose output shows on the same terminal as `stream`: the stream itself, and
 * process.stdout and process.stderr when they are TTYs on that terminal.
 *
 * @param stream - the stream an animation draws on
 */
export function streamsOnTerminal(stream: HookableStream): HookableStream[] {
  const terminal = terminalOf(stream);
  const streams = [stream];
  for (const other of [process.stdout, process.stderr]) {
    if (other !== stream && other.isTTY && terminalOf(other) === terminal) streams.push(other);
  }
  return streams;
}

/**
 * A stream that draws on `stream` past the hooks: its `write` is the stream's own, so that
 * the animation's frames are never taken for the host's output.
 *
 * @param stream - the stream an animation draws on (its `write` not yet hooked)
 */
export function drawingStream(stream: TerminalStream): TerminalStream {
  const write = stream.write.bind(stream);
  return {
    write,
    get columns() {
      return stream.columns;
    },
    get rows() {
      return stream.rows;
    },
    get isTTY() {
      return stream.isTTY;
    },
    ...(stream.getWindowSize === undefined
      ? {}
      : { getWindowSize: stream.getWindowSize.bind(stream) }),
    on: stream.on.bind<TerminalStream['on']>(stream),
    off: stream.off.bind<TerminalStream['off']>(stream),
  };
}
