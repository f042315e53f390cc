/**
 * What `fish --progress` reads: a script's lines, each one a step, a count or a text. Pure:
 * the lines are split from bytes with a bounded memory, and each line changes the progress.
 *
 *     (empty, or any text)  one step more; a text becomes the label's text
 *     42                    the amount is 42
 *     42/120                the amount is 42, the total 120
 */

/** Bytes of a line kept at the most: the rest of a longer line is dropped, not held. */
export const MAX_LINE_BYTES = 1024;
const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/** The progress the lines told so far. */
export interface ProgressState {
  /** Steps done. */
  readonly amount: number;
  /** Steps in all, when known (raised to the amount when the amount passes it). */
  readonly total: number | undefined;
  /** The last line of text, for the label; undefined until one comes. */
  readonly text: string | undefined;
}

/** A count line: `42` or `42/120`, with spaces around allowed. */
const COUNT = /^\s*(\d{1,15})\s*(?:\/\s*(\d{1,15})\s*)?$/;

/**
 * The progress after one more line.
 *
 * @param state - the progress before
 * @param line - the line, without its line feed
 */
export function applyLine(state: ProgressState, line: string): ProgressState {
  const count = COUNT.exec(line);
  if (count !== null) {
    const amount = Number(count[1]);
    // `42` alone has no total: the group is empty.
    const total = count[2] ? Number(count[2]) : state.total;
    return { ...state, amount, total: total === undefined ? undefined : Math.max(total, amount) };
  }
  const amount = state.amount + 1;
  const total = state.total === undefined ? undefined : Math.max(state.total, amount);
  const text = line.trim();
  return { amount, total, text: text === '' ? state.text : text };
}

/**
 * The count as the status line shows it: `120/120`, or `37` with no total.
 *
 * @param state - the progress
 */
export function countText(state: ProgressState): string {
  return state.total === undefined ? String(state.amount) : `${state.amount}/${state.total}`;
}

/**
 * Splits bytes into lines, whatever the chunks, holding at most {@link MAX_LINE_BYTES} of a
 * line: a line of a gigabyte costs no more memory than a short one.
 */
export class LineSplitter {
  readonly #line = Buffer.alloc(MAX_LINE_BYTES);
  #length = 0;
  /** Bytes of the current line, kept or not. */
  #seen = 0;

  /**
   * Take a chunk; call `onLine` for each line it completes.
   *
   * @param chunk - bytes read
   * @param onLine - called with each complete line (UTF-8, without `\n` or a final `\r`)
   */
  push(chunk: Uint8Array, onLine: (line: string) => void): void {
    let from = 0;
    for (;;) {
      const end = chunk.indexOf(NEWLINE, from);
      this.#keep(chunk, from, end === -1 ? chunk.length : end);
      if (end === -1) return;
      onLine(this.#take());
      from = end + 1;
    }
  }

  /**
   * The last line, if the input ended without a line feed after it.
   *
   * @param onLine - called with that line, if there is one
   */
  end(onLine: (line: string) => void): void {
    if (this.#seen > 0) onLine(this.#take());
  }

  #keep(chunk: Uint8Array, from: number, to: number): void {
    const room = MAX_LINE_BYTES - this.#length;
    const kept = Math.min(room, to - from);
    this.#line.set(chunk.subarray(from, from + kept), this.#length);
    this.#length += kept;
    this.#seen += to - from;
  }

  #take(): string {
    let length = this.#length;
    if (length > 0 && this.#seen === length && this.#line[length - 1] === CARRIAGE_RETURN) length--;
    const line = this.#line.toString('utf8', 0, length);
    this.#length = 0;
    this.#seen = 0;
    return line;
  }
}
