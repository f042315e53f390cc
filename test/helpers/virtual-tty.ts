/**
 * A terminal window for in-process tests of the engine: a stream shaped like a TTY, which is
 * what the engine writes to, wired to a headless xterm of the same size, which is what a user
 * would see. Resizing it resizes the emulator first (which reflows, as a terminal window
 * does) and then tells the engine, as SIGWINCH would.
 */
import { EventEmitter } from 'node:events';
import type { TerminalStream } from '../../src/terminal/stream.js';
import { createTerminal, writeAsync, type Terminal } from './xterm.js';

/**
 * xterm.js's smallest width: a narrower terminal is emulated by one this wide, so that the
 * engine's columns are the emulator's leftmost ones.
 */
export const XTERM_MIN_COLS = 2;

/** A fake TTY stream whose writes reach a headless xterm when {@link VirtualTty.flush} is awaited. */
export class VirtualTty extends EventEmitter implements TerminalStream {
  readonly isTTY = true;
  columns: number;
  rows: number;
  /** The emulator showing what was written. */
  readonly term: Terminal;
  /** Written and not yet given to the emulator. */
  #pending = '';

  /**
   * @param cols - columns (at least 1)
   * @param rows - rows (at least 1)
   * @param scrollback - lines of scrollback of the emulator (default 1000)
   */
  constructor(cols: number, rows: number, scrollback = 1000) {
    super();
    this.columns = cols;
    this.rows = rows;
    this.term = createTerminal(Math.max(XTERM_MIN_COLS, cols), rows, { scrollback });
  }

  write(chunk: string): boolean {
    this.#pending += chunk;
    return true;
  }

  /**
   * Give everything written so far to the emulator and wait until it has processed it.
   *
   * @returns the bytes given
   */
  async flush(): Promise<string> {
    const bytes = this.#pending;
    this.#pending = '';
    if (bytes !== '') await writeAsync(this.term, bytes);
    return bytes;
  }

  /**
   * Resize as a terminal window does: the emulator reflows what it shows at the new size
   * first, then the program hears of it ('resize') and answers.
   *
   * @param cols - new columns
   * @param rows - new rows
   * @param afterReflow - called between the two, to look at the reflowed screen
   * @returns the bytes the program wrote in answer (already processed by the emulator)
   */
  async resize(cols: number, rows: number, afterReflow?: () => void): Promise<string> {
    await this.flush();
    this.columns = cols;
    this.rows = rows;
    this.term.resize(Math.max(XTERM_MIN_COLS, cols), rows);
    afterReflow?.();
    this.emit('resize');
    return this.flush();
  }

  /** Release the emulator. */
  dispose(): void {
    this.term.dispose();
  }
}
