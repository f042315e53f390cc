/**
 * `fish --aquarium` end to end: the real command in a pseudo-terminal, its screen read back by
 * a real terminal emulator (both buffers: the alternate screen while it runs, the shell's
 * after).
 */
import { describe, expect, it } from 'vitest';
import { sleep } from '../helpers/wait.js';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closing, FISH_BIN, type PtyRun, runInPty } from '../helpers/pty.js';
import { castOutput, readCast, replayCast, unrecorded } from '../helpers/cast.js';
import { loadAquariumArt } from '../../src/aquarium/index.js';
import { isWaterLine, waterLineRow } from '../helpers/tank.js';

const tankArt = loadAquariumArt();

const PROMPT = '$ fish --aquarium\r\n';
const tmp = mkdtempSync(join(tmpdir(), 'fish-aquarium-e2e-'));

/** The row of the aquarium's water line. */
const surfaceRow = waterLineRow;

/** Start the aquarium and wait until its tank is drawn in the alternate screen. */
async function startTank(args: readonly string[] = [], cols = 80, rows = 24): Promise<PtyRun> {
  const run = runInPty([FISH_BIN, '--aquarium', '--seed', '7', ...args], {
    cols,
    rows,
    before: PROMPT,
  });
  // The cursor is hidden before the first frame.
  await run.waitFor(
    (lines) =>
      run.term.buffer.active.type === 'alternate' &&
      surfaceRow(lines, cols) >= 0 &&
      !run.cursorVisible(),
  );
  return run;
}

/** After the end: the shell's screen is back as it was, with the cursor shown below the prompt. */
async function expectShellBack(run: PtyRun, echo = ''): Promise<void> {
  await run.flush();
  expect(run.term.buffer.active.type).toBe('normal');
  expect(run.cursorVisible()).toBe(true);
  expect(run.screen()[0]).toBe('$ fish --aquarium');
  expect(run.screen().slice(1)).toEqual([
    echo,
    ...new Array<string>(run.screen().length - 2).fill(''),
  ]);
  expect(run.term.buffer.active.cursorY).toBe(1);
  expect(run.term.buffer.active.cursorX).toBe(echo.length);
}

