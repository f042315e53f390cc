import type { Art } from '../art/types.js';
import { createAquarium } from '../aquarium/index.js';
import { createPausableClock } from '../motion/index.js';
import { CTRL_C } from '../terminal/keys.js';
import type { CliOptions } from './args.js';
import type { Show } from './show.js';

/** Exit status after Ctrl+C, as if the signal had ended the process (128 + SIGINT). */
const CTRL_C_STATUS = 130;

/**
 * `fish --aquarium`: the tank, on a clock that the p key pauses, with its keys (q or Ctrl+C
 * quit, p pauses, space adds a fish, r redraws everything).
 *
 * @param options - the command line (seed, density)
 * @param arts - the people's own creatures (`--art`, any number)
 * @param color - whether colour is on
 * @param height - rows, where the terminal does not say (a recording's)
 */
export function aquariumShow(options: CliOptions, arts: readonly Art[], color: boolean, height: number): Show {
  // Without --seed the tank is new each time; with it, every frame is reproducible.
  const seed = options.seed ?? Math.floor(Math.random() * 2 ** 32);
  const aquarium = createAquarium({ seed, density: options.density, arts });
  const clock = createPausableClock();
  return {
    compose: (t, into) => aquarium.compose(clock.read(t), into),
    height,
    color,
    title: 'aquarium',
    screen: 'alternate',
    onKey(key, { player, quit }) {
      switch (key.toLowerCase()) {
        case 'q':
          return quit(0);
        case CTRL_C:
          return quit(CTRL_C_STATUS);
        case 'p':
          clock.toggle();
          return;
        case ' ':
          aquarium.addFish();
          // Seen at once, even while paused.
          player.redraw();
          return;
        case 'r':
          // Erase the screen and draw it whole: whatever else wrote on it is gone.
          player.repaint();
          return;
      }
    },
  };
}
