/**
 * Bubbles: let out at a creature's mouth every few seconds, they grow as they rise and burst
 * at the surface.
 */
import type { Art } from '../../art/types.js';
import { risePath } from '../../motion/index.js';
import type { Entity } from '../../render/scene.js';
import type { TankContext } from './context.js';

/** Seconds between a creature's bubbles, the first sooner. */
const EVERY = [2, 8] as const;
const FIRST = [0.5, 6] as const;
/**
 * Rows per second a bubble rises: about a row a frame, as asciiquarium's do, so that a bubble
 * is a quick flicker up to the surface rather than a column that piles up.
 */
const SPEED = [9, 13] as const;
/** Rows a bubble rises before it grows to its next frame. */
const GROWTH = 2;

/**
 * A bubble let out at (`x`, `y`), rising until it reaches the surface, where it bursts.
 *
 * @param context - the tank
 * @param x - its column
 * @param y - the row it is let out on
 * @param depth - its depth: the depth of the creature that let it out
 */
export function bubble(context: TankContext, x: number, y: number, depth: number): Entity {
  const art = context.art.bubble;
  const speed = context.random.between(...SPEED);
  const sizes = art.frames.right.length;
  return {
    kind: 'bubble',
    art,
    depth,
    pose(t, stage) {
      const row = risePath(t, { from: y, speed, to: context.layoutOf(stage).waterTop });
      if (row === null) return null;
      const frame = Math.min(sizes - 1, Math.floor((y - row) / GROWTH));
      return { x, y: row, facing: 'right', frame };
    },
  };
}

/**
 * A creature's breathing: the `onUpdate` of a creature drawn as `art` at `depth` that lets out
 * a bubble at its mouth every few seconds while its mouth is under the surface, one at a time
 * (the next once the last has burst): so the tank holds at most one bubble per creature, in
 * proportion to the fish whatever the height of the water.
 *
 * @param context - the tank
 * @param art - the creature's art (its mouth is at the middle row of its leading edge)
 * @param depth - the creature's depth, which its bubbles share
 */
export function breathing(
  context: TankContext,
  art: Art,
  depth: number,
): NonNullable<Entity['onUpdate']> {
  let nextBubble = context.random.between(...FIRST);
  /** Its last bubble: no other leaves it until that one has burst. */
  let rising: Entity | undefined;
  return (pose, { age, stage, scene }) => {
    if (age < nextBubble || (rising !== undefined && scene.poseOf(rising) !== null)) return;
    nextBubble = age + context.random.between(...EVERY);
    const mouth = pose.facing === 'right' ? pose.x + art.width : pose.x - 1;
    const y = pose.y + Math.floor((art.height - 1) / 2);
    if (mouth >= 0 && mouth < stage.cols && y > context.layoutOf(stage).waterTop)
      rising = context.add(bubble(context, mouth, y, depth));
  };
}
