/**
 * The terminal's size, as the engine takes it, and the size of the surface drawn on it.
 */
import type { TerminalStream } from './stream.js';

/**
 * The largest terminal the engine believes in. A stream may report any number: one above
 * these is taken as these (a grid of a billion cells would take the process down), and one
 * that is not a whole number of at least 1 is not a size at all.
 */
export const MAX_TERMINAL = { columns: 1000, rows: 500 } as const;

/**
 * A size a stream reports, as the engine takes it: a whole number from 1 to `max`, or
 * undefined where it is no size at all (NaN, 0, negative, not a number).
 *
 * @param value - what the stream said
 * @param max - the largest size believed
 */
export function sanitizeSize(value: unknown, max: number): number | undefined {
  if (typeof value !== 'number' || !(value >= 1)) return undefined;
  return Math.min(max, Math.floor(value));
}

/**
 * The terminal's size now (each undefined where the stream does not say). A TTY is asked directly: `columns` and `rows` change only when the
 * process has handled SIGWINCH, and a frame drawn for the old size in between lands where the
 * region no longer is.
 */
export function terminalSize(stream: TerminalStream): { columns?: number; rows?: number } {
  let size: readonly unknown[] = [stream.columns, stream.rows];
  try {
    size = stream.getWindowSize?.() ?? size;
  } catch {
    // A stream that cannot say (closed, or no longer a terminal): what it last knew.
  }
  return {
    columns: sanitizeSize(size[0], MAX_TERMINAL.columns),
    rows: sanitizeSize(size[1], MAX_TERMINAL.rows),
  };
}

/**
 * The rows an animation wants: a number, or a function asked at each frame, for an animation
 * whose height changes while it runs (a school, as tasks are added and end).
 */
export type Height = number | (() => number);

/** A surface's size in cells. */
export interface SurfaceSize {
  readonly cols: number;
  readonly rows: number;
}

/**
 * The size of a surface on a terminal: the terminal's width, and the rows the animation
 * wants, capped at the terminal's height. It notes the terminal's size each time it measures:
 * not the surface's, because a terminal that gets lower may take rows from below the cursor
 * even where the surface keeps its height, so any change of the terminal's size makes the
 * surface anew.
 */
export class SurfaceSizer {
  readonly #stream: TerminalStream;
  readonly #height: Height;
  readonly #wholeScreen: boolean;
  /** The terminal's size when it was last measured. */
  #noted = { columns: 0, rows: 0 };

  /**
   * @param stream - the terminal
   * @param height - the rows the animation wants (the fallback height for a whole screen), or
   *   a function that says it each time it is measured
   * @param wholeScreen - the surface is the whole terminal (the alternate screen), whatever
   *   its height now
   */
  constructor(stream: TerminalStream, height: Height, wholeScreen: boolean) {
    this.#stream = stream;
    this.#height = height;
    this.#wholeScreen = wholeScreen;
  }

  /** The surface's size now, without noting the terminal's. */
  size(): SurfaceSize {
    const terminal = terminalSize(this.#stream);
    const height = this.#wanted();
    const wanted = this.#wholeScreen ? (terminal.rows ?? height) : height;
    return {
      cols: Math.max(1, terminal.columns ?? 80),
      rows: Math.max(1, Math.min(wanted, terminal.rows ?? wanted)),
    };
  }

  /** Whether the terminal's size is not the one last noted. */
  changed(): boolean {
    return this.#differs(this.#terminal());
  }

  /** Note the terminal's size: whether it changed since it was last noted. */
  note(): boolean {
    const terminal = this.#terminal();
    if (!this.#differs(terminal)) return false;
    this.#noted = terminal;
    return true;
  }

  /** The terminal's size, with the defaults the surface takes for what it does not say. */
  #terminal(): { columns: number; rows: number } {
    const { columns = 80, rows = this.#wanted() } = terminalSize(this.#stream);
    return { columns, rows };
  }

  /** The rows the animation wants now. */
  #wanted(): number {
    return typeof this.#height === 'number' ? this.#height : this.#height();
  }

  #differs(terminal: { columns: number; rows: number }): boolean {
    return terminal.columns !== this.#noted.columns || terminal.rows !== this.#noted.rows;
  }
}
