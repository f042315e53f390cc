/**
 * The package as npm users get it: packed (`npm pack`), installed from the tarball into a
 * project of its own (`--prefer-offline`: the dependencies' files come from npm's cache, which
 * `npm ci` filled; only their metadata may be asked of the registry), then required, imported
 * and run as a command there.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
  scripts: Record<string, string>;
  files: string[];
};
const dir = mkdtempSync(join(tmpdir(), 'fish-pack-'));
const project = join(dir, 'project');
let packed: string[] = [];
let installLog = '';

/** npm, as the command line runs it, with the answer as text. */
const npm = (args: string[], cwd: string): string =>
  execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/** Node in the installed project. */
function inProject(args: string[]): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, args, { cwd: project, encoding: 'utf8' });
}

beforeAll(() => {
  // Scripts ignored: the build is the one `npm test` just made (prepack would make it again).
  const [result] = JSON.parse(
    npm(['pack', '--json', '--ignore-scripts', '--pack-destination', dir], ROOT),
  ) as { filename: string; files: { path: string }[] }[];
  packed = result.files.map((file) => file.path);
  execFileSync('mkdir', ['-p', project]);
  writeFileSync(join(project, 'package.json'), '{ "name": "host", "private": true }\n');
  installLog = npm(
    ['install', '--prefer-offline', '--no-audit', '--no-fund', join(dir, result.filename)],
    project,
  );
}, 120_000);

afterAll(() => {
  execFileSync('rm', ['-rf', dir]);
});

describe('the packed package', () => {
  it('builds on prepack, not prepare (installing the tarball runs no script of ours)', () => {
    expect(manifest.scripts.prepack).toBe('npm run build');
    expect(manifest.scripts).not.toHaveProperty('prepare');
    expect(installLog).not.toMatch(/prepare/);
  });

  it('holds the build, the command, the art, the docs and the examples, and no sources or tests', () => {
    for (const path of [
      'dist/index.js',
      'dist/index.d.ts',
      'dist/commonjs.js',
      'dist/bundle/cli.cjs',
      'bin/fish.cjs',
      'art/bass.art',
      'docs/aquarium.md',
      'docs/demo.svg',
      'examples/spinner.js',
      'README.md',
      'LICENSE',
    ]) {
      expect(packed).toContain(path);
    }
    expect(packed.filter((path) => /^(src|test|bench|scripts)\//.test(path))).toEqual([]);
  });

  it('resolves every relative link of the README inside the installed package', () => {
    const readme = readFileSync(join(project, 'node_modules/fish/README.md'), 'utf8');
    const links = [...readme.matchAll(/\]\(([^)#:]+)(?:#[^)]*)?\)/g)].map((match) => match[1]);
    expect(links.length).toBeGreaterThan(5);
    for (const link of links)
      expect(existsSync(join(project, 'node_modules/fish', link)), link).toBe(true);
  });

  it('is required and imported by name from the project', () => {
    const required = inProject([
      '-e',
      "const fish = require('fish'); process.stdout.write(typeof fish + ' ' + typeof fish.playScene + ' ' + typeof fish().start)",
    ]);
    expect(required.stdout, required.stderr).toBe('function function function');
    const imported = inProject([
      '--input-type=module',
      '-e',
      "import fish, { playScene, parseArt } from 'fish'; process.stdout.write(typeof fish + ' ' + typeof playScene + ' ' + parseArt('<>').width)",
    ]);
    expect(imported.stdout, imported.stderr).toBe('function function 2');
  });

  it("gives bundlers (the `module` condition) the library's own modules, which work", () => {
    // Node takes a condition as a bundler does when asked to; the package's entry loads the
    // rest of the library with `require`, which bundlers do not follow.
    const bundled = inProject([
      '--conditions=module',
      '--input-type=module',
      '-e',
      "import fish, { parseArt } from 'fish'; process.stdout.write(import.meta.resolve('fish') + ' ' + typeof fish + ' ' + parseArt('<>').width)",
    ]);
    expect(bundled.stdout, bundled.stderr).toMatch(
      /\/node_modules\/fish\/dist\/index\.js function 2$/,
    );
  });

  it('runs as the fish command, and its examples import it by name', () => {
    const command = inProject([join(project, 'node_modules/.bin/fish'), '--version']);
    expect(command.stdout, command.stderr).toBe(`${manifest.version}\n`);
    const example = inProject([join(project, 'node_modules/fish/examples/progress.js')]);
    expect(example.status, example.stderr).toBe(0);
  });
});
