/**
 * Motion: pure functions from time (or progress) to where the art is and which way it
 * faces. No timers here; the caller owns the clock and passes its reading in.
 */
export { SNAP_EPSILON, snapToWhole } from './snap.js';
export { swimPath, progressPath } from './swim.js';
export type { Track, SwimOptions, PathPoint } from './swim.js';
export { bobOffset, bobRegionHeight, defaultBobPeriod, DEFAULT_BOB_PERIOD } from './bob.js';
export type { BobOptions } from './bob.js';
export { clockTime, frameIndex } from './clock.js';
export type { SyncMode, ClockReading } from './clock.js';
export { crossPath, risePath } from './cross.js';
export type { CrossOptions, RiseOptions } from './cross.js';
export { createRandom } from './random.js';
export type { Random } from './random.js';
export { createPausableClock } from './pause.js';
export type { PausableClock } from './pause.js';
