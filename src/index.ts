/**
 * fish: a swimming ASCII fish for your terminal, as a library. `fish()` makes an animation to
 * use as a spinner, an idle animation or a progress indicator; `fishPromise()` animates while
 * a promise is pending; `school()` shows many tasks at once, a creature each, in one region; the art library and the scene pieces are here for hosts that compose
 * their own frames. The README is the reference.
 *
 * Importing this module has no side effects.
 */
import { fish } from './api/fish.js';

export { fish } from './api/fish.js';
export { ArtError, RecordingError, TerminalBusyError } from './errors.js';
export type { FishAnimation, PersistOptions } from './api/fish.js';
export { fishPromise, schoolPromise } from './api/promise.js';
export type { FishAction, FishPromiseOptions, SchoolAction, SchoolEntry } from './api/promise.js';
export { school, SCHOOL_ART } from './api/school.js';
export type { FishSchool, FishTask, SchoolOptions, TaskOptions } from './api/school.js';
export { isInteractive } from './api/options.js';
export type { FishColor, FishOptions, FishStream } from './api/options.js';
export type { FrameInfo } from './terminal/player.js';
export type { SyncMode } from './motion/index.js';

export { listArt, loadArt, parseArt } from './art/index.js';
export type { Art, ArtInfo, Facing, ParseOptions, Sprite, SpriteCell, Style } from './art/index.js';

export { composeScene, createScene, swimmer, progressEntity } from './render/scene.js';
export type {
  Box,
  CollisionContext,
  Entity,
  Lifetime,
  Pose,
  ProgressEntityOptions,
  Scene,
  SceneContext,
  Stage,
  SwimmerOptions,
  TrackOptions,
} from './render/scene.js';
export {
  bobOffset,
  createRandom,
  crossPath,
  progressPath,
  risePath,
  swimPath,
} from './motion/index.js';
export type {
  BobOptions,
  CrossOptions,
  PathPoint,
  Random,
  RiseOptions,
  SwimOptions,
  Track,
} from './motion/index.js';
export { playScene } from './api/play-scene.js';
export type { PlayableScene, PlaySceneOptions, SceneEnd, ScenePlayback } from './api/play-scene.js';
export { createAquarium, loadAquariumArt } from './aquarium/index.js';
export type { Aquarium, AquariumArt, AquariumOptions } from './aquarium/index.js';
export { createGrid, type Grid } from './render/grid.js';
export { drawText } from './render/compose.js';
export type { Placement } from './render/compose.js';
export { gridLines } from './render/lines.js';

/** The default export is {@link fish}: `import fish from 'fish'`. */
export default fish;
