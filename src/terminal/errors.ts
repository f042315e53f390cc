/**
 * The errors the terminal stage throws that a host may catch and test with `instanceof`. They
 * stand apart from the code that throws them so that the package's entry can hand out the
 * classes without loading that code (rollup.config.mjs).
 */

/** Thrown when an animation would start on a terminal where another one is running. */
export class TerminalBusyError extends Error {
  /** The error, with its one-line message. */
  constructor() {
    super(
      'fish: another animation is already running on this terminal; stop it before starting this one',
    );
    this.name = 'TerminalBusyError';
  }
}

/**
 * A recording that cannot be opened or written, or that is refused: `reason` is in words a
 * user can act on, `code` the system error's (`ENOSPC`), if one caused it.
 */
export class RecordingError extends Error {
  /** The recording's path, as given. */
  readonly path: string;
  /** What is wrong. */
  readonly reason: string;
  /** The system error's code (`ENOSPC`), or undefined for a refusal. */
  readonly code: string | undefined;

  /**
   * @param path - the recording's path, as given
   * @param reason - what is wrong, in words
   * @param code - the system error's code, if one caused it
   */
  constructor(path: string, reason: string, code?: string) {
    super(`${path}: ${reason}`);
    this.name = 'RecordingError';
    this.path = path;
    this.reason = reason;
    this.code = code;
  }
}
