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
/** Control characters (C0 but LF, DEL, C1): none may reach stderr from what a user typed. */
const CONTROLS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;
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

describe('fish numbers', () => {
  it.each([
    [['--speed', '-1'], '--speed: expected a number from 0 to 10000, got "-1"'],
    [['-s', '-1'], '--speed: expected a number from 0 to 10000, got "-1"'],
    [['--fps', '0x10'], '--fps: expected a number from 0.1 to 240, got "0x10"'],
    [['--fps', '0o10'], '--fps: expected a number from 0.1 to 240, got "0o10"'],
    [['--fps', '0b11'], '--fps: expected a number from 0.1 to 240, got "0b11"'],
    [['--fps', '+5'], '--fps: expected a number from 0.1 to 240, got "+5"'],
    [['--fps', ' 5'], '--fps: expected a number from 0.1 to 240, got " 5"'],
    [['--fps', '5\t'], '--fps: expected a number from 0.1 to 240, got "5\\u{9}"'],
    [['--fps', '1e1'], '--fps: expected a number from 0.1 to 240, got "1e1"'],
    [['--fps', 'Infinity'], '--fps: expected a number from 0.1 to 240, got "Infinity"'],
    [['--frames', '2.5'], '--frames: expected a whole number from 1 to 1000000000, got "2.5"'],
    [['--size', ' 80x24', '--record', 'x.cast'], '--size: expected COLSxROWS such as 80x24 (up to 1000x500), got " 80x24"'],
  ])('%j: plain decimals only, the message names the option, the range and the value', (args, message) => {
    const result = fish(...args);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`fish: ${message}\nTry 'fish --help' for more information.\n`);
  });

  it.each([['0.5'], ['.5'], ['12'], ['007']])('accepts the plain decimal %s', (value) => {
    const result = fish('--fps', value, '--record', join(tmp, `fps-${value}.cast`), '--size', '10x2', '--frames', '1');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});

describe('fish quotes what a user typed safely', () => {
  const HOSTILE = '\u001b]0;pwned\u0007\u009b31m\u008d';
  const LONG = 'x'.repeat(20_000);

  it.each([
    ['--speed', ['--speed', HOSTILE]],
    ['--sync', ['--sync', HOSTILE]],
    ['--color', ['--color', HOSTILE]],
    ['--size', ['--size', HOSTILE, '--record', 'x.cast']],
    ['an unknown option', [`--${HOSTILE}`]],
    ['an unknown option with a value', [`--${HOSTILE}=${HOSTILE}`]],
    ['an argument', [HOSTILE]],
    ['--art', ['--art', join(tmp, `${HOSTILE}.art`), '--check']],
    ['a long --fps', ['--fps', LONG]],
  ])('%s: no control character reaches stderr, and the message stays short', (_, args) => {
    const result = fish(...args);
    expect(result.status).toBe(2);
    expect(result.stderr).not.toMatch(CONTROLS);
    expect(result.stderr.split('\n')[0].length).toBeLessThanOrEqual(160);
  });
});

describe('fish refuses options that would be ignored', () => {
  it.each([
    [['--check', '--aquarium'], 'fish: --aquarium does not go with --check'],
    [['--list', '--art', 'salmon'], 'fish: --art does not go with --list'],
    [['--list', '--frames', '5'], 'fish: --frames does not go with --list'],
    [['--list', '--check'], 'fish: --check does not go with --list'],
    [['--check', '--record', 'x.cast'], 'fish: --record does not go with --check'],
    [['--check', '--speed', '3'], 'fish: --speed does not go with --check'],
    [['--seed', '3'], 'fish: --seed goes with --aquarium or --record'],
    [['--density', '2'], 'fish: --density goes with --aquarium'],
    [['--aquarium', '--persist'], 'fish: --persist does not go with --aquarium'],
    [['--record', '--size', '10x2'], 'fish: --record needs a value'],
    [['--aquarium=yes'], 'fish: --aquarium takes no value'],
  ])('%j is refused in one line', (args, message) => {
    const result = fish(...args);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`${message}\nTry 'fish --help' for more information.\n`);
  });

  it('--list takes --color, and --check takes --art', () => {
    expect(fish('--list', '--color', 'never').status).toBe(0);
    expect(fish('--check', '--art', 'salmon').stdout).toMatch(/^salmon: /);
  });
});
