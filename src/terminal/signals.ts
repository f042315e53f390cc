/**
 * Exit paths and job control: every way a process can end or stop while an animation owns
 * part of the terminal, so that the terminal is put back (cursor shown, region cleared, the
 * keyboard's mode restored) on each of them, and taken again after a stop.
 *
 * One listener per signal serves every animation in the process (the library may run one on
 * each of two terminals): it puts each one's terminal back, then decides once.
 */
import { constants } from 'node:os';
import type { KeySignal } from './keys.js';

/** What an animation does on the exit paths and around a stop. */
export interface ExitPathHooks {
  /** Put the terminal back for good; synchronous and idempotent. */
  readonly end: () => void;
  /** Before the process stops: take the animation off the screen and give the terminal back. */
  readonly suspend: () => void;
  /** After it continues: take the terminal again and draw at once. */
  readonly resume: () => void;
}

const POSIX = process.platform !== 'win32';

/**
 * The signals whose default action ends the process, after which a terminal program is
 * expected to clean up: signal-exit's list, less the aliases (SIGIOT is SIGABRT, SIGPOLL is
 * SIGIO), the synchronous faults (SIGTRAP and SIGSYS are raised for the faulting thread's own
 * instruction, like the SIGSEGV and SIGBUS that signal-exit leaves out too) and SIGXFSZ,
 * which Node ignores (a write past the file size limit fails with EFBIG instead). SIGUSR1
 * belongs to Node's inspector, SIGPROF to profilers, SIGPIPE is ignored by Node. On Windows,
 * only the three that Node emulates there.
 */
const FATAL_SIGNALS: readonly NodeJS.Signals[] = [
  ...(['SIGHUP', 'SIGINT', 'SIGTERM'] as const),
  ...(POSIX ? (['SIGQUIT', 'SIGABRT', 'SIGALRM', 'SIGVTALRM', 'SIGUSR2', 'SIGXCPU'] as const) : []),
  // Fatal on Linux only (a BSD ignores SIGIO by default, and has neither of the others).
  ...(process.platform === 'linux' ? (['SIGIO', 'SIGPWR', 'SIGSTKFLT'] as const) : []),
].filter((signal) => signal in constants.signals);

/** The animations whose terminal is put back on the exit paths. */
const sessions = new Set<ExitPathHooks>();
/** Our own listeners, by event, while any animation runs. */
const ours = new Map<string, (...args: unknown[]) => void>();
/** The process stopped itself and has not yet seen the SIGCONT that continued it. */
let expectingContinue = false;
/**
 * A key read in raw mode that was sent on as its signal, and how to echo it: if the process
 * dies by that signal, its echo is written last, where the terminal would have echoed it in
 * its usual mode (`^C`), so that the newline a shell prints after a job killed by SIGINT ends
 * that line rather than leave a blank one.
 */
let keyEcho: { readonly signal: KeySignal; readonly write: () => void } | undefined;

/**
 * Listeners for `signal` that are neither ours nor signal-exit's. signal-exit (which a host's
 * cli-cursor uses to restore the cursor, under ora for one) also steps aside when others listen, so each would
 * wait for the other and Ctrl+C would do nothing; it counts its own listeners (one per loaded
 * copy, on each signal of its list, which has no job-control signal) on a global emitter, as
 * it does itself to cooperate across its versions.
 */
function hostListeners(signal: NodeJS.Signals): number {
  const signalExit = (globalThis as Record<symbol, { count?: unknown } | undefined>)[
    Symbol.for('signal-exit emitter')
  ];
  const theirs =
    FATAL_SIGNALS.includes(signal) && typeof signalExit?.count === 'number' ? signalExit.count : 0;
  const mine = ours.get(signal);
  const others = process.listeners(signal).filter((listener) => listener !== mine);
  return others.length - theirs;
}

/**
 * Run `hooks.end` (synchronously, once) on every exit path: the fatal signals (SIGINT,
 * SIGTERM, SIGHUP, SIGQUIT and the others above), an uncaught exception (before Node prints
 * it, so the message lands below a clean terminal) and a normal `exit`; and `hooks.suspend`
 * and `hooks.resume` around a stop (SIGTSTP, SIGCONT).
 *
 * After a fatal signal, when no one else listens for it, the process dies by that signal
 * with its default action, as it would have without us: a shell sees 130 after Ctrl+C and
 * 143 after SIGTERM, and a shell loop stops on Ctrl+C. A host program with its own handler
 * keeps the decision (its terminal is put back all the same).
 *
 * @param hooks - what to do on each path
 * @returns a function that removes the hooks again
 */
export function onExitPaths(hooks: ExitPathHooks): () => void {
  sessions.add(hooks);
  if (sessions.size === 1) install();
  return () => {
    if (!sessions.delete(hooks)) return;
    if (sessions.size === 0) uninstall();
  };
}

