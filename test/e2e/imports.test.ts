/**
 * The start-up path: importing the package and animating (with either redraw) must not load
 * log-update or string-width, nor any other package. A module hook records every module Node
 * resolves; the last test shows that it does see a package that a script imports.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package's entry, as `import 'fish'` finds it (package.json's `exports`). */
const ROOT = new URL('../../', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('package.json', ROOT), 'utf8')) as {
  exports: { '.': { default: string } };
};
const PACKAGE = fileURLToPath(new URL(manifest.exports['.'].default, ROOT));
const dir = mkdtempSync(join(tmpdir(), 'fish-imports-'));

/** Registers a resolve hook that prints each resolved URL on stderr. */
const HOOKS = join(dir, 'record-modules.mjs');
writeFileSync(
  HOOKS,
  `import { register } from 'node:module';
register('data:text/javascript,' + encodeURIComponent(\`
import { writeSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  writeSync(2, 'resolved ' + result.url + '\\\\n');
  return result;
}\`));
`,
);

/** The modules a script loads (after importing the package), by URL. */
function modulesLoadedBy(body: string): string[] {
  const script = join(dir, `script-${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(script, `import fish from ${JSON.stringify(PACKAGE)};\n${body}\n`);
  const result = spawnSync(process.execPath, ['--import', HOOKS, script], { encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  return result.stderr
    .split('\n')
    .filter((line) => line.startsWith('resolved '))
    .map((line) => line.slice('resolved '.length));
}

const FAKE_TTY =
  'const stream = { isTTY: true, columns: 80, rows: 24, write: () => true, on() {}, off() {} };';
const heavy = (urls: string[]): string[] =>
  urls.filter((url) => /\/node_modules\/(log-update|string-width)\//.test(url));

describe('the start-up path', () => {
  it('importing the package loads neither log-update nor string-width', () => {
    const urls = modulesLoadedBy('');
    expect(urls.some((url) => url.endsWith('/dist/bundle/index.js'))).toBe(true);
    expect(heavy(urls)).toEqual([]);
  });

  it('importing the package reads one module of ours, the bundle (each costs the loader)', () => {
    const ours = modulesLoadedBy('').filter((url) => url.includes('/dist/'));
    expect(ours).toEqual([expect.stringMatching(/\/dist\/bundle\/index\.js$/)]);
  });

  it('animating ASCII art with the default redraw loads neither', () => {
    const urls = modulesLoadedBy(`${FAKE_TTY}
const animation = fish({ stream, isEnabled: true, sync: 'step', text: 'x' });
for (let i = 0; i < 10; i++) animation.animate();
await new Promise((resolve) => setTimeout(resolve, 50));
animation.succeed('done');`);
    expect(heavy(urls)).toEqual([]);
  });

  it("redraw: 'full', the cursor hidden and shown, loads no package at all", () => {
    const urls = modulesLoadedBy(`${FAKE_TTY}
const animation = fish({ stream, isEnabled: true, redraw: 'full' }).start();
await new Promise((resolve) => setTimeout(resolve, 300));
animation.stop();`);
    expect(urls.filter((url) => url.includes('/node_modules/'))).toEqual([]);
  });

  it('the hook sees a package the script imports itself (the checks above can fail)', () => {
    const logUpdate = new URL('node_modules/log-update/index.js', ROOT).href;
    const urls = modulesLoadedBy(`await import(${JSON.stringify(logUpdate)});`);
    expect(heavy(urls)).toContainEqual(expect.stringContaining('/node_modules/log-update/'));
  });
});
