/**
 * Host programs for end-to-end tests of the embedding API: small ES modules that import the
 * built package (`dist/index.js`, made by `npm run build`) as `fish`, written to a temporary
 * folder and run with Node, in a pseudo-terminal or as a child process.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built package, as a host program imports it. */
export const PACKAGE = fileURLToPath(new URL('../../dist/index.js', import.meta.url));

let folder: string | undefined;

/**
 * Write a host program and return its path. Its body runs after
 * `import fish, { fishPromise } from 'fish'` and a `sleep(ms)` helper.
 *
 * @param name - the file's name, without `.mjs`
 * @param body - the program
 */
export function writeHost(name: string, body: string): string {
  folder ??= mkdtempSync(join(tmpdir(), 'fish-host-'));
  const path = join(folder, `${name}.mjs`);
  writeFileSync(
    path,
    `import fish, { fishPromise } from ${JSON.stringify(PACKAGE)};\nconst sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));\n${body}\n`,
  );
  return path;
}
