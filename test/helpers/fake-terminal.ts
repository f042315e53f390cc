/**
 * The one fake terminal of the in-process tests: a stream shaped like a TTY (`isTTY`,
 * `columns`, `rows`, `write`, `on`, `off`), which is what the engine writes to, wired to a
 * headless xterm of the same size, which is what a user would see. Resizing it resizes the
 * emulator first (which reflows, as a terminal window does) and then tells the engine, as
 * SIGWINCH would. Tests that need a real process and a real kernel tty use pty.ts instead.
 */
import { createTerminal, readLines, writeAsync, type Terminal } from './xterm.js';

/**
 * xterm.js's smallest width: a narrower terminal is emulated by one this wide, so that the
 * engine's columns are the emulator's leftmost ones.
 */
export const XTERM_MIN_COLS = 2;

/** An event listener, of any arguments. */
type Listener = (...args: never[]) => void;

/** The stream a fake terminal gives the engine. */
export interface FakeStream {
  isTTY: boolean;
  columns: number;
  rows: number;
  write(chunk: string | Uint8Array, ...rest: unknown[]): boolean;
  on(event: string, listener: Listener): unknown;
  off(event: string, listener: Listener): unknown;
}

/** A TTY-like stream and the terminal it shows on. */
export interface FakeTerminal {
  /** The stream to give the engine (`fish({ stream })`, `startPlayer`). */
  readonly stream: FakeStream;
  /** The emulator. */
  readonly term: Terminal;
  /** Every byte written so far. */
  bytes(): string;
  /** The screen's lines once the emulator has caught up (trailing blanks trimmed). */
  lines(): Promise<string[]>;
  /**
   * Wait until the emulator has processed everything written.
   *
   * @returns the bytes written since the last flush
   */
  flush(): Promise<string>;
  /**
   * Resize as a terminal window does: the emulator reflows first, then the program hears of
   * it ('resize') and answers.
   *
   * @param afterReflow - called between the two, to look at the reflowed screen
   * @returns the bytes the program wrote in answer (already processed by the emulator)
   */
  resize(cols: number, rows: number, afterReflow?: () => void): Promise<string>;
  /** Listeners by event, as the stream holds them. */
  readonly listeners: Map<string, Set<Listener>>;
  /** Release the emulator. */
  dispose(): void;
}

/** How a fake terminal starts. */
export interface FakeTerminalOptions {
  /** What the stream says it is (default true). */
  isTTY?: boolean;
  /** Lines of the emulator's scrollback (default 1000). */
  scrollback?: number;
  /** Text already on the screen, as a shell's prompt and earlier output would be. */
  before?: string;
}

/**
 * A fake terminal of `cols × rows`. Line feeds return to column 0, as a tty's ONLCR does.
 *
 * @param cols - columns (at least 1)
 * @param rows - rows (at least 1)
 */
export function fakeTerminal(
  cols = 40,
  rows = 10,
  options: FakeTerminalOptions = {},
): FakeTerminal {
  const term = createTerminal(Math.max(XTERM_MIN_COLS, cols), rows, {
    convertEol: true,
    scrollback: options.scrollback ?? 1000,
  });
  if (options.before !== undefined) term.write(options.before);
  let bytes = '';
  let flushed = 0;
  const listeners = new Map<string, Set<Listener>>();
  const stream: FakeStream = {
    isTTY: options.isTTY ?? true,
    columns: cols,
    rows,
    write(chunk: string | Uint8Array, ...rest: unknown[]): boolean {
      const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      bytes += text;
      term.write(text);
      const callback = rest.find((arg): arg is () => void => typeof arg === 'function');
      if (callback !== undefined) process.nextTick(callback);
      return true;
    },
    on(event: string, listener: Listener): unknown {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event)?.add(listener);
      return stream;
    },
    off(event: string, listener: Listener): unknown {
      listeners.get(event)?.delete(listener);
      return stream;
    },
  };
  const flush = async (): Promise<string> => {
    await writeAsync(term, '');
    const since = bytes.slice(flushed);
    flushed = bytes.length;
    return since;
  };
  return {
    stream,
    term,
    bytes: () => bytes,
    lines: async () => {
      await writeAsync(term, '');
      return readLines(term);
    },
    flush,
    async resize(newCols, newRows, afterReflow) {
      await flush();
      stream.columns = newCols;
      stream.rows = newRows;
      term.resize(Math.max(XTERM_MIN_COLS, newCols), newRows);
      afterReflow?.();
      for (const listener of [...(listeners.get('resize') ?? [])]) listener();
      return flush();
    },
    listeners,
    dispose: () => term.dispose(),
  };
}
