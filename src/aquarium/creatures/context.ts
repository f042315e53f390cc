/**
 * What the tank gives each creature as it is made. Every creature kind has a module of its own
 * in this folder: a function of this context (and of what it alone needs) to an entity of the
 * scene, drawing its random choices from the context in a fixed order.
 */
import type { Random } from '../../motion/index.js';
import type { Entity, Stage } from '../../render/scene.js';
import type { AquariumArt } from '../aquarium-art.js';
import type { TankLayout } from '../layout.js';

/**
 * The kinds of entity in the tank (see `Entity.kind`): the scene counts and finds them by
 * kind, so the tank keeps no count of its own.
 */
export type TankKind =
  'surface' | 'castle' | 'seaweed' | 'fish' | 'bubble' | 'visitor' | 'splat' | 'food';

/** What a creature is made from. */
export interface TankContext {
  /** The stage at the time it is made; its pose is asked on each frame's stage. */
  readonly stage: Stage;
  /** Every random choice of the tank: the same seed gives the same choices in the same order. */
  readonly random: Random;
  /** The tank's art. */
  readonly art: AquariumArt;
  /** The tank's rows on a stage. */
  readonly layoutOf: (stage: Stage) => TankLayout;
  /**
   * Put an entity in the tank now (a bubble, a replacement): it joins at the time of the
   * frame being composed.
   */
  readonly add: (entity: Entity) => Entity;
}
