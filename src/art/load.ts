/**
 * Loading art files from disk. Every failure, from a missing file to a bad mask, is an
 * {@link ArtError} with one line a user can act on: no Node error or stack gets out.
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { ArtError } from './errors.js';
import { MAX_ART_BYTES } from './limits.js';
import { parseArtBytes, type ParseOptions } from './parse.js';
import { printable } from './untrusted.js';
import type { Art } from './types.js';

/**
 * How the file is opened: for reading, without waiting. A path swapped for a FIFO after it
 * was looked at would otherwise block the open until a writer comes, and a terminal device
 * would become the process's controlling terminal. (Neither flag exists on Windows.)
 */
// Node's typings say the flags always exist; on Windows O_NONBLOCK and O_NOCTTY do not.
const OPEN_FLAGS =
  constants.O_RDONLY |
  ((constants.O_NONBLOCK as number | undefined) ?? 0) |
  ((constants.O_NOCTTY as number | undefined) ?? 0);

/** Messages for the errors file system calls can give. */
const FS_ERRORS: ReadonlyMap<string, string> = new Map([
  ['ENOENT', 'no such file'],
  ['ENOTDIR', 'no such file (a part of the path is not a directory)'],
  ['EACCES', 'permission denied'],
  ['EPERM', 'permission denied'],
  ['EISDIR', 'is a directory, not an art file'],
  ['ELOOP', 'too many symbolic links'],
  ['ENAMETOOLONG', 'the path is too long'],
]);

/**
 * Loads an art file (format v1, see `docs/art-format.md`). The art's name defaults to the
 * file name without its extension; its source is the path.
 *
 * @param path - the file, as the user named it
 * @returns the art
 * @throws ArtError for a file that is missing, unreadable, not a regular file, empty,
 *   larger than {@link MAX_ART_BYTES}, not UTF-8 text, or not valid art
 */
export function loadArt(path: string): Art {
  return loadArtFile(path, {});
}

/**
 * {@link loadArt} with the name and source given (for the built-in art).
 *
 * @param path - the file, as the user named it
 * @param options - the default name and the source
 */
export function loadArtFile(path: string, options: Omit<ParseOptions, 'file'>): Art {
  const file = path === '' ? '""' : printable(path);
  return parseArtBytes(readArtBytes(path, file), { ...options, file: path });
}

/** Reads the file's bytes, refusing what cannot be art before reading it. */
function readArtBytes(path: string, file: string): Uint8Array {
  const fail = (reason: string): ArtError => new ArtError(file, 0, reason);
  // Checked before opening, so that a device or a FIFO is not even opened...
  checkSize(
    attempt(() => statSync(path), fail),
    fail,
  );
  // ...but the path may name another file by the time it is opened: the open does not wait
  // (see OPEN_FLAGS), and what is read is checked on the open file itself.
  const fd = attempt(() => openSync(path, OPEN_FLAGS), fail);
  try {
    const size = checkSize(
      attempt(() => fstatSync(fd), fail),
      fail,
    );
    // One byte more than expected, to notice a file that grew since.
    const bytes = new Uint8Array(size + 1);
    let length = 0;
    while (length < bytes.length) {
      const read = attempt(() => readSync(fd, bytes, length, bytes.length - length, null), fail);
      if (read === 0) break;
      length += read;
    }
    if (length > size) throw fail('the file changed while it was being read; try again');
    return bytes.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

/** Refuses anything but a regular file of 1 byte to {@link MAX_ART_BYTES}; returns its size. */
function checkSize(stats: Stats, fail: (reason: string) => ArtError): number {
  if (stats.isDirectory()) throw fail('is a directory, not an art file');
  if (!stats.isFile()) throw fail('not a regular file');
  if (stats.size === 0) throw fail('the file is empty');
  if (stats.size > MAX_ART_BYTES) {
    throw fail(`the file is too large (${stats.size} bytes; art files are at most 1 MiB)`);
  }
  return stats.size;
}

/** Runs a file system call, turning its error into an {@link ArtError}. */
function attempt<T>(call: () => T, fail: (reason: string) => ArtError): T {
  try {
    return call();
  } catch (error) {
    const code = errorCode(error);
    throw fail(FS_ERRORS.get(code) ?? `cannot read the file (${code})`);
  }
}

/** The `code` of a Node system error, such as `ENOENT`. */
function errorCode(error: unknown): string {
  const code = error instanceof Error && 'code' in error ? error.code : undefined;
  return typeof code === 'string' ? code : 'unknown error';
}
