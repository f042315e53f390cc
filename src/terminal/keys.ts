/**
 * The keyboard while an animation owns the terminal: stdin in raw mode, so that typed keys
 * never echo into the animation and Enter never moves the cursor under it; the keys a
 * terminal turns into signals in its usual mode (Ctrl+C, Ctrl+Z, Ctrl+\) still do what they
 * did; stdin put back exactly as it was when it is done.
 */
import { terminalOf } from './intercept.js';

/** The part of a TTY read stream (`process.stdin`) that the keyboard needs. */
export interface KeyInput {
  readonly isTTY?: boolean;
  /** The file descriptor (to tell which terminal it is). */
  readonly fd?: number;
  readonly isRaw?: boolean;
  /** `null` until anything reads the stream, then true or false (see Node's readable streams). */
  readonly readableFlowing?: boolean | null;
  setRawMode?(mode: boolean): unknown;
  on(event: 'data', listener: (data: Buffer | string) => void): unknown;
  on(event: 'error', listener: (error: NodeJS.ErrnoException) => void): unknown;
  on(event: 'end', listener: () => void): unknown;
  off(event: 'data', listener: (data: Buffer | string) => void): unknown;
  off(event: 'error', listener: (error: NodeJS.ErrnoException) => void): unknown;
  off(event: 'end', listener: () => void): unknown;
  listenerCount(event: string): number;
  resume(): unknown;
  pause(): unknown;
  /** Let the process exit while it reads (a TTY stream is a socket). */
  unref?(): unknown;
  ref?(): unknown;
}

/** The signals a terminal sends for a key in its usual mode, which raw mode turns into bytes. */
export type KeySignal = 'SIGINT' | 'SIGQUIT' | 'SIGTSTP';

/**
 * The keys a terminal turns into signals (its default VINTR, VQUIT and VSUSP characters):
 * in raw mode they arrive as these bytes, and the keyboard sends the signals itself.
 */
const SIGNAL_KEYS: Readonly<Partial<Record<string, KeySignal>>> = {
  '\u0003': 'SIGINT', // Ctrl+C
  '\u001c': 'SIGQUIT', // Ctrl+\
  '\u001a': 'SIGTSTP', // Ctrl+Z
};

/** ESC, which starts the sequences that arrow and function keys send. */
const ESC = '\u001b';

/** Read errors that mean the terminal went away. */
const GONE_ON_READ = new Set(['EIO', 'ENXIO', 'EPIPE', 'ECONNRESET']);

/** Options of {@link claimKeyboard}. */
export interface KeyboardOptions {
  /** Each other key, as the character it types (default: none, every key is discarded). */
  readonly onKey?: (key: string) => void;
  /** Ctrl+C, Ctrl+\ or Ctrl+Z was pressed: do what the signal would. */
  readonly onSignalKey: (signal: KeySignal) => void;
  /** The terminal went away (stdin ended, or reading failed with EIO). */
  readonly onGone: () => void;
  /** Read without keeping the process alive (for embedding). */
  readonly unref?: boolean;
}

/** A keyboard in raw mode, until {@link Keyboard.release}. */
export interface Keyboard {
  /** Before the process stops: the terminal's usual mode back (echo, line editing, signals). */
  suspend(): void;
  /**
   * After it continues: raw mode again, set anew even where Node believes it is still on (the
   * shell resets the terminal while a job is stopped, and Node skips a mode it thinks it has).
   */
  resume(): void;
  /** Give stdin back exactly as it was (raw mode, reading, listeners); idempotent. */
  release(): void;
}

/**
 * Take the keyboard: raw mode on (no echo, no line editing, Ctrl+C read as a byte), every
 * key passed to `onKey` or discarded, Ctrl+C / Ctrl+\ / Ctrl+Z passed to `onSignalKey`.
 * Sequences sent by arrow and function keys (starting with ESC) reach `onKey` as ESC alone.
 *
 * @param input - usually `process.stdin`
 * @param options - what to do with the keys
 * @returns the keyboard, or undefined (nothing done) when `input` is not a TTY
 */
