/**
 * A path swapped for a FIFO between the loader's look at it and its open (issue 10): the open
 * must not wait for a writer that never comes. The swap is made certain by a `stat` that
 * reports a regular file for a path that is a FIFO, in a child process (the built loader,
 * `dist/`), since a hang in this process could not be interrupted.
 */
import { execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFile, tempFolder } from './helpers.js';

const LOADER_URL = new URL('../../dist/art/index.js', import.meta.url).href;
/** Kill the child after this: a loader that waits for a writer never returns on its own. */
const DEADLINE_MS = 5000;

/**
 * The child: `statSync` answers for the FIFO with the stats of a regular art file (as if the
 * path was swapped right after it was looked at), then `loadArt` runs on the FIFO.
 */
const CHILD_CODE = `
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
const { FIFO, REGULAR, LOADER_URL } = process.env;
const realStat = fs.statSync;
fs.statSync = (path, ...rest) => (path === FIFO ? realStat(REGULAR) : realStat(path, ...rest));
syncBuiltinESMExports();
const { loadArt } = await import(LOADER_URL);
try {
  loadArt(FIFO);
  process.stdout.write('loaded');
} catch (error) {
  process.stdout.write(error.message);
}
`;

describe.skipIf(process.platform === 'win32')('loadArt on a path swapped for a FIFO', () => {
  it('refuses it at once as not a regular file, instead of waiting for a writer', async () => {
    const fifo = join(tempFolder(), 'swapped.art');
    execFileSync('mkfifo', [fifo]);
    const regular = tempFile('regular.art', '<><\n');
    const child = spawn(process.execPath, ['--input-type=module', '--eval', CHILD_CODE], {
      env: { ...process.env, FIFO: fifo, REGULAR: regular, LOADER_URL },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    let killed = false;
    const timer = setTimeout(() => {
      killed = true;
      child.kill('SIGKILL');
    }, DEADLINE_MS);
    await new Promise((resolve) => child.on('close', resolve));
    clearTimeout(timer);
    expect(killed, 'the loader waited for a writer until it was killed').toBe(false);
    expect(stdout).toBe(`fish: ${fifo}: not a regular file`);
  }, 15_000);
});
