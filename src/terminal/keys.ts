/**
 * Single key presses from a terminal: stdin in raw mode while an animation wants keys, put
 * back as it was when it is done.
 */

/** The part of a TTY read stream (`process.stdin`) that key reading needs. */
export interface KeyInput {
  readonly isTTY?: boolean;
  readonly isRaw?: boolean;
  setRawMode?(mode: boolean): unknown;
  on(event: 'data', listener: (data: Buffer | string) => void): unknown;
  off(event: 'data', listener: (data: Buffer | string) => void): unknown;
  resume(): unknown;
  pause(): unknown;
}

/** The Ctrl+C key: in raw mode it is a byte to read, not a signal. */
export const CTRL_C = '\u0003';
/** ESC, which starts the sequences that arrow and function keys send. */
const ESC = '\u001b';

/**
 * Read keys from `input` when it is a TTY: raw mode on (no echo, no line editing, Ctrl+C
 * read as {@link CTRL_C}), each key passed to `onKey` as the character it types. Sequences
 * sent by arrow and function keys (starting with ESC) are ignored.
 *
 * @param input - usually `process.stdin`
 * @param onKey - called with each key
 * @returns a function that puts the input back as it was (raw mode off, paused); idempotent.
 *   Nothing is done, and the function does nothing, when `input` is not a TTY.
 */
export function listenForKeys(input: KeyInput, onKey: (key: string) => void): () => void {
  if (input.isTTY !== true || input.setRawMode === undefined) return () => {};
  const wasRaw = input.isRaw === true;
  const onData = (data: Buffer | string): void => {
    const text = typeof data === 'string' ? data : data.toString('utf8');
    // One read holds one key, or one key's escape sequence; pasted text comes key by key.
    for (const key of text) {
      if (key === ESC) return;
      onKey(key);
    }
  };
  input.setRawMode(true);
  input.on('data', onData);
  input.resume();
  let listening = true;
  return () => {
    if (!listening) return;
    listening = false;
    input.off('data', onData);
    input.setRawMode?.(wasRaw);
    // A paused stdin no longer holds the process open.
    input.pause();
  };
}
