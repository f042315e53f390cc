/**
 * The terminal side of the aquarium: the alternate-screen surface driven by the player (read
 * back in a real emulator), its keys, and the command line's aquarium options.
 */
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { parseCli, UsageError } from '../../src/cli/args.js';
import { aquariumKeys } from '../../src/cli/aquarium.js';
import { createAquarium, loadAquariumArt } from '../../src/aquarium/index.js';
import { createPausableClock } from '../../src/motion/index.js';
import { drawText } from '../../src/render/compose.js';
import type { Grid } from '../../src/render/grid.js';
import { gridLines } from '../../src/render/lines.js';
import {
  ENTER_ALTERNATE_SCREEN,
  LEAVE_ALTERNATE_SCREEN,
  AlternateScreen,
} from '../../src/terminal/fullscreen.js';
import { startPlayer } from '../../src/terminal/player.js';
import type { TerminalStream } from '../../src/terminal/stream.js';
import { createTerminal, readLines, writeAsync } from '../helpers/xterm.js';

/** A terminal stream of a given size whose writes go to an emulator; it can be resized. */
function emulated(cols: number, rows: number) {
  const term = createTerminal(cols, rows);
  term.write('$ prompt\r\n');
  let written = '';
  const events = new EventEmitter();
  const stream = {
    columns: cols,
    rows,
    isTTY: true,
    write(chunk: string) {
      written += chunk;
      term.write(chunk);
      return true;
    },
    on: (event: string, listener: () => void) => events.on(event, listener),
    off: (event: string, listener: () => void) => events.off(event, listener),
  };
  return {
    term,
    stream: stream as TerminalStream & { columns: number; rows: number },
    written: () => written,
    resize(newCols: number, newRows: number) {
      stream.columns = newCols;
      stream.rows = newRows;
      term.resize(newCols, newRows);
      events.emit('resize');
    },
    settle: () => writeAsync(term, ''),
  };
}

/** A frame with `text` at the bottom-right corner and the grid's size at the top-left. */
function corners(t: number, into: Grid): Grid {
  into.glyphs.fill(' ');
  drawText(into, 0, 0, `${into.cols}x${into.rows} t=${t}`);
  drawText(into, into.cols - 3, into.rows - 1, 'END');
  return into;
}

describe('the alternate screen', () => {
  it('takes the whole terminal, redraws whole on resize, and gives the shell its screen back', async () => {
    const screen = emulated(30, 8);
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
    await screen.settle();
    expect(screen.term.buffer.active.type).toBe('alternate');
    let lines = readLines(screen.term);
    expect(lines[0]).toBe('30x8 t=0');
    expect(lines[7]).toBe(`${' '.repeat(27)}END`);
    // The last cell written puts the cursor in pending wrap; nothing scrolls.
    player.drawNow();
    await screen.settle();
    expect(screen.term.buffer.active.baseY).toBe(0);

    screen.resize(20, 5);
    await screen.settle();
    lines = readLines(screen.term);
    expect(lines).toEqual(['20x5 t=0.1', '', '', '', `${' '.repeat(17)}END`]);

    player.stop(true);
    await screen.settle();
    expect(screen.term.buffer.active.type).toBe('normal');
    expect(readLines(screen.term)[0]).toBe('$ prompt');
    expect(screen.written().split(ENTER_ALTERNATE_SCREEN)).toHaveLength(2);
    expect(screen.written().endsWith(LEAVE_ALTERNATE_SCREEN)).toBe(true);
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
    const screen = emulated(120, 40);
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
    await screen.settle();
    expect(readLines(screen.term).map((line) => line.trimEnd())).toEqual(gridLines(shown!, false));
    player.stop();
  });
});

describe('the keys of the aquarium', () => {
  /** The tank on a player in an emulated terminal, and its keys. */
  function tankWithKeys() {
    const screen = emulated(80, 24);
    const aquarium = createAquarium({ seed: 11, art: loadAquariumArt() });
    const clock = createPausableClock();
    const player = startPlayer({
      stream: screen.stream,
      compose: (t, into) => aquarium.compose(clock.read(t), into),
      height: 24,
      screen: 'alternate',
      fps: 12.5,
      sync: 'step',
      color: false,
      tick: false,
    });
    player.drawNow();
    const onKey = aquariumKeys(aquarium, clock);
    let quit: number | undefined;
    const press = (keys: string): void => {
      for (const key of keys) onKey(key, { player, quit: (status) => (quit = status) });
    };
    return { screen, aquarium, player, press, quit: () => quit };
  }

  it('cost no frame each: 20,000 spaces add fish up to the cap, and many r draw once a frame', () => {
    const { aquarium, player, press, quit } = tankWithKeys();
    const frames = player.frameCount;
    press(' '.repeat(20_000));
    // The cap of docs/aquarium.md.
    expect(aquarium.fishCount).toBe(100);
    // The fish show in the next frame the tick draws, not in one frame per key.
    expect(player.frameCount).toBe(frames);
    press('r'.repeat(50));
    expect(player.frameCount).toBe(frames + 1);
    player.drawNow();
    press('rr');
    expect(player.frameCount).toBe(frames + 3);
    press('q');
    expect(quit()).toBe(0);
    player.stop();
  });

  it('f drops food from the surface, up to 50 flakes at once', () => {
    const { aquarium, player, press } = tankWithKeys();
    press('f');
    expect(aquarium.scene.count('food')).toBe(1);
    press('f'.repeat(200));
    expect(aquarium.scene.count('food')).toBe(50);
    player.stop();
  });

  it('r redraws the whole screen without leaving the alternate screen', () => {
    const { screen, player, press } = tankWithKeys();
    const before = screen.written().length;
    press('r');
    const bytes = screen.written().slice(before);
    expect(bytes).not.toContain(LEAVE_ALTERNATE_SCREEN);
    expect(bytes).toContain('\u001b[2J');
    player.stop();
  });
});

describe('the command line of the aquarium', () => {
  it('takes --aquarium, --density and several --art', () => {
    const options = parseCli([
      '--aquarium',
      '--art',
      'a.art',
      '-a',
      'salmon',
      '--density',
      '2.5',
      '--seed',
      '4',
    ]);
    expect(options).toMatchObject({
      aquarium: true,
      arts: ['a.art', 'salmon'],
      density: 2.5,
      seed: 4,
    });
    expect(parseCli([])).toMatchObject({
      aquarium: false,
      arts: [],
      density: 1,
      art: undefined,
      screensaver: false,
    });
    expect(parseCli(['--aquarium', '--screensaver'])).toMatchObject({ screensaver: true });
    expect(parseCli(['--art', 'duck'])).toMatchObject({ art: 'duck', arts: ['duck'] });
  });

  it.each([
    [['--art', 'a', '--art', 'b'], '--art is given twice (several creatures go with --aquarium)'],
    [['--density', '2'], '--density goes with --aquarium'],
    [['--screensaver'], '--screensaver goes with --aquarium'],
    [['--aquarium', '--screensaver', 'x'], 'unexpected argument "x"'],
    [['--aquarium', '--density', '5'], '--density must be a number from 0.1 to 4, got "5"'],
    [['--aquarium', '--speed', '5'], '--speed does not go with --aquarium'],
    [['--aquarium', '--persist'], '--persist does not go with --aquarium'],
    [['--aquarium', '--redraw', 'diff'], '--redraw does not go with --aquarium'],
    [['--aquarium', '--art', ''], '--art needs a value'],
  ])('refuses %j', (argv, message) => {
    expect(() => parseCli(argv)).toThrow(new UsageError(message));
  });
});
