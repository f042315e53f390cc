/**
 * The host's output while an animation is on the screen. Whatever the host writes to the
 * terminal the animation draws on (console.log, `stream.write`, on stdout or stderr) must come
 * out whole above the animation. So, while an animation runs, `write` is hooked on every
 * stream that reaches that terminal: complete lines go out at once, between taking the region
 * off the screen and drawing it again below them; a trailing partial line is held back until
 * a later write completes it, or until the animation stops.
 */
import { fstatSync } from 'node:fs';
import type { TerminalStream } from './player.js';

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
export function hookHostOutput(streams: readonly HookableStream[], hooks: HostOutputHooks): HostOutput {
  let held: Piece[] = [];
  let active = true;
  const restorers = streams.map((stream) => {
    const original = stream.write as WriteFunction;
    const hadOwnWrite = Object.prototype.hasOwnProperty.call(stream, 'write');
    const write = original.bind(stream);
    const hooked: WriteFunction = (chunk, encodingOrCallback, callback) => {
      const encoding = typeof encodingOrCallback === 'string' ? encodingOrCallback : undefined;
      const done = typeof encodingOrCallback === 'function' ? encodingOrCallback : callback;
      const piece = asTextOrBytes(chunk, encoding);
      // Object-mode and empty chunks, and anything after restore(), are not ours to touch.
      if (!active || piece === undefined || piece.length === 0) {
        return original.call(stream, chunk, encodingOrCallback, callback);
      }
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
    stream.write = hooked;
    return (): void => {
      // Someone who hooked `write` after us keeps theirs; ours then passes writes straight on.
      if (stream.write !== hooked) return;
      if (hadOwnWrite) stream.write = original;
      else delete (stream as { write?: unknown }).write;
    };
  });
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

/** A chunk as text or bytes, or undefined when it is neither (object mode). */
function asTextOrBytes(chunk: unknown, encoding: BufferEncoding | undefined): string | Uint8Array | undefined {
  if (typeof chunk === 'string') return TEXT_ENCODINGS.has(encoding) ? chunk : Buffer.from(chunk, encoding);
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
    if (other !== stream && other.isTTY === true && terminalOf(other) === terminal) streams.push(other);
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
    ...(stream.getWindowSize === undefined ? {} : { getWindowSize: stream.getWindowSize.bind(stream) }),
    on: stream.on.bind(stream) as TerminalStream['on'],
    off: stream.off.bind(stream) as TerminalStream['off'],
  };
}
