/**
 * Motion: pure functions from time (or progress) to where the art is and which way it
 * faces, and the clock that turns the wall's time or a count of steps into that time. No
 * timers here: the terminal layer owns them and tells the clock what time it is.
 */
export { SNAP_EPSILON, snapToWhole } from './snap.js';
export { swimPath, progressPath } from './swim.js';
export type { Track, SwimOptions, PathPoint } from './swim.js';
export { bobOffset, bobRegionHeight, defaultBobPeriod, DEFAULT_BOB_PERIOD } from './bob.js';
export type { BobOptions } from './bob.js';
export { createClock, frameIndex } from './clock.js';
export type { Clock, ClockOptions, ClockReading, SyncMode } from './clock.js';
export { crossPath, risePath } from './cross.js';
export type { CrossOptions, RiseOptions } from './cross.js';
export { createRandom } from './random.js';
export type { Random } from './random.js';
export { createPausableClock } from './pause.js';
export type { PausableClock } from './pause.js';
