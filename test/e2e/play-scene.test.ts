/**
 * `playScene`: a scene of the host's own played on a terminal, in a real pseudo-terminal read
 * back by a real terminal emulator (xterm.js); and its options refused in one line.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createScene, parseArt, playScene, swimmer } from '../../src/index.js';
import { closing, type PtyRun, runInPty } from '../helpers/pty.js';

const HOST = fileURLToPath(new URL('../fixtures/play-scene.mjs', import.meta.url));
const ART = '<*>';
const hasArt = (lines: string[]): boolean => lines.some((line) => line.includes(ART));

/** Run the host in a pty, then always end it. */
async function withHost(
  args: string[],
  options: Parameters<typeof runInPty>[1],
  body: (run: PtyRun) => Promise<void>,
): Promise<void> {
  await closing(runInPty([HOST, ...args], options), async (run) => {
    await body(run);
  });
}

describe('playScene in a terminal', () => {
  it('inline: plays under the prompt, hides the cursor; stopped by a key, it leaves no debris', async () => {
    await withHost(['inline'], { cols: 40, rows: 8, before: 'prompt$ kept\r\n' }, async (run) => {
      // The cursor is hidden before the first frame.
      await run.waitFor((lines) => hasArt(lines) && !run.cursorVisible());
      expect(run.screen()[0]).toBe('prompt$ kept');
      run.type('q');
      expect(await run.exited).toBe(0);
      await run.flush();
      const lines = run.screen().filter((line) => line !== '');
      expect(lines).toEqual(['prompt$ kept', 'ended: stopped, drawn']);
      expect(run.cursorVisible()).toBe(true);
    });
  });

  it('full screen: the alternate screen, re-laid on resize, left on Ctrl+C with the shell screen back', async () => {
    await withHost(['alternate'], { cols: 50, rows: 10, before: 'shell line\r\n' }, async (run) => {
      await run.waitFor(hasArt);
      expect(run.term.buffer.active.type).toBe('alternate');
      expect(run.screen()).not.toContain('shell line');
      run.resize(20, 6);
      // The swimmer's track follows the new width: whole on every frame, it reaches the new
      // right edge and turns back to the left one (on the old track it would swim off).
      let reachedRight = false;
      await run.waitFor((lines) => {
        const inked = lines.map((line) => line.trimEnd()).filter((line) => line !== '');
        expect(inked).toHaveLength(1);
        expect(inked[0].trim()).toBe(ART);
        if (inked[0].length >= 19) reachedRight = true;
        return reachedRight && inked[0].length <= ART.length + 2;
      });
      run.type('\u0003');
      // Dies by SIGINT, as the command does: 128 + 2.
      expect(await run.exited).toBe(130);
      await run.flush();
      expect(run.term.buffer.active.type).toBe('normal');
      expect(run.screen()[0]).toBe('shell line');
      expect(run.screen().some((line) => line.includes(ART))).toBe(false);
      expect(run.cursorVisible()).toBe(true);
    });
  });

  it('frames and record: ends by itself, and the recording has every frame', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fish-play-scene-'));
    const cast = join(dir, 'scene.cast');
    await withHost(['inline'], { env: { FRAMES: '5', RECORD: cast } }, async (run) => {
      expect(await run.exited).toBe(0);
      await run.flush();
      expect(run.screen().filter((line) => line !== '')).toEqual(['ended: done, drawn']);
      expect(run.cursorVisible()).toBe(true);
    });
    const [header, ...events] = readFileSync(cast, 'utf8').trimEnd().split('\n');
    expect(JSON.parse(header)).toMatchObject({ version: 2, width: 80, height: 24, title: 'fish' });
    const output = events.map((line) => JSON.parse(line) as [number, string, string]);
    expect(output.every(([, kind]) => kind === 'o')).toBe(true);
    expect(output.filter(([, , bytes]) => bytes.includes(ART)).length).toBeGreaterThanOrEqual(1);
    expect(output.at(-1)?.[2]).toContain('\u001B[?25h');
  });

  it('off a terminal: writes nothing, and ends at once as "not a terminal"', () => {
    const result = spawnSync(process.execPath, [HOST, 'inline'], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('ended: not a terminal, nothing drawn\n');
    expect(result.stderr).toBe('');
  });
});

describe('playScene refuses', () => {
  const scene = createScene([swimmer(parseArt(ART), { speed: 1, bob: 0 })]);

  it('what is not a scene, in one line', () => {
    expect(() => playScene(null as never)).toThrow(
      /^fish: scene must be a scene \(with compose\), got null$/,
    );
  });

  it('an inline scene without a height, and options out of range, in one line', () => {
    expect(() => playScene(scene)).toThrow(/^fish: height must be given for an inline scene/);
    expect(() => playScene(scene, { height: 0 })).toThrow(
      /^fish: height must be a whole number from 1 to 500, got 0$/,
    );
    expect(() => playScene(scene, { height: 1, fps: 0 })).toThrow(/^fish: fps must be/);
    expect(() => playScene(scene, { screen: 'side' as never })).toThrow(
      /^fish: screen must be 'inline' or 'alternate', got "side"$/,
    );
  });
});
