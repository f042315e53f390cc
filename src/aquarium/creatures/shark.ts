/**
 * The shark: fast, in a lane of the water, in front of every fish; a fish its mouth reaches is
 * eaten (a collision of the scene: the shark's mouth is its hitbox, fish are physical), and a
 * splash plays where it was.
 */
import type { Art } from '../../art/types.js';
import type { Box, Pose } from '../../render/scene.js';
import { DEPTH } from '../layout.js';
import type { TankContext } from './context.js';
import { splat } from './splat.js';
import { visitor, type Visitor } from './visitor.js';

/** Columns of the shark's mouth, at its leading edge. */
const MOUTH_COLS = 3;

/**
 * The mouth of a creature drawn as `art` at `pose`: its leading columns, all but its top and
 * bottom rows.
 *
 * @param art - its art
 * @param pose - where it is
 */
export function mouthBox(art: Art, pose: Pose): Box {
  const width = Math.min(MOUTH_COLS, art.width);
  const height = Math.max(1, art.height - 2);
  const x = pose.facing === 'right' ? pose.x + art.width - width : pose.x;
  return { x, y: pose.y + Math.floor((art.height - height) / 2), width, height };
}

/** A shark passing. */
export const shark: Visitor = (context: TankContext, onLeave) => {
  const art = context.art.visitors.shark;
  return {
    ...visitor(context, { art, depth: DEPTH.shark, speed: [8, 14] }, onLeave),
    hitbox: (pose) => mouthBox(art, pose),
    onCollision(other, { scene, otherPose }) {
      if (other.kind !== 'fish') return;
      scene.remove(other);
      context.add(splat(context, other, otherPose));
    },
  };
};
