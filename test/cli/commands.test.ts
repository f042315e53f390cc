/**
 * The `fish` command's non-animated commands, run as a child process as a user would.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FISH_BIN } from '../helpers/pty.js';

const tmp = mkdtempSync(join(tmpdir(), 'fish-cli-'));
const fish = (...args: string[]) => spawnSync(process.execPath, [FISH_BIN, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

describe('fish --list', () => {
  it('shows every built-in creature with its size, frames and both facings', () => {
    const result = fish('--list');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^bass \(default\): 5x1 cells, 1 frame\n {2}>\)\)'> {4}<'\(\(<\n/);
    for (const name of ['salmon', 'bird', 'duck', 'whale', 'shark', 'jellyfish', 'submarine', 'tropical', 'flapper', 'emoji']) {
      expect(result.stdout).toMatch(new RegExp(`^${name}: \\d+x\\d+ cells, \\d frames?$`, 'm'));
    }
    expect(result.stdout).toContain('><{{{*>    <*}}}><');
    expect(result.stdout).not.toContain('\u001B');
  });
});

describe('fish --check', () => {
  it('prints the name, size and frames of good art', () => {
    const path = join(tmp, 'two.art');
    writeFileSync(path, '@fish v1\nname: wiggle\n@frame\n<><\n@frame\n<><<\n');
    const result = fish('--art', path, '--check');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('wiggle: 4x1 cells, 2 frames\n');
  });

  it('checks the default art without --art', () => {
    expect(fish('--check').stdout).toBe('bass: 5x1 cells, 1 frame\n');
  });

  it.each([
    ['a missing file', 'no-such.art', /^fish: no-such\.art: /],
    ['a directory', '.', /^fish: \.: /],
  ])('reports %s in one line with status 2', (_, art, message) => {
    const result = fish('--art', art, '--check');
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('reports a mask wider than the art with its line', () => {
    const path = join(tmp, 'mask.art');
    writeFileSync(path, '@fish v1\n@frame\n<><\n@mask\nrrrr\n');
    const result = fish('--art', path, '--check');
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^fish: .*mask\.art:5: .*wider/);
  });
});

describe('fish --help, --version and bad usage', () => {
  it('prints help', () => {
    const result = fish('--help');
    expect(result.status).toBe(0);
    for (const option of ['--art', '--speed', '--fps', '--bob', '--sync', '--frames', '--duration', '--redraw', '--color', '--persist', '--record', '--size', '--seed', '--list', '--check']) {
      expect(result.stdout).toContain(option);
    }
  });

  it('prints the version', () => {
    expect(fish('--version').stdout).toBe(`${pkg.version}\n`);
  });

  it.each([
    [['--bogus'], /^fish: unknown option "--bogus"\nTry 'fish --help' for more information\.\n$/],
    [['--fps', 'fast'], /^fish: --fps: expected a number/],
    [['--fps', '0'], /^fish: --fps: /],
    [['--bob', '1.5'], /^fish: --bob: expected a whole number/],
    [['--sync', 'progress'], /^fish: --sync: expected time or step, got "progress"/],
    [['--redraw', 'some'], /^fish: --redraw: expected diff or full/],
    [['--color', 'blue'], /^fish: --color: expected auto, always or never/],
    [['--size', '80by24', '--record', 'x.cast'], /^fish: --size: expected COLSxROWS/],
    [['--size', '80x24'], /^fish: --size goes with --record/],
    [['--frames'], /^fish: --frames needs a value/],
    [['stray'], /^fish: unexpected argument "stray"/],
  ])('%j is one line naming the option, status 2', (args, message) => {
    const result = fish(...args);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
