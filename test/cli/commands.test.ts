/**
 * The `fish` command's non-animated commands, run as a child process as a user would.
 */
import { describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import {
  constants,
  linkSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listArt } from '../../src/art/index.js';
import { parseCli } from '../../src/cli/args.js';
import { openRecordingFor } from '../../src/cli/recording.js';
import { RecordingError } from '../../src/terminal/errors.js';
import { FISH_BIN } from '../helpers/pty.js';

const tmp = mkdtempSync(join(tmpdir(), 'fish-cli-'));
const fish = (...args: string[]) =>
  spawnSync(process.execPath, [FISH_BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
/** Runs fish with a deadline: a run that hangs ends with status null instead of hanging the suite. */
const fishWithin = (ms: number, ...args: string[]) =>
  spawnSync(process.execPath, [FISH_BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: ms,
    killSignal: 'SIGKILL',
  });
/** Control characters (C0 but LF, DEL, C1): none may reach stderr from what a user typed. */
const CONTROLS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;
/** The events of a recording, each line parsed: throws if a line is not whole JSON. */
const castLines = (text: string): unknown[] =>
  text
    .split('\n')
    .slice(0, -1)
    .map((line) => JSON.parse(line) as unknown);
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

describe('fish --list', () => {
  it('shows every built-in creature with its size, frames and both facings', () => {
    const result = fish('--list');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(
      /^bass \(default\): 5x1 cells, 1 frame\n {2}>\)\)'> {4}<'\(\(<\n/,
    );
    for (const name of [
      'salmon',
      'bird',
      'duck',
      'whale',
      'shark',
      'jellyfish',
      'submarine',
      'tropical',
      'flapper',
      'emoji',
      'ship',
      'seamonster',
      'seamonster-kraken',
      'bigfish',
      'bigfish-long',
      'pufferfish',
      'swordfish',
      'eel',
      'zebrafish',
    ]) {
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
    // Every option the command reads (the parser takes them from the help, so this is also
    // the check that none is missing there).
    const options = Object.keys(parseCli([])).filter((key) => key !== 'arts' && key !== 'command');
    expect(options).toHaveLength(25);
    for (const option of options.map((name) => `--${name}`)) {
      expect(result.stdout).toContain(option);
    }
  });

  it('prints the version', () => {
    expect(fish('--version').stdout).toBe(`${pkg.version}\n`);
  });

  it.each([
    [['--bogus'], /^fish: unknown option "--bogus"\nTry 'fish --help' for more information\.\n$/],
    [['--fps', 'fast'], /^fish: --fps must be a number/],
    [['--fps', '0'], /^fish: --fps must be a number from 0.1 to 240, got "0"\n/],
    [['--bob', '1.5'], /^fish: --bob must be a whole number/],
    [['--sync', 'progress'], /^fish: --sync must be time or step, got "progress"/],
    [['--redraw', 'some'], /^fish: --redraw must be diff or full/],
    [['--color', 'blue'], /^fish: --color must be auto, always or never/],
    [['--size', '80by24', '--record', 'x.cast'], /^fish: --size must be COLSxROWS/],
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

/** Checks the one line of an error that is no usage mistake: status 2, nothing else said. */
function expectOneLine(result: ReturnType<typeof fish>, message: RegExp): void {
  expect(result.status, result.stderr).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(message);
  expect(result.stderr.endsWith('\n') && result.stderr.split('\n')).toHaveLength(2);
}

describe('fish --record never loses data', () => {
  const art = (name: string): string => {
    const path = join(tmp, name);
    writeFileSync(path, '@fish v1\nname: mine\n@frame\n<><\n');
    return path;
  };

  it('refuses to record over the art file it plays, through the same path, a symbolic link or a hard link', () => {
    const played = art('played.art');
    const before = readFileSync(played, 'utf8');
    symlinkSync(played, join(tmp, 'link.cast'));
    linkSync(played, join(tmp, 'hard.cast'));
    for (const record of [
      played,
      join(tmp, '.', 'played.art'),
      join(tmp, 'link.cast'),
      join(tmp, 'hard.cast'),
    ]) {
      for (const force of [[], ['--force']]) {
        const result = fish(
          '--art',
          played,
          '--record',
          record,
          '--size',
          '40x10',
          '--frames',
          '5',
          ...force,
        );
        expectOneLine(
          result,
          /^fish: --record .*: is an art file that fish reads; record into another file\n$/,
        );
        expect(readFileSync(played, 'utf8'), record).toBe(before);
      }
    }
  });

  it('refuses to record over a built-in art file, even with --force', () => {
    // In the process: a built-in art file is never opened for more than a look, even were it not refused.
    const [builtIn] = listArt();
    const options = parseCli(['--record', builtIn.path, '--force']);
    expect(() => openRecordingFor(options, [])).toThrow(RecordingError);
    expect(() => openRecordingFor(options, [])).toThrow(/is an art file that fish reads/);
  });

  it('refuses to replace an existing file that is not a .cast unless --force; an empty file or a .cast is replaced', () => {
    const notes = join(tmp, 'notes.txt');
    writeFileSync(notes, 'my notes\n');
    const refused = fish('--record', notes, '--size', '20x3', '--frames', '2');
    expectOneLine(
      refused,
      /^fish: --record .*notes\.txt: exists and is not a \.cast recording \(--force replaces it\)\n$/,
    );
    expect(readFileSync(notes, 'utf8')).toBe('my notes\n');
    expect(fish('--record', notes, '--size', '20x3', '--frames', '2', '--force').status).toBe(0);
    expect(readFileSync(notes, 'utf8')).toMatch(/^\{"version":2,/);
    for (const [name, content] of [
      ['empty.txt', ''],
      ['old.CAST', 'an old recording'],
    ]) {
      const path = join(tmp, name);
      writeFileSync(path, content);
      expect(fish('--record', path, '--size', '20x3', '--frames', '2').status, name).toBe(0);
      expect(readFileSync(path, 'utf8'), name).toMatch(/^\{"version":2,/);
    }
  });
});

describe('fish --record errors are one line naming the file, status 2', () => {
  const folder = join(tmp, 'a-folder');
  mkdirSync(folder);
  const fifo = join(tmp, 'nobody-reads');
  spawnSync('mkfifo', [fifo]);

  it.each([
    ['a missing folder', join(tmp, 'no-such-folder', 'x.cast'), /: no such folder\n$/],
    ['a folder', folder, /: is a folder\n$/],
    [
      'a FIFO nobody reads (which hung)',
      fifo,
      /: nothing is reading it \(a FIFO without a reader, or a socket\)\n$/,
    ],
    [
      'a full device (ENOSPC at once)',
      '/dev/full',
      /^fish: --record \/dev\/full: no space left on device\n$/,
    ],
  ])('%s', (_, path, message) => {
    for (const mode of [['--size', '20x3'], []]) {
      const result = fishWithin(10_000, '--record', path, '--frames', '2', ...mode);
      expectOneLine(result, message);
      expect(result.stderr.startsWith(`fish: --record ${path}: `)).toBe(true);
    }
  });

  it('a full disk (a real 12 KiB tmpfs) cuts the recording short on a whole JSON line', () => {
    // A tmpfs of its own, mounted in a private mount namespace (unshare: no root needed
    // where user namespaces are allowed); the recording is read back before it goes away.
    const mountPoint = mkdtempSync(join(tmp, 'tmpfs-'));
    const script =
      'mount -t tmpfs -o size=12k tmpfs "$0" || exit 99; "$1" "$2" --aquarium --seed 1 --record "$0/tank.cast" --size 80x24 --frames 100000; s=$?; cat "$0/tank.cast"; exit $s';
    const result = spawnSync(
      'unshare',
      ['-rm', 'sh', '-c', script, mountPoint, process.execPath, FISH_BIN],
      { encoding: 'utf8', timeout: 20_000 },
    );
    expect(result.status, result.stderr).toBe(2);
    expect(result.stderr).toBe(`fish: --record ${mountPoint}/tank.cast: no space left on device\n`);
    expect(result.stdout.length).toBeGreaterThan(4096);
    expect(result.stdout.endsWith('\n')).toBe(true);
    expect(castLines(result.stdout).length).toBeGreaterThan(2);
  });

  it('a file size limit (EFBIG, a real short write) also ends the recording on a whole JSON line', () => {
    const path = join(tmp, 'limited.cast');
    const script =
      'ulimit -f 16; exec "$0" "$1" --aquarium --seed 1 --record "$2" --size 80x24 --frames 100000';
    const result = spawnSync('bash', ['-c', script, process.execPath, FISH_BIN, path], {
      encoding: 'utf8',
      timeout: 20_000,
    });
    expectOneLine(result, /: the file is too large \(a file size limit was reached\)\n$/);
    const text = readFileSync(path, 'utf8');
    expect(text.length).toBeGreaterThan(8192);
    expect(text.endsWith('\n')).toBe(true);
    expect(castLines(text).length).toBeGreaterThan(2);
  });

  it('records through a FIFO whose reader is slower than fish, the same bytes as into a file', async () => {
    const path = join(tmp, 'slow-reader');
    spawnSync('mkfifo', [path]);
    // The reader opens first (non-blocking, so as not to wait for a writer), then reads only
    // once fish has filled the pipe and waits for it.
    const reader = new Socket({
      fd: openSync(path, constants.O_RDONLY | constants.O_NONBLOCK),
      readable: true,
      writable: false,
    });
    reader.pause();
    const args = ['--aquarium', '--seed', '3', '--size', '80x24', '--frames', '1000'];
    const child = spawn(process.execPath, [FISH_BIN, ...args, '--record', path], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, NO_COLOR: '1' },
    });
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    // Full: fish has written nearly a pipe's 64 KiB (its bytes written, from /proc), and no more.
    const written = (): number =>
      Number(/^wchar: (\d+)$/m.exec(readFileSync(`/proc/${child.pid}/io`, 'utf8'))?.[1] ?? 0);
    for (let last = -1, deadline = Date.now() + 15_000; ;) {
      const now = written();
      if (now > 60_000 && now === last) break;
      expect(Date.now(), `fish never filled the pipe (${now} bytes written)`).toBeLessThan(
        deadline,
      );
      last = now;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const chunks: Buffer[] = [];
    reader.on('data', (chunk: Buffer) => chunks.push(chunk));
    const ended = new Promise((resolve) => reader.on('end', resolve));
    reader.resume();
    expect(await exited).toBe(0);
    await ended;
    const file = join(tmp, 'fast.cast');
    expect(fish(...args, '--record', file).status).toBe(0);
    const recorded = Buffer.concat(chunks).toString('utf8');
    expect(recorded.length).toBeGreaterThan(65_536);
    expect(recorded).toBe(readFileSync(file, 'utf8'));
  });
});

describe('fish numbers', () => {
  it.each([
    [['--speed', '-1'], '--speed must be a number from 0 to 10000, got "-1"'],
    [['-s', '-1'], '--speed must be a number from 0 to 10000, got "-1"'],
    [['--fps', '0x10'], '--fps must be a number from 0.1 to 240, got "0x10"'],
    [['--fps', '0o10'], '--fps must be a number from 0.1 to 240, got "0o10"'],
    [['--fps', '0b11'], '--fps must be a number from 0.1 to 240, got "0b11"'],
    [['--fps', '+5'], '--fps must be a number from 0.1 to 240, got "+5"'],
    [['--fps', ' 5'], '--fps must be a number from 0.1 to 240, got " 5"'],
    [['--fps', '5\t'], '--fps must be a number from 0.1 to 240, got "5\\u{9}"'],
    [['--fps', '1e1'], '--fps must be a number from 0.1 to 240, got "1e1"'],
    [['--fps', 'Infinity'], '--fps must be a number from 0.1 to 240, got "Infinity"'],
    [['--frames', '2.5'], '--frames must be a whole number from 1 to 1000000000, got "2.5"'],
    [
      ['--size', ' 80x24', '--record', 'x.cast'],
      '--size must be COLSxROWS such as 80x24 (up to 1000x500), got " 80x24"',
    ],
  ])(
    '%j: plain decimals only, the message names the option, the range and the value',
    (args, message) => {
      const result = fish(...args);
      expect(result.status).toBe(2);
      expect(result.stderr).toBe(`fish: ${message}\nTry 'fish --help' for more information.\n`);
    },
  );

  it.each([['0.5'], ['.5'], ['12'], ['007']])('accepts the plain decimal %s', (value) => {
    const result = fish(
      '--fps',
      value,
      '--record',
      join(tmp, `fps-${value}.cast`),
      '--size',
      '10x2',
      '--frames',
      '1',
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});

describe('fish recording without a terminal ends as on a terminal', () => {
  it('times the frames on a fixed step, and the closing one interval after the last frame', () => {
    const path = join(tmp, 'closing-time.cast');
    const args = ['--size', '20x3', '--frames', '3', '--fps', '10', '--speed', '10'];
    expect(fish('--record', path, ...args).status).toBe(0);
    const times = castLines(readFileSync(path, 'utf8'))
      .slice(1)
      .map((event) => (event as [number])[0]);
    // A cell a frame: frames at 0, 0.1 and 0.2 s; the last is seen for its interval.
    expect(times).toEqual([0, 0.1, 0.2, 0.3]);
  });

  it('stops at --duration when it comes before --frames (which ran for hours)', () => {
    const path = join(tmp, 'first-ends.cast');
    const result = fishWithin(
      10_000,
      '--record',
      path,
      '--size',
      '20x3',
      '--frames',
      '1000000000',
      '--duration',
      '0.3',
      '--speed',
      '50',
    );
    expect(result.status).toBe(0);
    // 0.3 s at 12.5 frames a second: 4 frames (and the closing), the last at 0.24 s.
    const times = castLines(readFileSync(path, 'utf8'))
      .slice(1)
      .map((event) => (event as [number])[0]);
    expect(Math.max(...times)).toBeLessThanOrEqual(0.32);
    expect(times.length).toBeLessThanOrEqual(5);
  });

  it('stops at --frames when they come before --duration', () => {
    const path = join(tmp, 'frames-first.cast');
    expect(
      fish(
        '--record',
        path,
        '--size',
        '20x3',
        '--frames',
        '2',
        '--duration',
        '100',
        '--speed',
        '50',
      ).status,
    ).toBe(0);
    const times = castLines(readFileSync(path, 'utf8'))
      .slice(1)
      .map((event) => (event as [number])[0]);
    expect(Math.max(...times)).toBeLessThanOrEqual(2 / 12.5);
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
    ['--record', ['--record', join(tmp, HOSTILE, 'x.cast'), '--size', '10x2']],
    ['--art', ['--art', join(tmp, `${HOSTILE}.art`), '--check']],
    ['a long --fps', ['--fps', LONG]],
    ['a long --record', ['--record', join(tmp, LONG), '--size', '10x2']],
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
    [['--force'], 'fish: --force goes with --record'],
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
