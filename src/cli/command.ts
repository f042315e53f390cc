/**
 * `fish [options] -- COMMAND [ARGS…]`: the fish swims while a command runs, as a shell's
 * foreground job. The command is started directly (no shell in between), in fish's process
 * group, with fish's stdin. On a terminal its stdout and stderr come through pipes and are
 * written with process.stdout and process.stderr, which the library's host-output hooks keep
 * whole above the strip; elsewhere (a file, a CI log) they are the command's own, untouched.
 */
import type { ChildProcess } from 'node:child_process';
import { constants } from 'node:os';
import { shorten } from '../art/untrusted.js';
import { dieBy } from '../terminal/signals.js';
import type { CliOptions } from './args.js';
import { lookUpCommand } from './command-path.js';
import { startStrip, stripAnimates, type Strip } from './strip.js';

/** Characters of the command line shown beside the fish, at the most. */
const COMMAND_TEXT_LENGTH = 60;

/**
 * Signals that reach fish while the command runs, and what fish does with each: a key's
 * signal (Ctrl+C, Ctrl+\) reaches the whole foreground group from the terminal, so the
 * command has it already and fish only waits to report; SIGTERM, sent to fish alone, is sent
 * on to the command.
 */
const SIGNAL_ACTIONS = { SIGINT: 'wait', SIGQUIT: 'wait', SIGTERM: 'forward' } as const;

/** How a command ended. */
type Ending =
  | { readonly kind: 'exit'; readonly code: number }
  | { readonly kind: 'signal'; readonly signal: NodeJS.Signals }
  | { readonly kind: 'not-started'; readonly error: NodeJS.ErrnoException };

/**
 * Run the command after `--` with the fish beside it, and report how it ended.
 *
 * @param options - the command line, with `command`
 * @param command - the command's name and arguments
 * @returns fish's exit status: the command's, 128+n after its signal n, 127 or 126 when it
 *   could not be started
 */
export async function runCommand(options: CliOptions, command: readonly string[]): Promise<number> {
  const text = options.text ?? shorten(command.join(' '), COMMAND_TEXT_LENGTH);
  const animates = stripAnimates();
  // Through fish only where the strip shares the terminal with them; else the command's own.
  const output = (stream: NodeJS.WriteStream): 'pipe' | 'inherit' =>
    animates && stream.isTTY ? 'pipe' : 'inherit';
  const [file, ...args] = command;
  const lookup = lookUpCommand(file, process.env.PATH);
  if (!lookup.found) {
    process.stderr.write(`fish: ${shorten(file)}: ${lookup.reason}\n`);
    return lookup.status;
  }
  // First: a signal that comes while the command starts must not end fish by default.
  const held = holdSignals(() => strip.animation.stop());
  // Before the command starts: off a terminal, `- TEXT` comes before anything it writes.
  const strip = startStrip(options, text, options.sync);
  // node:child_process taken here, not imported: it loads net and more, some 8 ms of every
  // start of the CLI, which runs a command only with `--`.
  const { spawn } = process.getBuiltinModule('node:child_process');
  const started = spawn(file, args, {
    stdio: ['inherit', output(process.stdout), output(process.stderr)],
  });
  held.forwardTo(started);
  started.stdout?.pipe(process.stdout, { end: false });
  started.stderr?.pipe(process.stderr, { end: false });
  const ending = await new Promise<Ending>((resolve) => {
    started.once('error', (error: NodeJS.ErrnoException) => {
      if (started.pid === undefined) resolve({ kind: 'not-started', error });
    });
    started.once('close', (code, signal) => {
      resolve(signal === null ? { kind: 'exit', code: code ?? 0 } : { kind: 'signal', signal });
    });
  });
  held.release();
  return report(ending, file, text, strip);
}

/**
 * The status line, and fish's status. A command killed by Ctrl+C makes fish die by SIGINT
 * too, once the terminal is clean: a shell running a loop of `fish -- …` then stops the loop,
 * as it would for the command alone.
 */
function report(ending: Ending, file: string, text: string, strip: Strip): number {
  if (ending.kind === 'not-started') {
    // Found, yet refused by the system (a file of an unknown format): no status line.
    strip.animation.stop();
    const missing = ending.error.code === 'ENOENT';
    const reason = missing
      ? 'command not found'
      : ending.error.code === 'EACCES'
        ? 'permission denied'
        : `cannot run it (${ending.error.code ?? ending.error.message})`;
    process.stderr.write(`fish: ${shorten(file)}: ${reason}\n`);
    return missing ? 127 : 126;
  }
  const { animation } = strip;
  if (ending.kind === 'exit') {
    if (ending.code === 0) animation.succeed(text);
    else animation.fail(`${text} (exit ${ending.code})`);
    return ending.code;
  }
  animation.fail(`${text} (signal ${ending.signal})`);
  if (ending.signal === 'SIGINT') dieBy('SIGINT');
  return 128 + ((constants.signals[ending.signal] as number | undefined) ?? 0);
}

/** The signals fish holds while its command runs. */
interface HeldSignals {
  /** From now on, forward to `child` (and at once, what came before it started). */
  forwardTo(child: ChildProcess): void;
  /** Stop listening. */
  release(): void;
}

/**
 * Listen for the signals of {@link SIGNAL_ACTIONS} while the command runs, so that fish
 * outlives its command to report it: each takes the strip off the screen first (the
 * library's own listener would end it too, dropping a partial line of the command's that it
 * held), then waits or forwards.
 *
 * @param stopStrip - takes the strip off the screen
 */
function holdSignals(stopStrip: () => void): HeldSignals {
  let child: ChildProcess | undefined;
  const pending: NodeJS.Signals[] = [];
  const listeners = (Object.entries(SIGNAL_ACTIONS) as [NodeJS.Signals, 'wait' | 'forward'][]).map(
    ([signal, action]) => {
      const listener = (): void => {
        stopStrip();
        if (action !== 'forward') return;
        if (child === undefined) pending.push(signal);
        else child.kill(signal);
      };
      process.prependListener(signal, listener);
      return () => process.off(signal, listener);
    },
  );
  return {
    forwardTo(started) {
      child = started;
      for (const signal of pending.splice(0)) started.kill(signal);
    },
    release() {
      for (const remove of listeners) remove();
    },
  };
}
