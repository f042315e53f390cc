/**
 * The start-up path: importing the package and animating (with either redraw) must not load
 * log-update or string-width, nor any other package. A module hook records every module Node
 * resolves; the last test shows that it does see a package that a script imports. The
 * package's entry loads the library's engine on first use: it must hand out the same exports.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
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

/**
 * Registers a resolve hook that prints each URL the ES module loader resolves on stderr, and
 * at exit each file in `require`'s cache (the library's engine is CommonJS, and Node 20's
 * hooks do not see `require`).
 */
const HOOKS = join(dir, 'record-modules.mjs');
writeFileSync(
  HOOKS,
  `import { createRequire, register } from 'node:module';
import { writeSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
const { cache } = createRequire(import.meta.url);
process.on('exit', () => {
  for (const path of Object.keys(cache)) writeSync(2, 'resolved ' + pathToFileURL(path).href + '\\n');
});
register('data:text/javascript,' + encodeURIComponent(\`
import { writeSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  writeSync(2, 'resolved ' + result.url + '\\\\n');
  return result;
}\`));
`,
);

/** Runs `source` as an ES module script, `nodeArgs` before it; it must end with status 0. */
function runScript(source: string, nodeArgs: string[] = []): SpawnSyncReturns<string> {
  const script = join(dir, `script-${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(script, source);
  const result = spawnSync(process.execPath, [...nodeArgs, script], { encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  return result;
}

/** The modules a script loads (after importing the package), by URL. */
function modulesLoadedBy(body: string): string[] {
  const source = `import fish from ${JSON.stringify(PACKAGE)};\n${body}\n`;
  return runScript(source, ['--import', HOOKS])
    .stderr.split('\n')
    .filter((line) => line.startsWith('resolved '))
    .map((line) => line.slice('resolved '.length));
}

/** What a script that imports the package writes on stdout. */
function outputOf(body: string): string {
  const result = runScript(`import * as entry from ${JSON.stringify(PACKAGE)};\n${body}\n`);
  expect(result.stderr).toBe('');
  return result.stdout;
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

  it('importing the package reads two small modules of ours, the entry and the errors', () => {
    // Each module costs the loader, and V8 scans every byte of one before it runs it.
    const ours = modulesLoadedBy('').filter((url) => url.includes('/dist/'));
    expect(ours).toEqual([
      expect.stringMatching(/\/dist\/bundle\/index\.js$/),
      expect.stringMatching(/\/dist\/bundle\/errors\.cjs$/),
    ]);
    const bytes = ours.reduce((sum, url) => sum + readFileSync(new URL(url)).length, 0);
    expect(bytes).toBeLessThan(8 * 1024);
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

  it('the record sees a package the script requires (CommonJS) itself', () => {
    const ms = new URL('node_modules/ms/index.js', ROOT).href;
    const urls = modulesLoadedBy(`import { createRequire } from 'node:module';
createRequire(import.meta.url)(${JSON.stringify(fileURLToPath(ms))});`);
    expect(urls).toContainEqual(ms);
  });
});

describe("the package's entry and the library's engine", () => {
  it('importing loads the error classes and not the engine; the first call loads the engine', () => {
    const output = outputOf(`import { createRequire } from 'node:module';
const cache = createRequire(import.meta.url).cache;
const loaded = () => Object.keys(cache).filter((path) => path.includes('/dist/')).map((path) => path.replace(/.*\\/dist\\//, ''));
const atImport = loaded();
const art = entry.listArt();
process.stdout.write(JSON.stringify({ atImport, afterCall: loaded(), art: art.length > 0 }));`);
    expect(JSON.parse(output)).toEqual({
      atImport: ['bundle/errors.cjs'],
      afterCall: ['bundle/errors.cjs', 'bundle/engine.cjs'],
      art: true,
    });
  });

  it('hands out what the library exports: the same names, kinds, lengths and values', () => {
    const tscOutput = new URL('dist/index.js', ROOT).href;
    const output = outputOf(`const library = await import(${JSON.stringify(tscOutput)});
const shape = (module) => Object.keys(module).sort().map((name) => {
  const value = module[name];
  return [name, typeof value, typeof value === 'function' ? value.name + '/' + value.length : value];
});
let thrown;
try { entry.parseArt('\\u001b') } catch (error) { thrown = error; }
process.stdout.write(JSON.stringify({
  entry: shape(entry),
  library: shape(library),
  promise: entry.fish.promise === entry.fishPromise,
  default: entry.default === entry.fish,
  artError: thrown instanceof entry.ArtError,
  busyError: entry.TerminalBusyError.name,
}));`);
    const { entry, library, ...rest } = JSON.parse(output) as Record<string, unknown>;
    expect(entry).toEqual(library);
    expect(rest).toEqual({
      promise: true,
      default: true,
      artError: true,
      busyError: 'TerminalBusyError',
    });
  });
});
