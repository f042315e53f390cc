/**
 * An interactive bash in a pseudo-terminal, for what only a shell with job control shows:
 * Ctrl+Z and `fg`, the job lines, a loop that stops on Ctrl+C, `$?`. Its prompt is `$ `.
 */
import { runInPty, type PtyRun } from './pty.js';
import { inked } from './xterm.js';

/** The shell is waiting at its prompt: its last line with anything on it is `$ `. */
export const atPrompt = (lines: string[]): boolean => inked(lines).at(-1)?.trimEnd() === '$';

/** A job was stopped (Ctrl+Z) and the shell is back at its prompt. */
export const jobStopped = (lines: string[]): boolean =>
  lines.some((line) => line.startsWith('[1]+  Stopped')) && atPrompt(lines);

/**
 * Start `bash -i` (no startup files, no history file) and wait for its prompt. End it with
 * `closeTerminal()`, which ends its jobs too.
 *
 * @param env - extra environment (for short command lines: `node "$FISH"`)
 */
export async function runShell(env: Record<string, string> = {}): Promise<PtyRun> {
  const run = runInPty(['--norc', '--noprofile', '-i'], {
    command: 'bash',
    cols: 60,
    rows: 14,
    env: { PS1: '$ ', HISTFILE: '/dev/null', ...env },
  });
  await run.waitFor(atPrompt);
  return run;
}

/**
 * Run `test` on an interactive bash in a pseudo-terminal (see {@link runShell}), then close
 * its terminal whatever happened, as a window closes, so that a failed test leaves nothing
 * running.
 */
export async function inShell(
  env: Record<string, string>,
  test: (run: PtyRun) => Promise<void>,
): Promise<void> {
  const run = await runShell(env);
  try {
    await test(run);
  } finally {
    run.closeTerminal();
  }
}

/** Ask the shell for the last status (`status N`), and read it back. */
export async function lastStatus(run: PtyRun): Promise<string> {
  run.type('echo "status $?"\r');
  await run.waitFor((lines) => lines.some((line) => line.startsWith('status ')));
  return run.screen().find((line) => line.startsWith('status ')) ?? '';
}

/** Wait until the program has written at least `bytes` more (a few frames), from now. */
export async function moreOutput(run: PtyRun, bytes = 120): Promise<void> {
  const start = run.output().length;
  await run.waitFor(() => run.output().length >= start + bytes);
}
