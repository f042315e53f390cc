/**
 * Crossing the tank once, from beyond one edge to beyond the other, on a row of the water,
 * bobbing, perhaps breathing bubbles: what fish and visitors share.
 */
import type { Art, Facing } from '../../art/types.js';
import { bobOffset, crossPath, type CrossOptions } from '../../motion/index.js';
import type { Entity, Pose, SceneContext, Stage } from '../../render/scene.js';
import { appetite } from './appetite.js';
import type { TankLayout } from '../layout.js';
import { breathing } from './bubble.js';
import type { TankContext, TankKind } from './context.js';

/** Seconds per bob, for a creature that bobs. */
const BOB_PERIOD = [2, 4] as const;

/** How a creature crosses the tank. */
export interface Crossing {
  /** What it is, to the scene. */
  readonly kind: TankKind;
  readonly art: Art;
  /** Its depth in the tank, and its bubbles'. */
  readonly depth: number;
  /** Cells per second. */
  readonly speed: number;
  /** The way it swims: `right` enters at the left edge. */
  readonly facing: Facing;
  /** Cells already travelled from its entry edge when it joins. */
  readonly travelled: number;
  /** Its row on a stage, before bobbing. */
  readonly row: (stage: Stage, layout: TankLayout) => number;
  /** Bob amplitude in rows. */
  readonly bob: number;
  /** Whether it lets out bubbles. */
  readonly breathes: boolean;
  /** Whether others collide with it (a fish, that the shark eats). */
  readonly physical?: boolean;
  /** Whether it swims to food that sinks near it (see `appetite.ts`). */
  readonly hungry?: boolean;
  /** What the tank does once it has crossed. */
  readonly onLeave: (context: SceneContext) => void;
}

/**
 * A creature that crosses the tank once.
 *
 * @param context - the tank
 * @param c - its art, kind, depth, speed, direction, row, bob and breathing
 */
export function crossing(context: TankContext, c: Crossing): Entity {
  const period = context.random.between(...BOB_PERIOD);
  // Made again only when the stage's width changes (or a detour ends): spreading it per frame
  // would cost more than the rest of the pose.
  let track: CrossOptions | undefined;
  /** The way it swims, and how far it had come at t = 0: changed by a detour to food. */
  let facing = c.facing;
  let travelled = c.travelled;
  /** Rows above (-) or below its lane, where a detour left it. */
  let rowShift = 0;
  const hunger = c.hungry === true ? appetite(c.art, c.speed) : undefined;
  const rowAt = (t: number, stage: Stage): number =>
    c.row(stage, context.layoutOf(stage)) + bobOffset(t, { amplitude: c.bob, period });

  /** Go on crossing from where a detour left it, the way it faced. */
  const goOnFrom = (at: Pose, t: number, stage: Stage): void => {
    facing = at.facing;
    const along = facing === 'right' ? at.x + c.art.width : stage.cols - at.x;
    travelled = along - t * c.speed;
    rowShift = at.y - rowAt(t, stage);
    track = undefined;
  };

  const breathe = c.breathes ? breathing(context, c.art, c.depth) : undefined;
  return {
    kind: c.kind,
    art: c.art,
    depth: c.depth,
    physical: c.physical ?? false,
    pose(t, stage) {
      const chasing = hunger?.pose(t);
      if (chasing !== undefined && chasing !== null) return chasing;
      if (track?.trackWidth !== stage.cols) {
        track = {
          trackWidth: stage.cols,
          artWidth: c.art.width,
          speed: c.speed,
          facing,
          travelled,
        };
      }
      const point = crossPath(t, track);
      if (point === null) return null;
      return { x: point.x, y: rowAt(t, stage) + rowShift, facing: point.facing };
    },
    onUpdate(pose, update) {
      breathe?.(pose, update);
      const left = hunger?.look(pose, update.age, update.scene);
      if (left !== undefined) goOnFrom(left, update.age, update.stage);
    },
    onLeave: c.onLeave,
  };
}
