/** The splash where a fish was eaten: its art's frames play once, where the fish was. */
import type { Entity, Pose } from '../../render/scene.js';
import type { TankContext } from './context.js';

/**
 * A splash over `eaten`, drawn at its pose, centred on it, at its depth.
 *
 * @param context - the tank
 * @param eaten - the entity eaten
 * @param at - its pose when it was eaten
 */
export function splat(context: TankContext, eaten: Entity, at: Pose): Entity {
  const art = context.art.splat;
  const x = at.x + Math.floor((eaten.art.width - art.width) / 2);
  const y = at.y + Math.floor((eaten.art.height - art.height) / 2);
  return {
    kind: 'splat',
    art,
    depth: eaten.depth,
    // Each frame once: the art's frames follow its age, and it is gone after the last.
    lifetime: { seconds: art.frames.right.length * art.frameDuration },
    pose: () => ({ x, y, facing: 'right' }),
  };
}
