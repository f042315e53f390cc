import type { Art } from '../art/types.js';
import { createAquarium, loadAquariumArt, type Aquarium } from '../aquarium/index.js';
import { createPausableClock, type PausableClock } from '../motion/index.js';
import type { CliOptions } from './args.js';
import type { Show } from './show.js';

/**
 * Most fish the space key brings the tank to: each one costs a little in every frame, and a
 * pasted run of spaces must not make the tank slower and slower.
 */
const MAX_FISH = 100;
/** Most flakes of food in the tank at once, for the same reason. */
const MAX_FOOD = 50;

/**
 * `fish --aquarium`: the tank, on a clock that the p key pauses, with its keys (see
 * {@link aquariumKeys}).
 *
 * @param options - the command line (seed, density)
 * @param ownArt - people's own creatures (`--art`, any number)
 * @param color - whether colour is on
 * @param height - rows, where the terminal does not say (a recording's)
 */
export function aquariumShow(
  options: CliOptions,
  ownArt: readonly Art[],
  color: boolean,
  height: number,
): Show {
  // Without --seed the tank is new each time; with it, every frame is reproducible.
  const seed = options.seed ?? Math.floor(Math.random() * 2 ** 32);
  const aquarium = createAquarium({
    seed,
    art: loadAquariumArt(),
    density: options.density,
    ownArt,
  });
  const clock = createPausableClock();
  return {
    compose: (t, into) => aquarium.compose(clock.read(t), into),
    height,
    color,
    title: 'aquarium',
    screen: 'alternate',
    onKey: options.screensaver ? screensaverKeys : aquariumKeys(aquarium, clock),
  };
}

/**
 * The screensaver's keys: any key ends it, with status 0, as q does (Ctrl+C, Ctrl+Z and
 * Ctrl+\ still do what their signals do; an arrow or function key ends it too).
 */
const screensaverKeys: NonNullable<Show['onKey']> = (_, { quit }) => {
  quit(0);
};

/**
 * The aquarium's keys: q quits, p pauses, space adds a fish (up to {@link MAX_FISH}), f drops
 * food, r redraws everything. (Ctrl+C, Ctrl+Z and Ctrl+\ do what their signals do: see the session.)
 *
 * Keys cost no frame each: what they change shows in the next frame the tick draws (it draws
 * even while paused), and a redraw asked many times within one frame is drawn once. So a key
 * held down, or a paste of thousands of keys, costs what its keys do, and q still ends the
 * show at once, whatever came before it.
 *
 * @param aquarium - the tank
 * @param clock - the clock it is drawn on
 */
export function aquariumKeys(aquarium: Aquarium, clock: PausableClock): NonNullable<Show['onKey']> {
  /** The frame count at the last redraw that r asked for: one per frame is enough. */
  let repaintedAt = -1;
  return (key, { player, quit }) => {
    switch (key.toLowerCase()) {
      case 'q':
        quit(0);
        return;
      case 'p':
        clock.toggle();
        return;
      case ' ':
        if (aquarium.fishCount < MAX_FISH) aquarium.addFish();
        return;
      case 'f':
        if (aquarium.scene.count('food') < MAX_FOOD) aquarium.feed();
        return;
      case 'r':
        // Erase the screen and draw it whole: whatever else wrote on it is gone.
        if (player.frameCount === repaintedAt) return;
        player.repaint();
        repaintedAt = player.frameCount;
        return;
    }
  };
}
