/**
 * What the player gained for the embedding API: drawing synchronously (`startPlayer`),
 * taking the region off the screen for the host's output (`clear`), and starting the tick
 * late (`play`).
 */
import { describe, expect, it } from 'vitest';
import { drawText } from '../../src/render/compose.js';
import { clearGrid } from '../../src/render/grid.js';
import { startPlayer } from '../../src/terminal/player.js';
import { fakeTerminal } from '../helpers/fake-terminal.js';
import { sleep } from '../helpers/wait.js';
import { inked } from '../helpers/xterm.js';

/** A player drawing `frame N` (its frame count) on a fake terminal. */
function counter(cols = 30, rows = 6) {
  const fake = fakeTerminal(cols, rows);
  let drawn = 0;
  const player = startPlayer({
    stream: fake.stream,
    compose: (_t, into) => {
      clearGrid(into);
      drawText(into, 0, 0, `frame ${drawn++}`);
      return into;
    },
    height: 1,
    fps: 50,
    sync: 'step',
    color: false,
    tick: false,
  });
  return { ...fake, player };
}

describe('the player, for the API', () => {
  it('draws synchronously on demand', async () => {
    const { player, lines } = counter();
    expect(player.frameCount).toBe(0);
    player.drawNow();
    expect(inked(await lines())).toEqual(['frame 0']);
    player.stop();
  });

  it('clear() takes the region off; the next frame makes room below what was written', async () => {
    const { player, lines, stream } = counter();
    player.drawNow();
    player.clear();
    expect(inked(await lines())).toEqual([]);
    player.clear(); // nothing shown: nothing to do
    stream.write('host output\n');
    player.redraw();
    expect(inked(await lines())).toEqual(['host output', 'frame 1']);
    player.stop();
    expect(inked(await lines())).toEqual(['host output']);
  });

  it('stop(true) after clear() brings the last frame back to keep it', async () => {
    const { player, lines } = counter();
    player.drawNow();
    player.clear();
    player.stop(true);
    expect(inked(await lines())).toEqual(['frame 1']);
  });

  it('play() starts the tick late, once', async () => {
    const { player } = counter();
    player.drawNow();
    player.play();
    player.play();
    await sleep(100);
    player.stop();
    const frames = player.frameCount;
    expect(frames).toBeGreaterThan(3);
    expect(frames).toBeLessThan(10);
    await sleep(50);
    expect(player.frameCount).toBe(frames);
  });

  it('draws nothing on demand while suspended, and ticks again after resume()', async () => {
    const { player, lines } = counter();
    player.drawNow();
    player.play();
    player.suspend();
    expect(inked(await lines())).toEqual([]);
    // A host that animates from a SIGTSTP listener of its own must not put the region back
    // while the terminal is given back, nor keep resume() from restarting the tick.
    player.drawNow();
    expect(inked(await lines())).toEqual([]);
    const frames = player.frameCount;
    player.resume();
    await sleep(100);
    expect(player.frameCount).toBeGreaterThan(frames + 2);
    expect(inked(await lines())).toHaveLength(1);
    player.stop();
  });
});

describe('a height that changes while it runs (a school)', () => {
  it('makes the region anew at the cursor: it grows below, shrinks without debris, and is capped', async () => {
    const fake = fakeTerminal(30, 6, { before: 'host line\n' });
    let height = 1;
    const player = startPlayer({
      stream: fake.stream,
      compose: (_t, into) => {
        clearGrid(into);
        for (let row = 0; row < into.rows; row++) drawText(into, 0, row, `row ${row + 1}`);
        return into;
      },
      height: () => height,
      fps: 50,
      sync: 'step',
      color: false,
      tick: false,
    });
    player.drawNow();
    expect(inked(await fake.lines())).toEqual(['host line', 'row 1']);
    height = 4;
    player.drawNow();
    expect(inked(await fake.lines())).toEqual(['host line', 'row 1', 'row 2', 'row 3', 'row 4']);
    height = 2;
    player.drawNow();
    expect(inked(await fake.lines())).toEqual(['host line', 'row 1', 'row 2']);
    height = 50; // capped at the terminal's height: the host's line goes to the history
    player.drawNow();
    expect(await fake.lines()).toEqual(['row 1', 'row 2', 'row 3', 'row 4', 'row 5', 'row 6']);
    player.stop();
    expect(inked(await fake.lines())).toEqual([]);
  });
});
