/**
 * The aquarium: a whole-terminal scene of many creatures (`fish --aquarium`), built on the
 * render stage's scene, each kind of creature a module of its own under `creatures/`. Pure:
 * its art is loaded by the caller (`loadAquariumArt`), and frames are a function of the seed,
 * the clock and the stage.
 */
export { createAquarium } from './aquarium.js';
export type { Aquarium, AquariumOptions } from './aquarium.js';
export { loadAquariumArt } from './aquarium-art.js';
export type { AquariumArt, AquariumVisitors } from './aquarium-art.js';
