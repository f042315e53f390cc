/**
 * `fish` end to end: the real command in a pseudo-terminal, its screen read back by a real
 * terminal emulator.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import * as moduleApi from 'node:module';
import { join } from 'node:path';
import {
  BASS,
  closing,
  expectExited,
  FISH_BIN,
  runInPty,
  showsBass,
  swimming,
} from '../helpers/pty.js';
import { castOutput, readCast, replayCast, screenLines, unrecorded } from '../helpers/cast.js';

const PROMPT = '$ fish\r\n';
const tmp = mkdtempSync(join(tmpdir(), 'fish-e2e-'));

/** Lines that hold anything but the prompt. */
const debris = (lines: string[]): string[] =>
  lines.filter((line, y) => line.trim() !== '' && !(y === 0 && line === '$ fish'));
/**
 * Ctrl+C's echo: in raw mode the terminal echoes nothing, and fish writes `^C` last, where the
 * terminal would have (a shell's newline after a job killed by SIGINT then ends its line).
 */
const CTRL_C_ECHO = '^C';

describe("the command's V8 tuning", () => {
  it('is a flag this Node knows: V8 would print an error for one it did not (the check can fail)', () => {
    const run = (args: string[]) => spawnSync(process.execPath, args, { encoding: 'utf8' });
    const fish = run([FISH_BIN, '--version']);
    expect(fish.status).toBe(0);
    expect(fish.stderr).toBe('');
    const unknown = run(['-e', "require('node:v8').setFlagsFromString('--no-such-flag-here')"]);
    expect(unknown.stderr).toMatch(/unrecognized flag/);
  });

  // Node 22.8 and later; on Node 20 there is nothing to check (test:node runs this on each).
  it.runIf('enableCompileCache' in moduleApi)(
    "keeps the bundle's compiled code: a second start reads it from the cache",
    () => {
      const cache = mkdtempSync(join(tmp, 'compile-cache-'));
      const env = { ...process.env, NODE_COMPILE_CACHE: cache, NODE_DEBUG_NATIVE: 'COMPILE_CACHE' };
      const start = () =>
        spawnSync(process.execPath, [FISH_BIN, '--version'], { env, encoding: 'utf8' });
      // Node 22 says `cache for PATH was …`, Node 24 `V8 code cache for CommonJS PATH was …`.
      const bundle = /cache for (?:CommonJS )?\S*\/dist\/bundle\/cli\.cjs was (\w+)/;
      expect(bundle.exec(start().stderr)?.[1]).toBe('not');
      const second = start();
      expect(second.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
      expect(bundle.exec(second.stderr)?.[1]).toBe('accepted');
    },
  );
});

// Node before 22.8 (Node 20) has no compile cache of its own: bin/code-cache.cjs keeps V8's
// code of the bundle instead (test:node runs this on each Node; it is skipped on the others).
describe.runIf(!('enableCompileCache' in moduleApi))("the command's own code cache", () => {
  const temporary = mkdtempSync(join(tmp, 'code-cache-'));
  const folder = join(temporary, `fish-code-cache-${process.getuid?.() ?? 0}`);
  const codeFiles = (): string[] =>
    existsSync(folder) ? readdirSync(folder).filter((file) => file.endsWith('.code')) : [];
  /** A short run in a pty (the code is saved once the first frame is out); its debug lines. */
  const start = async (args: string[] = [], env: Record<string, string> = {}) => {
    const run = runInPty([FISH_BIN, '--frames', '4', '--fps', '20', ...args], {
      env: { TMPDIR: temporary, NODE_DEBUG: 'fish', ...env },
    });
    try {
      expect(await run.exited).toBe(0);
      // Node colours the process id on a terminal.
      const line = /FISH (?:\u001B\[\d+m)?\d+(?:\u001B\[\d+m)?: ([^\r\n\u001B]*)/g;
      return [...run.output().matchAll(line)].map((match) => match[1]);
    } finally {
      run.close();
    }
  };

  it('saves the code once the fish has swum, and a second start takes it', async () => {
    expect(await start()).toEqual([
      'code of the strip run: not found',
      expect.stringMatching(/^code saved: /),
    ]);
    const [file] = codeFiles();
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    expect(statSync(join(folder, file)).mode & 0o777).toBe(0o600);
    const saved = statSync(join(folder, file));
    expect(await start()).toEqual(['code of the strip run: accepted']);
    expect(statSync(join(folder, file)).mtimeMs).toBe(saved.mtimeMs);
    // The aquarium compiles other code than the strip: it keeps its own.
    expect(await start(['--aquarium'])).toEqual([
      'code of the aquarium run: not found',
      expect.stringMatching(/^code saved: /),
    ]);
    expect(await start(['--aquarium'])).toEqual(['code of the aquarium run: accepted']);
    // A run that prints and ends would save code that serves no show: it does not take part.
    expect(await start(['--version'])).toEqual([]);
    expect(codeFiles()).toHaveLength(2);
  });

  it('compiles as usual, and saves anew, when V8 refuses the code', async () => {
    await start();
    const [file] = codeFiles().filter((name) => name.includes('-strip-'));
    writeFileSync(join(folder, file), 'not V8 code at all');
    expect(await start()).toEqual([
      'code of the strip run: rejected',
      expect.stringMatching(/^code saved: /),
    ]);
    expect(await start()).toEqual(['code of the strip run: accepted']);
  });

  it('reads and writes nothing in a folder others may write, nor with the cache off', async () => {
    await start();
    const strip = codeFiles().find((name) => name.includes('-strip-'));
    expect(strip).toBeDefined();
    // The strip's code gone, its run would save it: not in a folder others may write.
    rmSync(join(folder, strip ?? ''));
    const others = codeFiles();
    chmodSync(folder, 0o777);
    try {
      expect(await start()).toEqual(['code of the strip run: not read: the folder is not private']);
      expect(await start(['--aquarium'])).toEqual([
        'code of the aquarium run: not read: the folder is not private',
      ]);
      expect(codeFiles()).toEqual(others);
    } finally {
      chmodSync(folder, 0o700);
    }
    expect(await start([], { NODE_DISABLE_COMPILE_CACHE: '1' })).toEqual([
      'code of the strip run: off',
    ]);
    expect(codeFiles()).toEqual(others);
  });
});

describe('fish in a terminal', () => {
  it('swims until Ctrl+C, then clears its rows, shows the cursor and exits 130', async () => {
    const run = runInPty([FISH_BIN], { cols: 60, rows: 10, before: PROMPT });
    await run.waitFor(swimming(run));
    expect(run.screen()[0]).toBe('$ fish');
    run.type('\x03');
    await expectExited(run, 130);
    expect(debris(run.screen())).toEqual([CTRL_C_ECHO]);
    expect(run.screen()[1]).toBe(CTRL_C_ECHO);
    expect(run.term.buffer.active.cursorY).toBe(1);
    expect(run.term.buffer.active.cursorX).toBe(CTRL_C_ECHO.length);
  });

  it('exits 143 on SIGTERM with the terminal clean', async () => {
    const run = runInPty([FISH_BIN], { cols: 60, rows: 10, before: PROMPT });
    await run.waitFor(showsBass);
    run.kill('SIGTERM');
    await expectExited(run, 143);
    expect(debris(run.screen())).toEqual([]);
  });

  it('stops by itself after --frames, and --persist keeps the last frame above the cursor', async () => {
    const run = runInPty([FISH_BIN, '--frames', '5', '--fps', '50', '--persist', '--bob', '0'], {
      cols: 40,
      rows: 6,
      before: PROMPT,
    });
    expect(await run.exited).toBe(0);
    await run.flush();
    const lines = run.screen();
    expect(lines[0]).toBe('$ fish');
    expect(lines[1]).toMatch(BASS);
    expect(run.term.buffer.active.cursorY).toBe(2);
    expect(run.term.buffer.active.cursorX).toBe(0);
    expect(run.cursorVisible()).toBe(true);
  });

  it('is whole in every frame, turning at both edges, with no debris', async () => {
    const cast = join(tmp, 'turns.cast');
    const cols = 30;
    const run = runInPty(
      [
        FISH_BIN,
        '--sync',
        'step',
        '--speed',
        '50',
        '--fps',
        '50',
        '--frames',
        '120',
        '--record',
        cast,
      ],
      { cols, rows: 8 },
    );
    expect(await run.exited).toBe(0);
    const recording = readCast(cast);
    expect(recording.header).toMatchObject({ version: 2, width: cols, height: 8 });
    expect(recording.events.length).toBeGreaterThan(100);
    const facings = new Set<string>();
    // Every frame shows one whole fish, until the closing clears the strip for good. (The
    // first event hides the cursor, before any fish.)
    let cleared = false;
    let drawn = false;
    await replayCast(recording, (index, lines) => {
      const inked = lines.filter((line) => line.trim() !== '');
      if (inked.length === 0) {
        cleared = drawn;
        return;
      }
      drawn = true;
      expect(cleared, `frame ${index} after the closing`).toBe(false);
      expect(inked, `frame ${index}`).toHaveLength(1);
      const match = BASS.exec(inked[0]);
      expect(match, `frame ${index}: ${inked[0]}`).not.toBeNull();
      expect(inked[0].trim(), `frame ${index}`).toBe(match?.[0]);
      expect(inked[0].length).toBeLessThanOrEqual(cols);
      facings.add(match?.[0] ?? '');
    });
    expect(facings).toEqual(new Set([">))'>", "<'((<"]));
    expect(cleared).toBe(true);
    // The pty saw the same: at the end the region is cleared and the cursor shown.
    await run.flush();
    expect(run.screen().every((line) => line.trim() === '')).toBe(true);
    expect(run.cursorVisible()).toBe(true);
  });

  it('redraws with no debris when the terminal is resized narrower and wider', async () => {
    const run = runInPty([FISH_BIN, '--speed', '40', '--fps', '25'], {
      cols: 80,
      rows: 10,
      before: PROMPT,
    });
    await run.waitFor((lines) => lines.some((line) => /^ {30,}\S/.test(line)), 8000);
    run.resize(30, 10);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await run.waitFor((lines) => debris(lines).length === 1 && BASS.test(debris(lines)[0]));
    expect(run.screen()[0]).toBe('$ fish');
    run.resize(100, 12);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await run.waitFor((lines) => debris(lines).length === 1 && BASS.test(debris(lines)[0]));
    expect(run.screen()[0]).toBe('$ fish');
    run.type('\x03');
    expect(await run.exited).toBe(130);
    await run.flush();
    expect(debris(run.screen())).toEqual([CTRL_C_ECHO]);
  });

  it('clips in a terminal narrower than the art and lower than the region', async () => {
    const run = runInPty([FISH_BIN, '--art', 'whale'], { cols: 2, rows: 3 });
    // Drawing, its cursor hidden (not a fixed wait: a Ctrl+C before fish has started leaves its echo).
    await run.waitFor(() => run.output() !== '' && !run.cursorVisible());
    expect(run.screen().every((line) => line.length <= 2)).toBe(true);
    run.type('\x03');
    await expectExited(run, 130);
    expect(run.screen().filter((line) => line.trim() !== '')).toEqual([CTRL_C_ECHO]);
  });
});

describe('live recordings (--record on a terminal)', () => {
  it('records every byte written to the terminal, the closing included: played back, the strip is cleared and the cursor shown', async () => {
    for (const [ending, args, status] of [
      ['--frames', ['--frames', '15'], 0],
      ['Ctrl+C', [], 130],
    ] as const) {
      const path = join(tmp, `closing-${status}.cast`);
      await closing(
        runInPty([FISH_BIN, '--fps', '50', '--record', path, ...args], {
          cols: 40,
          rows: 8,
        }),
        async (run) => {
          await run.waitFor(swimming(run));
          if (status === 130) run.type('\x03');
          expect(await run.exited, ending).toBe(status);
          await run.flush();
          const cast = readCast(path);
          expect(unrecorded(run.output(), cast), ending).toBe('');
          const term = await replayCast(cast, () => {});
          expect(
            screenLines(term).filter((line) => line !== ''),
            ending,
          ).toEqual(status === 130 ? [CTRL_C_ECHO] : []);
          expect(castOutput(cast).lastIndexOf('\u001B[?25h'), ending).toBeGreaterThan(
            castOutput(cast).lastIndexOf('\u001B[?25l'),
          );
        },
      );
    }
  });

  it('records each resize as an "r" event, in order with the bytes that answer it, on the frame clock', async () => {
    const path = join(tmp, 'resized.cast');
    await closing(
      runInPty([FISH_BIN, '--speed', '40', '--fps', '25', '--record', path], {
        cols: 60,
        rows: 10,
      }),
      async (run) => {
        await run.waitFor((lines) => lines.some((line) => /^ {20,}\S/.test(line)), 8000);
        for (const [cols, rows] of [
          [30, 10],
          [70, 12],
        ]) {
          const before = run.output().length;
          run.resize(cols, rows);
          // Answered: the strip is erased and drawn again at the new size.
          await run.waitFor(() => run.output().includes('\u001b[J', before), 3000);
        }
        run.type('\x03');
        expect(await run.exited).toBe(130);
        await run.flush();
        const cast = readCast(path);
        expect(cast.header).toMatchObject({ width: 60, height: 10 });
        expect(cast.events.filter(([, kind]) => kind === 'r').map(([, , size]) => size)).toEqual([
          '30x10',
          '70x12',
        ]);
        const times = cast.events.map(([time]) => time);
        expect(times).toEqual([...times].sort((a, b) => a - b));
        // Each resize is followed by the erasing that answers it.
        for (const [index, [, kind]] of cast.events.entries()) {
          if (kind === 'r') expect(cast.events[index + 1]?.[2]).toContain('\u001b[J');
        }
        expect(unrecorded(run.output(), cast)).toBe('');
        // Played back at the sizes recorded, it ends as the terminal did: nothing left.
        const term = await replayCast(cast, () => {});
        expect([term.cols, term.rows]).toEqual([70, 12]);
        expect(screenLines(term).filter((line) => line !== '')).toEqual([CTRL_C_ECHO]);
      },
    );
  });
});

describe('fish without a terminal', () => {
  it.each([[[]], [['--aquarium']]])(
    '%j writes not one escape byte to a pipe and exits 0',
    (args) => {
      const result = spawnSync(process.execPath, [FISH_BIN, ...args], {
        encoding: 'utf8',
        env: { ...process.env, FORCE_COLOR: '1' },
      });
      expect(result.status).toBe(0);
      expect(result.stdout).toBe('');
      expect(result.stderr).not.toContain('\u001B');
      expect(result.stderr).toMatch(/not a terminal/);
    },
  );

  it('says TERM=dumb is why nothing is animated in a terminal that is one (it said "not a terminal"), and records with --record', async () => {
    const dumb = (...args: string[]) =>
      runInPty(['TERM=dumb', process.execPath, FISH_BIN, ...args], {
        command: 'env',
        cols: 100,
        rows: 6,
      });
    await closing(dumb(), async (run) => {
      expect(await run.exited).toBe(0);
      await run.flush();
      expect(run.screen()[0]).toBe(
        'fish: TERM is "dumb", so nothing is animated (--record FILE.cast records one)',
      );
    });
    const path = join(tmp, 'dumb.cast');
    const recording = dumb('--record', path, '--frames', '3');
    try {
      expect(await recording.exited).toBe(0);
      expect(recording.output()).toBe('');
      expect(readCast(path).header).toMatchObject({ width: 80, height: 24 });
      expect(readCast(path).events.length).toBeGreaterThan(1);
    } finally {
      recording.close();
    }
  });

  it('under CI animates nothing even in a terminal, as the library does (it animated while the library kept quiet)', async () => {
    await closing(runInPty([FISH_BIN], { cols: 100, rows: 6, env: { CI: '1' } }), async (run) => {
      expect(await run.exited).toBe(0);
      await run.flush();
      expect(run.output()).not.toContain('\u001b');
      expect(run.screen()[0]).toBe(
        'fish: CI is set (CI keeps logs), so nothing is animated (--record FILE.cast records one)',
      );
    });
  });

  it('records into a file alone at --size, timed on the frame schedule', async () => {
    const path = join(tmp, 'alone.cast');
    const result = spawnSync(
      process.execPath,
      [FISH_BIN, '--record', path, '--size', '40x5', '--frames', '20', '--fps', '10', '--persist'],
      {
        encoding: 'utf8',
      },
    );
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
    const cast = readCast(path);
    expect(cast.header).toMatchObject({ version: 2, width: 40, height: 5 });
    // One event per frame that wrote something (a fish at 8 cells/s does not move every
    // frame at 10 fps), at the frame's scheduled time, then the clearing.
    expect(cast.events.length).toBeGreaterThan(10);
    expect(cast.events.length).toBeLessThanOrEqual(21);
    for (const [time] of cast.events)
      expect(Math.abs(time * 10 - Math.round(time * 10))).toBeLessThan(1e-6);
    const term = await replayCast(cast, () => {});
    expect(term.buffer.active.getLine(1)?.translateToString(true)).toMatch(BASS);
  });

  it('records at 80x24 when stdout is not a terminal and --size is not given', () => {
    const path = join(tmp, 'default.cast');
    const result = spawnSync(process.execPath, [FISH_BIN, '--record', path, '--frames', '3'], {
      encoding: 'utf8',
    });
    expect(result.status).toBe(0);
    expect(readCast(path).header).toMatchObject({ width: 80, height: 24 });
  });

  it('ends quietly with status 0 when the reader of a pipe goes away', () => {
    const result = spawnSync(
      'sh',
      [
        '-c',
        `"${process.execPath}" "${FISH_BIN}" --record /dev/stdout --size 80x24 --frames 100000 | head -c 100 > /dev/null`,
      ],
      { encoding: 'utf8' },
    );
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
  });

  it('rejects a broken art file with one line and status 2', () => {
    const path = join(tmp, 'evil.art');
    writeFileSync(path, ">))'>\n\u001B]0;pwned\u0007\n");
    const result = spawnSync(process.execPath, [FISH_BIN, '--art', path], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^fish: .*evil\.art:2: /);
  });
});

describe('fish in colour', () => {
  /** Foreground palette indices of every inked cell on screen. */
  const inkColours = (run: ReturnType<typeof runInPty>): Set<number> => {
    const colours = new Set<number>();
    const buffer = run.term.buffer.active;
    for (let y = 0; y < run.term.rows; y++) {
      const line = buffer.getLine(buffer.viewportY + y);
      for (let x = 0; line && x < run.term.cols; x++) {
        const cell = line.getCell(x);
        if (cell && cell.getChars().trim() !== '')
          colours.add(cell.isFgDefault() ? -1 : cell.getFgColor());
      }
    }
    return colours;
  };

  it('draws the mask colours of coloured art, and none with NO_COLOR or for plain art', async () => {
    const coloured = runInPty(
      [FISH_BIN, '--art', 'tropical', '--frames', '3', '--persist', '--bob', '0'],
      { cols: 40, rows: 8 },
    );
    expect(await coloured.exited).toBe(0);
    await coloured.flush();
    expect([...inkColours(coloured)].filter((c) => c >= 0).length).toBeGreaterThan(1);

    const plain = runInPty(
      [FISH_BIN, '--art', 'tropical', '--frames', '3', '--persist', '--bob', '0'],
      { cols: 40, rows: 8, env: { NO_COLOR: '1' } },
    );
    expect(await plain.exited).toBe(0);
    await plain.flush();
    expect(inkColours(plain)).toEqual(new Set([-1]));
    expect(plain.output()).not.toMatch(/\u001B\[[0-9;]*m/);

    const bass = runInPty([FISH_BIN, '--frames', '3', '--color', 'always'], { cols: 40, rows: 8 });
    expect(await bass.exited).toBe(0);
    expect(bass.output()).not.toMatch(/\u001B\[[0-9;]*m/);
  });
});

describe('fish options that change the drawing', () => {
  it('--redraw full draws through log-update and still leaves a clean terminal', async () => {
    const run = runInPty([FISH_BIN, '--redraw', 'full', '--speed', '30'], {
      cols: 50,
      rows: 8,
      before: PROMPT,
    });
    await run.waitFor(swimming(run));
    run.type('\x03');
    await expectExited(run, 130);
    expect(debris(run.screen())).toEqual([CTRL_C_ECHO]);
  });

  it('--speed 60 --fps 60 --sync step moves exactly one cell per frame', async () => {
    const path = join(tmp, 'step.cast');
    const result = spawnSync(
      process.execPath,
      [
        FISH_BIN,
        '--record',
        path,
        '--size',
        '40x3',
        '--speed',
        '60',
        '--fps',
        '60',
        '--sync',
        'step',
        '--bob',
        '0',
        '--frames',
        '30',
      ],
      { encoding: 'utf8' },
    );
    expect(result.status).toBe(0);
    const columns: number[] = [];
    await replayCast(readCast(path), (_, lines) => {
      const column = lines[0].indexOf('>');
      if (column >= 0) columns.push(column);
    });
    expect(columns.slice(0, 30)).toEqual(Array.from({ length: 30 }, (_, k) => k));
  });
});
