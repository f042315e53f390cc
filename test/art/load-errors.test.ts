/**
 * File system failures that are hard to cause for real (the tests may run as root), made by
 * a mocked `node:fs`: each must still come out as one ArtError line.
 */
import * as fs from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadArt } from '../../src/art/index.js';
import { artError, tempFile } from './helpers.js';

vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  return {
    ...real,
    statSync: vi.fn(real.statSync),
    openSync: vi.fn(real.openSync),
    fstatSync: vi.fn(real.fstatSync),
    readSync: vi.fn(real.readSync),
    closeSync: vi.fn(real.closeSync),
  };
});

/** A Node system error with a code, as fs throws. */
function systemError(code: string): Error {
  return Object.assign(new Error(`${code}: something failed, stat '/x'`), { code });
}

afterEach(() => {
  vi.mocked(fs.statSync).mockRestore();
  vi.mocked(fs.openSync).mockRestore();
  vi.mocked(fs.fstatSync).mockRestore();
  vi.mocked(fs.readSync).mockRestore();
  vi.mocked(fs.closeSync).mockClear();
});

/** The real stats of a file, with another size. */
function statsWithSize(path: string, size: number): fs.Stats {
  const stats = fs.statSync(path);
  stats.size = size;
  return stats;
}

describe('loadArt with failing file system calls', () => {
  it.each([
    ['EACCES', 'permission denied'],
    ['EPERM', 'permission denied'],
    ['ENAMETOOLONG', 'the path is too long'],
    ['EIO', 'cannot read the file (EIO)'],
  ])('turns %s from stat into "%s"', (code, reason) => {
    vi.mocked(fs.statSync).mockImplementationOnce(() => {
      throw systemError(code);
    });
    const error = artError(() => loadArt('fish.art'));
    expect(error.message).toBe(`fish: fish.art: ${reason}`);
  });

  it('turns an error from open into a message', () => {
    const path = tempFile('a.art', 'o');
    vi.mocked(fs.openSync).mockImplementationOnce(() => {
      throw systemError('EACCES');
    });
    expect(artError(() => loadArt(path)).reason).toBe('permission denied');
  });

  it('turns an error from read into a message, and closes the file', () => {
    const path = tempFile('a.art', 'o');
    vi.mocked(fs.readSync).mockImplementationOnce(() => {
      throw systemError('EISDIR');
    });
    expect(artError(() => loadArt(path)).reason).toBe('is a directory, not an art file');
    expect(fs.closeSync).toHaveBeenCalledTimes(1);
  });

  it('turns a thrown non-error into a message', () => {
    vi.mocked(fs.statSync).mockImplementationOnce(() => {
      // What a library that throws strings throws: the point of the test.
      // eslint-disable-next-line @typescript-eslint/only-throw-error
      throw 'weird';
    });
    expect(artError(() => loadArt('x.art')).reason).toBe('cannot read the file (unknown error)');
  });

  it('notices a file that grew after it was measured', () => {
    const path = tempFile('grow.art', '<><<><');
    vi.mocked(fs.fstatSync).mockReturnValueOnce(statsWithSize(path, 3));
    expect(artError(() => loadArt(path)).reason).toBe(
      'the file changed while it was being read; try again',
    );
  });

  it('checks the opened file again: a file swapped for a big one is refused', () => {
    const path = tempFile('swap.art', 'o');
    vi.mocked(fs.fstatSync).mockReturnValueOnce(statsWithSize(path, 2 ** 30));
    expect(artError(() => loadArt(path)).reason).toContain('the file is too large');
  });
});