describe('fish --aquarium in a terminal', () => {
  it('fills the alternate screen with a tank, and q leaves it with status 0', async () => {
    const run = await startTank();
    const lines = run.screen();
    // The surface, the water below it with fish, seaweed on the floor.
    const surface = surfaceRow(lines, 80);
    expect(lines.slice(surface + 3).join('')).toMatch(/[<>]/);
    expect(lines.at(-1)).toMatch(/[()]/);
    run.type('q');
    expect(await run.exited).toBe(0);
    await expectShellBack(run);
  });

  it('quits on Ctrl+C (a key in raw mode) with status 130', async () => {
    const run = await startTank();
    run.type('\x03');
    expect(await run.exited).toBe(130);
    // The key's echo, written where the terminal would have echoed it in its usual mode.
    await expectShellBack(run, '^C');
  });

  it('leaves the alternate screen on SIGTERM, with status 143', async () => {
    const run = await startTank();
    run.kill('SIGTERM');
    expect(await run.exited).toBe(143);
    await expectShellBack(run);
  });

  it('leaves the alternate screen on a crash, the error printed on the shell’s screen', async () => {
    const crash = 'data:text/javascript,setTimeout(() => { throw new Error("boom") }, 500)';
    const run = runInPty(['--import', crash, FISH_BIN, '--aquarium'], {
      cols: 60,
      rows: 16,
      before: PROMPT,
    });
    expect(await run.exited).toBe(1);
    await run.flush();
    expect(run.output()).toContain('\u001B[?1049h');
    expect(run.term.buffer.active.type).toBe('normal');
    expect(run.cursorVisible()).toBe(true);
    expect(run.screen()[0]).toBe('$ fish --aquarium');
    expect(run.screen().join('\n')).toContain('Error: boom');
  });

  it('leaves the alternate screen when --frames are done', async () => {
    const run = runInPty([FISH_BIN, '--aquarium', '--frames', '5', '--fps', '25'], {
      cols: 60,
      rows: 16,
      before: PROMPT,
    });
    expect(await run.exited).toBe(0);
    await expectShellBack(run);
    expect(run.output()).toContain('\u001B[?1049h');
  });

  it('re-lays the tank at once when the terminal is resized, with no debris', async () => {
    const run = await startTank();
    for (const [cols, rows] of [
      [110, 32],
      [44, 14],
    ]) {
      run.resize(cols, rows);
      // No key pressed: the resize alone redraws the tank at its new size.
      await run.waitFor((lines) => surfaceRow(lines, cols) === Math.floor(rows / 10), 1500);
      const lines = run.screen();
      expect(lines).toHaveLength(rows);
      expect(lines.every((line) => [...line].length <= cols)).toBe(true);
      // Nothing left of the old frame: no rows are mostly waves but the water line's first two.
      const top = surfaceRow(lines, cols);
      expect(lines.flatMap((line, y) => (isWaterLine(line, cols) ? [y] : []))).toEqual([
        top,
        top + 1,
      ]);
    }
    run.type('q');
    expect(await run.exited).toBe(0);
  });

  it('a live recording records the whole run: played back, it leaves the alternate screen, resized as the terminal was', async () => {
    const path = join(tmp, 'live.cast');
    await closing(await startTank(['--record', path], 60, 16), async (run) => {
      run.resize(44, 14);
      await run.waitFor((lines) => surfaceRow(lines, 44) >= 0, 1500);
      run.type('q');
      expect(await run.exited).toBe(0);
      await expectShellBack(run);
      const cast = readCast(path);
      expect(cast.header).toMatchObject({ width: 60, height: 16, title: 'aquarium' });
      expect(cast.events.filter(([, kind]) => kind === 'r').map(([, , size]) => size)).toEqual([
        '44x14',
      ]);
      expect(unrecorded(run.output(), cast)).toBe('');
      const term = await replayCast(cast, () => {});
      expect(term.buffer.active.type).toBe('normal');
      expect(castOutput(cast).lastIndexOf('\u001B[?25h')).toBeGreaterThan(
        castOutput(cast).lastIndexOf('\u001B[?25l'),
      );
    });
  });

  it('pauses and resumes with p, adds a fish with space, redraws everything with r', async () => {
    const run = await startTank(['--fps', '25']);
    const moving = run.screen();
    await run.waitFor((lines) => lines.join('\n') !== moving.join('\n'), 2000);
    run.type('p');
    // Paused once two screens 300 ms apart are the same (waiting out a key that comes late).
    let paused = run.screen();
    for (let tries = 0; ; tries++) {
      await sleep(300);
      await run.flush();
      const now = run.screen();
      if (now.join('\n') === paused.join('\n')) break;
      expect(tries, 'the tank did not pause').toBeLessThan(10);
      paused = now;
    }
    await sleep(300);
    await run.flush();
    expect(run.screen()).toEqual(paused);

    // A fish added while paused shows at once, and nothing else moves.
    run.type(' ');
    await run.waitFor((lines) => lines.join('\n') !== paused.join('\n'));
    await sleep(100);
    await run.flush();
    const withFish = run.screen();

    // Something else scribbles on the screen; r erases it and draws the tank whole again.
    run.term.write('\u001B[3;3HSCRIBBLE');
    await run.flush();
    expect(run.screen().join('\n')).toContain('SCRIBBLE');
    run.type('r');
    await run.waitFor((lines) => !lines.join('\n').includes('SCRIBBLE'));
    // The same picture (a whole redraw leaves out blanks the diffs had written at line ends).
    const trimmed = (lines: string[]): string[] => lines.map((line) => line.trimEnd());
    expect(trimmed(run.screen())).toEqual(trimmed(withFish));

    run.type('p');
    await run.waitFor((lines) => lines.join('\n') !== withFish.join('\n'));
    run.type('q');
    expect(await run.exited).toBe(0);
  });
});

