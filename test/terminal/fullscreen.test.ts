/**
 * The alternate-screen surface driven by the player, read back in a real emulator: it takes
 * the whole terminal, redraws whole on resize, and gives the shell its screen back.
 */
import { describe, expect, it } from 'vitest';
import { createAquarium, loadAquariumArt } from '../../src/aquarium/index.js';
import { drawText } from '../../src/render/compose.js';
import type { Grid } from '../../src/render/grid.js';
import { gridLines } from '../../src/render/lines.js';
import { ENTER_ALTERNATE_SCREEN, LEAVE_ALTERNATE_SCREEN } from '../../src/render/escapes.js';
import { AlternateScreen } from '../../src/terminal/fullscreen.js';
import { startPlayer } from '../../src/terminal/player.js';
import { fakeTerminal } from '../helpers/fake-terminal.js';
import { readLines } from '../helpers/xterm.js';

/** A shell's prompt, on the screen before the program starts. */
const PROMPT = { before: '$ prompt\r\n' };

/** A frame with `text` at the bottom-right corner and the grid's size at the top-left. */
function corners(t: number, into: Grid): Grid {
  into.glyphs.fill(' ');
  drawText(into, 0, 0, `${into.cols}x${into.rows} t=${t}`);
  drawText(into, into.cols - 3, into.rows - 1, 'END');
  return into;
}

describe('the alternate screen', () => {
  it('takes the whole terminal, redraws whole on resize, and gives the shell its screen back', async () => {
    const screen = fakeTerminal(30, 8, PROMPT);
    const player = startPlayer({
      stream: screen.stream,
      compose: corners,
      height: 3,
      screen: 'alternate',
      fps: 10,
      sync: 'step',
      redraw: 'full',
      color: false,
      tick: false,
    });
    player.drawNow();
    await screen.flush();
    expect(screen.term.buffer.active.type).toBe('alternate');
    let lines = readLines(screen.term);
    expect(lines[0]).toBe('30x8 t=0');
    expect(lines[7]).toBe(`${' '.repeat(27)}END`);
    // The last cell written puts the cursor in pending wrap; nothing scrolls.
    player.drawNow();
    await screen.flush();
    expect(screen.term.buffer.active.baseY).toBe(0);

    await screen.resize(20, 5);
    lines = readLines(screen.term);
    expect(lines).toEqual(['20x5 t=0.1', '', '', '', `${' '.repeat(17)}END`]);

    player.stop(true);
    await screen.flush();
    expect(screen.term.buffer.active.type).toBe('normal');
    expect(readLines(screen.term)[0]).toBe('$ prompt');
    expect(screen.bytes().split(ENTER_ALTERNATE_SCREEN)).toHaveLength(2);
    expect(screen.bytes().endsWith(LEAVE_ALTERNATE_SCREEN)).toBe(true);
  });

  it('enters once and leaves once, and leaves nothing to undo when never opened', () => {
    const surface = new AlternateScreen(10, 3, { color: false });
    expect(surface.close()).toBe('');
    expect(surface.open('anywhere', 10, 3)).toContain(ENTER_ALTERNATE_SCREEN);
    expect(surface.open('anywhere', 10, 3)).not.toContain(ENTER_ALTERNATE_SCREEN);
    expect(surface.close()).toBe(LEAVE_ALTERNATE_SCREEN);
    expect(surface.close()).toBe('');
  });

  it('draws the aquarium in a fraction of the bytes of repainting the whole screen each frame', async () => {
    const screen = fakeTerminal(120, 40, PROMPT);
    const aquarium = createAquarium({ seed: 3, art: loadAquariumArt() });
    let ours = 0;
    let repaint = 0;
    let shown: Grid | undefined;
    const player = startPlayer({
      stream: screen.stream,
      compose: (t, into) => {
        const grid = aquarium.compose(t, into);
        // asciiquarium's way: home, then every row written whole, each frame.
        repaint += Buffer.byteLength(
          `\u001b[H${gridLines(grid, true, { trim: false }).join('\r\n')}`,
        );
        shown = grid;
        return grid;
      },
      height: 40,
      screen: 'alternate',
      fps: 12.5,
      sync: 'step',
      redraw: 'diff',
      color: true,
      tick: false,
      onFrame: (info) => (ours += info.byteLength),
    });
    for (let k = 0; k < 100; k++) player.drawNow();
    expect(ours).toBeLessThan(repaint / 4);
    // The terminal shows exactly the last frame, for all that was left unwritten.
    await screen.flush();
    expect(readLines(screen.term).map((line) => line.trimEnd())).toEqual(gridLines(shown!, false));
    player.stop();
  });
});
