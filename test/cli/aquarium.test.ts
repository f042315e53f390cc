/**
 * The aquarium's side of the command line: its keys (on a player in an emulated terminal) and
 * its options.
 */
import { describe, expect, it } from 'vitest';
import { parseCli, UsageError } from '../../src/cli/args.js';
import { aquariumKeys } from '../../src/cli/aquarium.js';
import { createAquarium, loadAquariumArt } from '../../src/aquarium/index.js';
import { createPausableClock } from '../../src/motion/index.js';
import { LEAVE_ALTERNATE_SCREEN } from '../../src/render/escapes.js';
import { startPlayer } from '../../src/terminal/player.js';
import { fakeTerminal } from '../helpers/fake-terminal.js';

/** A shell's prompt, on the screen before the program starts. */
const PROMPT = { before: '$ prompt\r\n' };

describe('the keys of the aquarium', () => {
  /** The tank on a player in an emulated terminal, and its keys. */
  function tankWithKeys() {
    const screen = fakeTerminal(80, 24, PROMPT);
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
    const before = screen.bytes().length;
    press('r');
    const bytes = screen.bytes().slice(before);
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
