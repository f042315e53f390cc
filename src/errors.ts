/**
 * The error classes a host may catch and test with `instanceof`, in one module: the package's
 * entry loads this one at import, and the rest of the library when it is first used
 * (rollup.config.mjs), and both must hand out the same classes.
 */
export { ArtError } from './art/errors.js';
export { RecordingError, TerminalBusyError } from './terminal/errors.js';