describe('fish --aquarium without a terminal (its pipe: test/e2e/cli.test.ts)', () => {
  /** Record the aquarium with `options` into `path`, with no terminal: the run must succeed. */
  const recordAquarium = (path: string, options: readonly string[]): void => {
    const args = [FISH_BIN, '--aquarium', ...options, '--record', path];
    expect(spawnSync(process.execPath, args, { encoding: 'utf8' }).status).toBe(0);
  };

  it('records the same file for the same seed, and another for another seed', () => {
    const recordTank = (name: string, seed: string): string => {
      const path = join(tmp, name);
      recordAquarium(path, ['--seed', seed, '--size', '70x20', '--frames', '60']);
      return readFileSync(path, 'utf8');
    };
    const first = recordTank('a.cast', '42');
    expect(recordTank('b.cast', '42')).toBe(first);
    expect(recordTank('c.cast', '43')).not.toBe(first);
  });

  it('records the tank in the alternate screen, your own creatures in it, whole in every frame', async () => {
    const own = join(tmp, 'own.art');
    writeFileSync(own, '@fish v1\nname: mine\n@frame\n<QQQ>\n');
    const path = join(tmp, 'own.cast');
    recordAquarium(path, ['--art', own, '--seed', '1', '--size', '60x18', '--frames', '40']);
    const cast = readCast(path);
    expect(cast.header).toMatchObject({ width: 60, height: 18, title: 'aquarium' });
    expect(cast.header).not.toHaveProperty('timestamp');
    expect(cast.events[0][2]).toContain('\u001B[?1049h');
    expect(cast.events.at(-1)?.[2]).toContain('\u001B[?1049l');
    let sawOwn = false;
    const term = await replayCast(cast, (index, lines, emulator) => {
      if (emulator.buffer.active.type !== 'alternate') return;
      expect(lines, `frame ${index}`).toHaveLength(18);
      expect(surfaceRow(lines, 60), `frame ${index}`).toBe(1);
      sawOwn ||= lines.some((line) => line.includes('QQQ'));
    });
    expect(sawOwn).toBe(true);
    expect(term.buffer.active.type).toBe('normal');
  });

  it('a seeded recording at 200x50 shows the castle, the water line, and two kinds of visitor within 60 seconds', async () => {
    const path = join(tmp, 'visitors.cast');
    // 60 seconds at the default 12.5 frames a second, in step time.
    recordAquarium(path, ['--seed', '1', '--size', '200x50', '--frames', '750']);
    /** What each visitor shows, whichever way it faces. */
    const VISITORS: Record<string, RegExp> = {
      ship: /\|__\\|\/__\|/,
      shark: /vvv/,
      whale: /-{8}/,
      submarine: /-\+-/,
      'sea monster': /\\_____\/|@ {3}@/,
      'big fish': /\){4}|\({4}|\(O\)/,
    };
    const seen = new Set<string>();
    let castleFrames = 0;
    let frames = 0;
    await replayCast(readCast(path), (index, lines, emulator) => {
      if (emulator.buffer.active.type !== 'alternate') return;
      frames++;
      // The water line: four rows under four of sky.
      expect(surfaceRow(lines, 200), `frame ${index}`).toBe(4);
      expect(lines[5].replace(/[^~]/g, '').length, `frame ${index}`).toBeGreaterThan(100);
      // The castle: its flag and towers, at the bottom right.
      const floor = lines.slice(-tankArt.castle.height).join('\n');
      if (floor.includes('|>>') && floor.includes('|_| |_|')) castleFrames++;
      for (const [name, shape] of Object.entries(VISITORS))
        if (lines.some((line) => shape.test(line))) seen.add(name);
    });
    expect(frames).toBe(750);
    // Fish pass in front of the castle now and then.
    expect(castleFrames).toBeGreaterThan(frames / 2);
    expect(seen.size, [...seen].join(', ')).toBeGreaterThanOrEqual(2);
  });

  it('refuses options of the single creature, in one line with status 2', () => {
    const result = spawnSync(process.execPath, [FISH_BIN, '--aquarium', '--bob', '3'], {
      encoding: 'utf8',
    });
    expect(result.status).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe('fish: --bob does not go with --aquarium');
  });
});
