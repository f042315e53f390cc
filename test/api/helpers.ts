/**
 * A fake terminal for the API's unit tests: a stream shaped like a TTY (`isTTY`, `columns`,
 * `rows`, `write`, `on`, `off`) whose bytes go to a headless xterm, read back as lines.
 */
import { createTerminal, readLines, writeAsync, type Terminal } from '../helpers/xterm.js';

/** An event listener, of any arguments. */
type Listener = (...args: never[]) => void;

/** A TTY-like stream and the terminal it shows on. */
export interface FakeTerminal {
  /** The stream to give `fish({ stream })`. */
  readonly stream: {
    isTTY: boolean;
    columns: number;
    rows: number;
    write(chunk: string | Uint8Array, ...rest: unknown[]): boolean;
    on(event: string, listener: Listener): unknown;
    off(event: string, listener: Listener): unknown;
  };
  /** The emulator. */
  readonly term: Terminal;
  /** Every byte written so far. */
  bytes(): string;
  /** The screen's lines once the emulator has caught up (trailing blanks trimmed). */
  lines(): Promise<string[]>;
  /** Listeners by event, as the stream holds them. */
  readonly listeners: Map<string, Set<Listener>>;
}

/**
 * A fake terminal of `cols × rows`. Line feeds return to column 0, as a tty's ONLCR does.
 *
 * @param cols - columns
 * @param rows - rows
 * @param isTTY - what the stream says it is
 */
export function fakeTerminal(cols = 40, rows = 10, isTTY = true): FakeTerminal {
  const term = createTerminal(cols, rows, { convertEol: true, scrollback: 1000 });
  let bytes = '';
  const listeners = new Map<string, Set<Listener>>();
  const stream = {
    isTTY,
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
  return {
    stream,
    term,
    bytes: () => bytes,
    lines: async () => {
      await writeAsync(term, '');
      return readLines(term);
    },
    listeners,
  };
}

/** Lines with anything on them. */
export const inked = (lines: readonly string[]): string[] =>
  lines.filter((line) => line.trim() !== '');

/** Wait `ms` milliseconds. */
export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));

/** The escape character: a plain line holds none. */
export const ESC = '\u001B';
