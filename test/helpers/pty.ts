/**
 * End-to-end harness: run the real `fish` command in a pseudo-terminal (@lydell/node-pty) and
 * feed everything it writes to a real terminal emulator (@xterm/headless with Unicode 11
 * widths), so tests read the screen back cell by cell, as a user would see it.
 */
import { spawn, type IPty } from '@lydell/node-pty';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { createTerminal, inked, trackCursorVisibility, type Terminal } from './xterm.js';

/** The launcher users run. */
export const FISH_BIN = fileURLToPath(new URL('../../bin/fish.cjs', import.meta.url));

/** A command running in a pseudo-terminal, mirrored into a headless xterm. */
/** The bass, the default creature, facing either way. */
export const BASS = />\)\)'>|<'\(\(</;

/** The screen lines that show the bass. */
export const bassLines = (lines: readonly string[]): string[] =>
  lines.filter((line) => BASS.test(line));

/** Whether screen lines show the bass. */
export const showsBass = (lines: readonly string[]): boolean =>
  lines.some((line) => BASS.test(line));

/** A wait's test: the bass on the screen and the cursor hidden, as while it swims. */
export const swimming =
  (run: PtyRun) =>
  (lines: readonly string[]): boolean =>
    showsBass(lines) && !run.cursorVisible();

/**
 * Expect the program to end with `status` and, once the emulator has read all it wrote, to
 * leave the cursor shown.
 */
export async function expectExited(run: PtyRun, status: number): Promise<void> {
  expect(await run.exited).toBe(status);
  await run.flush();
  expect(run.cursorVisible()).toBe(true);
}

/**
 * Expect the program to end with `status`, the cursor shown and only `lines` on the screen:
 * nothing of the animation.
 */
export async function expectEndedClean(
  run: PtyRun,
  status: number,
  lines: readonly string[],
): Promise<void> {
  await expectExited(run, status);
  expect(inked(run.screen())).toEqual(lines);
}

/**
 * Run `test` on `run` and return what it returns; then end the program whatever happened
 * ({@link PtyRun.close}), so that a failed test leaves no process behind.
 */
export async function closing<T>(run: PtyRun, test: (run: PtyRun) => Promise<T>): Promise<T> {
  try {
    return await test(run);
  } finally {
    run.close();
  }
}

export interface PtyRun {
  /** The emulator showing what the program wrote. */
  readonly term: Terminal;
  /** Every byte the program wrote so far. */
  readonly output: () => string;
  /** Resolves with the exit status (128 + n when killed by signal n). */
  readonly exited: Promise<number>;
  /** Whether the cursor is visible (DECTCEM, as last set). */
  readonly cursorVisible: () => boolean;
  /** Wait until the emulator has processed everything written so far. */
  flush(): Promise<void>;
  /** The screen as lines of text (trailing blanks trimmed). */
  screen(): string[];
  /** Wait (polling) until `test(screen lines)` holds; rejects after `timeout` ms. */
  waitFor(test: (lines: string[]) => boolean, timeout?: number): Promise<void>;
  /** Resize both the pty and the emulator, as a terminal window does. */
  resize(cols: number, rows: number): void;
  /** Send bytes as if typed (`\x03` is Ctrl+C). */
  type(data: string): void;
  /** Send a signal to the program. */
  kill(signal: NodeJS.Signals): void;
  /**
   * Close the terminal as a window closes: the pty's master is closed and the program (the
   * session leader) gets SIGHUP, as node-pty's `destroy()` does.
   */
  closeTerminal(): void;
  /**
   * End the program if it is still running (SIGKILL), as a test's `finally` does so that a
   * failed test leaves no process behind; nothing once it has exited, so that a reused
   * process id is never signalled.
   */
  close(): void;
  /** The underlying pty. */
  readonly pty: IPty;
}

/** Options of {@link runInPty}. */
export interface PtyOptions {
  readonly cols?: number;
  readonly rows?: number;
  /** Extra environment, added to this process's (which test/setup.ts rid of CI variables). */
  readonly env?: Record<string, string>;
  /** Text the emulator shows before the program starts (e.g. a prompt), to check it survives. */
  readonly before?: string;
  /** The program to run (default: this Node.js, `args` being the script and its arguments). */
  readonly command?: string;
  /** Lines of scrollback of the emulator (default 1000). */
  readonly scrollback?: number;
  /** Re-wrap rows on resize (default true); false emulates a truncating terminal (see createTerminal). */
  readonly reflow?: boolean;
}

/**
 * Run a command (by default `node bin/fish.cjs`) in a pseudo-terminal.
 *
 * @param args - arguments after `node` (or after `options.command`)
 * @param options - size, environment, the program
 */
export function runInPty(args: readonly string[], options: PtyOptions = {}): PtyRun {
  const cols = options.cols ?? 80;
  const rows = options.rows ?? 24;
  const term = createTerminal(cols, rows, {
    scrollback: options.scrollback ?? 1000,
    reflow: options.reflow,
  });
  const cursorVisible = trackCursorVisibility(term);
  if (options.before) term.write(options.before);
  // CI variables are gone from this process's environment already (test/setup.ts).
  const env = { ...process.env, TERM: 'xterm-256color', ...options.env };
  const child = spawn(options.command ?? process.execPath, [...args], {
    name: 'xterm-256color',
    cols,
    rows,
    cwd: process.cwd(),
    env,
  });
  let output = '';
  let pendingWrites = Promise.resolve();
  let running = true;
  // The emulator's answers (a cursor position report to DSR, say) go back to the program, as
  // a real terminal's do.
  term.onData((data) => {
    if (running) child.write(data);
  });
  child.onData((data) => {
    output += data;
    pendingWrites = pendingWrites.then(
      () => new Promise<void>((resolve) => term.write(data, resolve)),
    );
  });
  const exited = new Promise<number>((resolve) => {
    child.onExit(({ exitCode, signal }) => {
      running = false;
      resolve(signal ? 128 + signal : exitCode);
    });
  });
  const flush = async (): Promise<void> => {
    // Two rounds: data that arrived while the first round was written.
    await pendingWrites;
    await new Promise((resolve) => setTimeout(resolve, 20));
    await pendingWrites;
  };
  const screen = (): string[] => {
    const lines: string[] = [];
    const buffer = term.buffer.active;
    for (let y = 0; y < term.rows; y++) {
      lines.push(buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '');
    }
    return lines;
  };
  return {
    term,
    output: () => output,
    exited,
    cursorVisible,
    flush,
    screen,
    async waitFor(test, timeout = 5000) {
      const deadline = Date.now() + timeout;
      for (;;) {
        await flush();
        if (test(screen())) return;
        if (Date.now() > deadline)
          throw new Error(`timed out waiting; screen was:\n${screen().join('\n')}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    resize(newCols, newRows) {
      // In order with the data already received, as a terminal window resizes between reads.
      pendingWrites = pendingWrites.then(() => term.resize(newCols, newRows));
      child.resize(newCols, newRows);
    },
    type: (data) => child.write(data),
    kill: (signal) => child.kill(signal),
    closeTerminal: () => {
      // Not in node-pty's typings, but every Unix pty has it: close the master, then SIGHUP.
      const closable = child as IPty & { destroy?: () => void };
      if (typeof closable.destroy !== 'function')
        throw new Error('this node-pty cannot close a pty master');
      closable.destroy();
    },
    close: () => {
      if (running) child.kill('SIGKILL');
    },
    pty: child,
  };
}
