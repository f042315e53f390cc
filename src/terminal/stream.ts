/**
 * The stream frames go to, and how a player writes to it: a stream nobody reads as fast as
 * frames come is left to drain (frames are skipped meanwhile), and a stream whose terminal
 * went away, or whose `write` throws, is written to no more.
 */

/** The stream a player draws on: a TTY write stream, or anything shaped like one. */
export interface TerminalStream {
  /** Writes a chunk; `callback` (where the stream takes one) once it is written or failed. */
  write(chunk: string, callback?: (error?: Error | null) => void): boolean;
  readonly columns?: number;
  readonly rows?: number;
  readonly isTTY?: boolean;
  /** The terminal's size asked of the terminal now (a TTY's ioctl), as `[columns, rows]`. */
  getWindowSize?(): [number, number];
  on(event: 'resize' | 'drain', listener: () => void): unknown;
  on(event: 'error', listener: (error: NodeJS.ErrnoException) => void): unknown;
  off(event: 'resize' | 'drain', listener: () => void): unknown;
  off(event: 'error', listener: (error: NodeJS.ErrnoException) => void): unknown;
}

/** Write errors that mean the terminal or the pipe's reader went away: no error of ours. */
const GONE_ON_WRITE = new Set(['EPIPE', 'EIO', 'ENXIO', 'ERR_STREAM_DESTROYED']);

/**
 * A terminal of fixed size that exists only as a place to draw: what is written goes nowhere
 * (a recording's tee or the `onFrame` hook sees it). It never resizes and never goes away.
 *
 * @param columns - its width
 * @param rows - its height
 */
export function detachedTerminal(columns: number, rows: number): TerminalStream {
  return {
    columns,
    rows,
    isTTY: true,
    write: () => true,
    on: () => undefined,
    off: () => undefined,
  };
}

/** What a {@link FrameWriter} tells its player. */
export interface FrameWriterHooks {
  /** The stream drained after its buffer filled: the latest frame can be drawn now. */
  readonly onDrain: () => void;
  /** The terminal went away (EPIPE, EIO and the like): nothing more can be written. */
  readonly onGone: () => void;
  /** `write` threw: nothing more is written (the error is thrown on to the writer's caller). */
  readonly onFailed: () => void;
}

/**
 * A player's writes to its stream. Listens for the stream's errors from the start: one that
 * says the terminal went away ends the writing (`onGone`); any other is thrown, as an
 * unhandled stream error would be.
 */
export class FrameWriter {
  readonly #stream: TerminalStream;
  readonly #hooks: FrameWriterHooks;
  /**
   * The stream's buffer is full (`write` returned false): nobody reads it as fast as frames
   * come. The player skips frames until it drains.
   */
  #congested = false;
  /** Written to no more: closed, gone or failed. */
  #done = false;

  readonly #onDrain = (): void => {
    this.#congested = false;
    this.#stream.off('drain', this.#onDrain);
    this.#hooks.onDrain();
  };

  readonly #onError = (error: NodeJS.ErrnoException): void => {
    if (!GONE_ON_WRITE.has(error.code ?? '')) throw error;
    if (this.#done) return;
    this.#end();
    this.#hooks.onGone();
  };

  /**
   * @param stream - where frames go
   * @param hooks - what to tell the player
   */
  constructor(stream: TerminalStream, hooks: FrameWriterHooks) {
    this.#stream = stream;
    this.#hooks = hooks;
    stream.on('error', this.#onError);
  }

  /** Whether the stream's buffer is full: a frame drawn now would only queue behind it. */
  get congested(): boolean {
    return this.#congested;
  }

  /**
   * Write `bytes` (nothing for ''). A stream whose buffer fills is waited for (see
   * `congested`); one whose `write` throws is done with, once (`onFailed`), and the error
   * goes on to the caller.
   */
  write(bytes: string): void {
    if (bytes === '') return;
    let drained: boolean;
    try {
      drained = this.#stream.write(bytes);
    } catch (error) {
      if (!this.#done) {
        this.#end();
        this.#stream.off('error', this.#onError);
        this.#hooks.onFailed();
      }
      throw error;
    }
    if (!drained && !this.#congested) {
      this.#congested = true;
      this.#stream.on('drain', this.#onDrain);
    }
  }

  /**
   * Write the last bytes and let the stream go. A write that fails (the terminal went away)
   * reports it a moment after its callback: the error listener stays until then, so that it
   * never reaches the host as an unhandled 'error'.
   */
  close(bytes: string): void {
    this.#end();
    if (bytes === '') {
      this.#stream.off('error', this.#onError);
      return;
    }
    try {
      this.#stream.write(bytes, () =>
        setImmediate(() => this.#stream.off('error', this.#onError)).unref(),
      );
    } catch (error) {
      this.#stream.off('error', this.#onError);
      throw error;
    }
  }

  /** Write no more and stop waiting for a drain (the error listener goes last, see `close`). */
  #end(): void {
    this.#done = true;
    this.#stream.off('drain', this.#onDrain);
  }
}