export function claimKeyboard(input: KeyInput, options: KeyboardOptions): Keyboard | undefined {
  if (input.isTTY !== true || input.setRawMode === undefined) return undefined;
  const wasRaw = input.isRaw === true;
  const wasFlowing = input.readableFlowing ?? null;
  let claimed = true;
  const onData = (data: Buffer | string): void => {
    const text = typeof data === 'string' ? data : data.toString('utf8');
    // One read holds one key, one key's escape sequence, or pasted text.
    for (const key of text) {
      if (!claimed) return;
      // The rest of the read is the key's sequence: the key is passed on as ESC alone.
      if (key === ESC) {
        options.onKey?.(ESC);
        return;
      }
      const signal = SIGNAL_KEYS[key];
      if (signal !== undefined) options.onSignalKey(signal);
      else options.onKey?.(key);
    }
  };
  const onError = (error: NodeJS.ErrnoException): void => {
    if (GONE_ON_READ.has(error.code ?? '')) {
      options.onGone();
      return;
    }
    // Anything else is a real fault: unhandled, as it would have been without us.
    if (input.listenerCount('error') === 1) throw error;
  };
  const onEnd = (): void => options.onGone();
  const setRaw = (mode: boolean): void => {
    // A terminal that went away refuses any mode (EIO): nothing is left to put back.
    try {
      input.setRawMode?.(mode);
    } catch {
      // Emitted as 'error' on a stream without another listener: ours is still there.
    }
  };
  input.on('error', onError);
  input.on('end', onEnd);
  input.on('data', onData);
  setRaw(true);
  if (options.unref === true) input.unref?.();
  input.resume();
  return {
    suspend() {
      if (claimed) setRaw(wasRaw);
    },
    resume() {
      if (!claimed) return;
      setRaw(false);
      setRaw(true);
    },
    release() {
      if (!claimed) return;
      claimed = false;
      input.off('data', onData);
      setRaw(wasRaw);
      input.off('end', onEnd);
      input.off('error', onError);
      if (options.unref === true) input.ref?.();
      if (wasFlowing === true) return;
      // Not read by anyone: a paused stdin no longer holds the process open.
      input.pause();
      // Never read before: back to "nobody has read it", so that a host that attaches a
      // 'data' listener later starts it flowing, as it would have without us (a paused
      // stream waits for an explicit resume()).
      if (wasFlowing === null) restoreUnread(input);
    },
  };
}

/** Node's readable state, where the "not yet read" state lives (the public API cannot set it back). */
interface ReadableState {
  flowing: boolean | null;
}

/** Put a paused stream back in the state of one that nothing has read yet. */
function restoreUnread(input: KeyInput): void {
  const state = (input as { _readableState?: ReadableState })._readableState;
  if (state?.flowing === false) state.flowing = null;
}

/**
 * Whether the host reads `input` itself: listeners for its data, raw mode already on, or
 * flowing. A keyboard claimed then would take the host's keys.
 *
 * @param input - usually `process.stdin`
 */
export function hostReadsKeys(input: KeyInput): boolean {
  return (
    input.listenerCount('data') > 0 ||
    input.listenerCount('readable') > 0 ||
    input.isRaw === true ||
    input.readableFlowing === true
  );
}

/**
 * The terminal's keyboard: stdin, when it is a TTY; else undefined. Asked of the descriptor
 * first: `process.stdin` is made on first use, and nothing else needs it.
 */
export function terminalKeyboard(): KeyInput | undefined {
  // node:tty taken here, not imported: loading it loads Node's streams and net (some 5 ms of
  // every `import 'fish'`), and a host that never animates never needs it.
  return process.getBuiltinModule('node:tty').isatty(0) ? process.stdin : undefined;
}

/**
 * The keyboard to discard typed keys from while an animation runs on `terminal` (see
 * `terminalOf`): stdin, when it is a TTY, is that same terminal, and, unless `discard` is
 * true, is not read by the host. Undefined when there is none or `discard` is false.
 *
 * @param discard - the host's choice (undefined: decide as above)
 * @param terminal - the terminal the animation draws on
 */
export function keyboardToDiscard(
  discard: boolean | undefined,
  terminal: unknown,
): KeyInput | undefined {
  const stdin = discard === false ? undefined : terminalKeyboard();
  if (stdin === undefined || discard === true) return stdin;
  return terminalOf(stdin) === terminal && !hostReadsKeys(stdin) ? stdin : undefined;
}
