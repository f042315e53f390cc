/**
 * Exit paths: every way a process can end while an animation owns part of the terminal, so
 * that the terminal is put back (cursor shown, region cleared) on each of them.
 */

/** The signals after which a terminal program is expected to clean up, with their numbers. */
const SIGNALS = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 } as const;
type ExitSignal = keyof typeof SIGNALS;

/** Our own signal handlers, so that two animations do not each wait for the other to exit. */
const ours = new Set<NodeJS.SignalsListener>();

/**
 * Listeners for `signal` that are neither ours nor signal-exit's. signal-exit (which
 * cli-cursor uses to restore the cursor) also steps aside when others listen, so each would
 * wait for the other and Ctrl+C would do nothing; it counts its own listeners on a global
 * emitter, as it does itself to cooperate across its versions.
 */
function hostListeners(signal: ExitSignal): number {
  const signalExit = (globalThis as Record<symbol, { count?: unknown } | undefined>)[Symbol.for('signal-exit emitter')];
  const theirs = typeof signalExit?.count === 'number' ? signalExit.count : 0;
  const others = process.listeners(signal).filter((listener) => !ours.has(listener as NodeJS.SignalsListener));
  return others.length - theirs;
}

/**
 * Run `cleanup` (synchronously, once) on every exit path: SIGINT, SIGTERM and SIGHUP, an
 * uncaught exception (before Node prints it, so the message lands below a clean terminal)
 * and a normal `exit`.
 *
 * After a signal, when no one else listens for it, the process exits as the signal's default
 * action would have, with status 128 + the signal's number (130 for Ctrl+C, 143 for SIGTERM).
 * A host program with its own handler keeps the decision.
 *
 * @param cleanup - puts the terminal back; must be synchronous and idempotent
 * @returns a function that removes every hook again
 */
export function onExitPaths(cleanup: () => void): () => void {
  const handlers = new Map<ExitSignal, () => void>();
  for (const signal of Object.keys(SIGNALS) as ExitSignal[]) {
    const handler = (): void => {
      cleanup();
      if (hostListeners(signal) === 0) process.exit(128 + SIGNALS[signal]);
    };
    handlers.set(signal, handler);
    ours.add(handler);
    process.on(signal, handler);
  }
  const onCrash = (): void => cleanup();
  process.on('uncaughtExceptionMonitor', onCrash);
  process.on('exit', cleanup);
  return () => {
    for (const [signal, handler] of handlers) {
      process.off(signal, handler);
      ours.delete(handler);
    }
    process.off('uncaughtExceptionMonitor', onCrash);
    process.off('exit', cleanup);
  };
}
