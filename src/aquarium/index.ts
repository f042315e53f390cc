/**
 * The aquarium: a whole-terminal scene of many creatures (`fish --aquarium`), built on the
 * render stage's scene. Pure but for loading its art: frames are a function of the seed, the
 * clock and the stage.
 */
export { createAquarium } from './aquarium.js';
export type { Aquarium, AquariumOptions } from './aquarium.js';
export { loadAquariumLibrary, TANK_FISH, VISITORS } from './library.js';
export type { AquariumLibrary, VisitorKind } from './library.js';
export { tankLayout, fishFor, laneRow, CELLS_PER_FISH } from './layout.js';
export type { TankLayout } from './layout.js';
export { tintArt } from './tint.js';
