/**
 * Food: dropped from the surface at a column, it sinks to the floor and lies there a while.
 * Fish nearby swim to it (see `appetite.ts`); the first fish that touches it eats it (a
 * collision of the scene: the food is gone).
 */
import type { Entity } from '../../render/scene.js';
import { DEPTH } from '../layout.js';
import type { TankContext } from './context.js';

/** Rows per second it sinks. */
const SINK_SPEED = 2;
/** Seconds it stays, sinking then lying on the floor, unless it is eaten. */
const LIFE = 45;

/**
 * A flake of food at column `x`, from the top of the water.
 *
 * @param context - the tank
 * @param x - its column
 */
export function food(context: TankContext, x: number): Entity {
  const art = context.art.food;
  const flake: Entity = {
    kind: 'food',
    art,
    depth: DEPTH.fishFrom,
    lifetime: { seconds: LIFE },
    physical: true,
    pose(t, stage) {
      const { waterTop } = context.layoutOf(stage);
      const y = Math.min(stage.rows - 1, waterTop + Math.floor(t * SINK_SPEED));
      return x < stage.cols && y >= waterTop ? { x, y, facing: 'right' } : null;
    },
    onCollision(other, { scene }) {
      if (other.kind === 'fish') scene.remove(flake);
    },
  };
  return flake;
}