/** Every animation's terminal put back for good. */
const endAll = (): void => {
  for (const session of [...sessions]) session.end();
};
const suspendAll = (): void => {
  for (const session of sessions) session.suspend();
};
const resumeAll = (): void => {
  for (const session of sessions) session.resume();
};

function install(): void {
  for (const signal of FATAL_SIGNALS) {
    listen(signal, () => {
      endAll();
      if (hostListeners(signal) > 0) return;
      if (keyEcho?.signal === signal) keyEcho.write();
      dieBy(signal);
    });
  }
  listen('uncaughtExceptionMonitor', endAll);
  listen('exit', endAll);
  if (!POSIX) return;
  listen('SIGTSTP', onStopSignal);
  listen('SIGCONT', onContinue);
}

function uninstall(): void {
  for (const [event, listener] of ours) process.off(event, listener);
  ours.clear();
}

/**
 * Listen for `event`. SIGTSTP's listener goes first, so that the terminal is put back before
 * a host's own listener stops the process.
 */
function listen(event: string, listener: (...args: unknown[]) => void): void {
  ours.set(event, listener);
  if (event === 'SIGTSTP') process.prependListener(event, listener);
  else process.on(event, listener);
}

/** SIGTSTP (`kill -TSTP`, or Ctrl+Z where the terminal is not in raw mode). */
function onStopSignal(): void {
  if (hostListeners('SIGTSTP') === 0) {
    stopProcess(process.pid);
    return;
  }
  // The host's listeners decide whether to stop: the terminal is clean while they run (and
  // while stopped, if they stop the process there), and the animation is back right after.
  suspendAll();
  setImmediate(resumeAll);
}

/** SIGCONT that the process did not expect: something stopped it without telling us. */
function onContinue(): void {
  if (expectingContinue) {
    expectingContinue = false;
    return;
  }
  // SIGSTOP, or a host's own handler. The shell took the terminal meanwhile (reset its mode,
  // wrote its job lines where the cursor was): put it back as before a stop, and take it again.
  suspendAll();
  resumeAll();
}

/**
 * Stop the process as SIGTSTP's default action does, with the terminal given back while it
 * is stopped, and taken again when it continues.
 *
 * @param target - a process id, or 0 for the whole process group (as the terminal sends Ctrl+Z)
 */
function stopProcess(target: number): void {
  suspendAll();
  const listener = ours.get('SIGTSTP');
  // Without a listener, the signal's default action applies: libuv puts it back.
  if (listener !== undefined) process.off('SIGTSTP', listener);
  expectingContinue = true;
  send(target, 'SIGTSTP');
  // Stopped inside kill() until continued. (A process group with no parent in its session,
  // "orphaned", is not stopped by SIGTSTP at all: then this goes on at once.)
  if (listener !== undefined && ours.get('SIGTSTP') === listener)
    process.prependListener('SIGTSTP', listener);
  resumeAll();
}

/**
 * A key that the terminal turns into a signal in its usual mode was read in raw mode: send
 * the signal as the terminal would have, to the whole foreground process group (a wrapper
 * such as `npx` gets it too; a stopped job is stopped whole). Ctrl+Z with no host listener is
 * handled first-hand: the terminal is put back before the group stops.
 *
 * @param signal - SIGINT (Ctrl+C), SIGQUIT (Ctrl+\) or SIGTSTP (Ctrl+Z)
 * @param echo - writes the key's echo (`^C`) to the terminal, should the process die by it
 */
export function sendKeySignal(signal: KeySignal, echo?: () => void): void {
  keyEcho = echo === undefined ? undefined : { signal, write: echo };
  if (!POSIX) {
    // Windows has no process groups nor stops: Ctrl+C is an event of this process.
    if (signal === 'SIGINT') process.emit('SIGINT', 'SIGINT');
    return;
  }
  if (signal === 'SIGTSTP' && hostListeners('SIGTSTP') === 0) {
    stopProcess(0);
    return;
  }
  send(0, signal);
}

/** Send `signal` to `target` (0: the process group), or to this process where that fails. */
function send(target: number, signal: NodeJS.Signals): void {
  try {
    process.kill(target, signal);
  } catch {
    process.kill(process.pid, signal);
  }
}

/**
 * End the process by `signal`, as its default action does (the parent sees a death by that
 * signal): our listener goes, signal-exit's (if loaded) runs its exit hooks and raises the
 * signal itself, and the signal is raised with nothing left to catch it. Call it only when
 * no host listener claims the signal. Where it does not end the process (Windows), the
 * process exits with status 128 + the signal's number.
 *
 * @param signal - a signal whose default action ends the process
 */
export function dieBy(signal: NodeJS.Signals): void {
  process.exitCode = 128 + ((constants.signals[signal] as number | undefined) ?? 0);
  if (!POSIX) process.exit();
  const listener = ours.get(signal);
  if (listener !== undefined) {
    process.off(signal, listener);
    ours.delete(signal);
  }
  if (process.listenerCount(signal) > 0) process.emit(signal, signal);
  process.kill(process.pid, signal);
}
