/**
 * Crossing the tank once, from beyond one edge to beyond the other, on a row of the water,
 * bobbing, perhaps breathing bubbles: what fish and visitors share.
 */
import type { Art, Facing } from '../../art/types.js';
import { bobOffset, crossPath, type CrossOptions } from '../../motion/index.js';
import type { Entity, SceneContext, Stage } from '../../render/scene.js';
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
  // Made again only when the stage's width changes: spreading it per frame would cost more
  // than the rest of the pose.
  let track: CrossOptions | undefined;
  const entity: Entity = {
    kind: c.kind,
    art: c.art,
    depth: c.depth,
    physical: c.physical ?? false,
    pose(t, stage) {
      if (track?.trackWidth !== stage.cols) {
        track = {
          trackWidth: stage.cols,
          artWidth: c.art.width,
          speed: c.speed,
          facing: c.facing,
          travelled: c.travelled,
        };
      }
      const point = crossPath(t, track);
      if (point === null) return null;
      const y = c.row(stage, context.layoutOf(stage)) + bobOffset(t, { amplitude: c.bob, period });
      return { x: point.x, y, facing: point.facing };
    },
    onLeave: c.onLeave,
  };
  return c.breathes ? { ...entity, onUpdate: breathing(context, c.art, c.depth) } : entity;
}
