/**
 * Waiting in tests. A test waits for the state it expects (poll with a deadline: pty.ts's
 * `waitFor`, scenario.ts's judges); a plain sleep is only for letting time pass on purpose
 * (frames that must not be drawn, a burst that must end).
 */

/** Resolves after `ms` milliseconds. */
export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));
