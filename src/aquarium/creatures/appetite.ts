/**
 * Appetite: a creature that crosses the tank turns to food that sinks near it and swims to
 * it; once the food is gone (eaten, by it or another), it goes on its way from where it is.
 * The food is found through the scene (`ofKind('food')`, `poseOf`), so any creature given an
 * appetite follows any entity of that kind.
 */
import type { Art, Facing } from '../../art/types.js';
import type { Entity, Pose, Scene } from '../../render/scene.js';

/** How near food must be for a creature to turn to it: columns, rows. */
const NOTICE = { cols: 40, rows: 12 } as const;
/** The kind of entity a hungry creature swims to. */
const FOOD = 'food';

/** Where a creature is, in cells (not rounded, so that slow steps add up). */
interface Place {
  x: number;
  y: number;
  t: number;
}

/** A creature's appetite: what it is chasing, and how it moves while it chases. */
export interface Appetite {
  /** The pose while chasing at `t`, or null when it is not chasing. */
  pose(t: number): Pose | null;
  /**
   * Look for food near `pose` at `t` (a frame's update): start or go on chasing it. Returns
   * the pose it stopped chasing at, once the food is gone (to go on its way from there).
   */
  look(pose: Pose, t: number, scene: Scene): Pose | undefined;
}

/**
 * An appetite for a creature drawn as `art` swimming at `speed` cells per second.
 *
 * @param art - its art (its mouth is at the middle row of its leading edge)
 * @param speed - cells per second
 */
export function appetite(art: Art, speed: number): Appetite {
  let target: Entity | undefined;
  /** Where its mouth should be: the food's cell at the last update. */
  let goal = { x: 0, y: 0 };
  let place: Place | undefined;
  let facing: Facing = 'right';
  const mouthRow = Math.floor((art.height - 1) / 2);

  const nearest = (pose: Pose, scene: Scene): { entity: Entity; at: Pose } | undefined => {
    let best: { entity: Entity; at: Pose } | undefined;
    let bestDistance = Infinity;
    for (const entity of scene.ofKind(FOOD)) {
      const at = scene.poseOf(entity);
      if (at === null) continue;
      const dx = Math.abs(at.x - (pose.x + art.width / 2));
      const dy = Math.abs(at.y - (pose.y + mouthRow));
      if (dx > NOTICE.cols || dy > NOTICE.rows || dx + dy >= bestDistance) continue;
      best = { entity, at };
      bestDistance = dx + dy;
    }
    return best;
  };

  return {
    pose(t) {
      if (target === undefined || place === undefined) return null;
      // Straight at the goal, as fast as it swims, never past it.
      const step = speed * Math.max(0, t - place.t);
      const toX = facing === 'right' ? goal.x - art.width + 1 : goal.x;
      const toY = goal.y - mouthRow;
      const dx = toX - place.x;
      const dy = toY - place.y;
      const distance = Math.hypot(dx, dy);
      const share = distance <= step ? 1 : step / distance;
      place = { x: place.x + dx * share, y: place.y + dy * share, t };
      return { x: Math.round(place.x), y: Math.round(place.y), facing };
    },
    look(pose, t, scene) {
      if (target !== undefined) {
        const at = scene.poseOf(target);
        if (at !== null) {
          goal = { x: at.x, y: at.y };
          return undefined;
        }
        target = undefined;
        place = undefined;
        return pose;
      }
      if (scene.count(FOOD) === 0) return undefined;
      const found = nearest(pose, scene);
      if (found === undefined) return undefined;
      target = found.entity;
      goal = { x: found.at.x, y: found.at.y };
      facing = found.at.x >= pose.x + art.width / 2 ? 'right' : 'left';
      place = { x: pose.x, y: pose.y, t };
      return undefined;
    },
  };
}
