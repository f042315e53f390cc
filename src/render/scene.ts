import type { Art, Facing } from '../art/types.js';
import { bobOffset, frameIndex, swimPath } from '../motion/index.js';
import { composeFrame, type Placement } from './compose.js';
import type { Grid } from './grid.js';

/** The stage a scene is drawn on: its size in cells. */
export interface Stage {
  readonly cols: number;
  readonly rows: number;
}

/** Where an entity is at one moment. */
export interface Pose {
  /** Column of the art's left edge (may be off the stage: it is clipped). */
  readonly x: number;
  /** Row of the art's top edge. */
  readonly y: number;
  /** The facing to draw. */
  readonly facing: Facing;
  /** Frame to draw; by default the art's own frame for the time. */
  readonly frame?: number;
}

/**
 * An entity, after Term::Animation: a shape (art, with its colour masks and frames), a depth,
 * and a callback that says where it is at each moment.
 */
export interface Entity {
  /** What it looks like. */
  readonly art: Art;
  /** Lower depth is drawn on top. */
  readonly depth: number;
  /** Where it is at `t` seconds on `stage`, or null once it has left the scene. */
  pose(t: number, stage: Stage): Pose | null;
}

/** Options of {@link swimmer}. */
export interface SwimmerOptions {
  /** Cells per second. */
  readonly speed: number;
  /** Bob amplitude in rows (0 for a flat path). */
  readonly bob: number;
  /** Depth in the scene (default 0). */
  readonly depth?: number;
  /** Columns the swimmer may use (default: the stage's width). */
  readonly trackWidth?: (stage: Stage) => number;
  /** Column where its track begins (default 0). */
  readonly trackStart?: number;
}

/**
 * The default creature: swims across the stage, turning at each edge, and bobs. Its stage is
 * `art.height + 2 × bob` rows high.
 *
 * @param art - what swims
 * @param options - speed, bob, depth
 */
export function swimmer(art: Art, options: SwimmerOptions): Entity {
  const start = options.trackStart ?? 0;
  return {
    art,
    depth: options.depth ?? 0,
    pose(t, stage) {
      const trackWidth = options.trackWidth?.(stage) ?? stage.cols - start;
      const { x, facing } = swimPath(t, { trackWidth, artWidth: art.width, speed: options.speed });
      return { x: start + x, y: bobOffset(t, { amplitude: options.bob }), facing };
    },
  };
}

/** One placement per entity still in the scene, reused between frames. */
const placements: Placement[] = [];

/**
 * Compose a scene of entities at time `t` into a grid of the stage's size.
 *
 * @param entities - what is in the scene
 * @param t - seconds on the animation's clock
 * @param into - the grid to draw into (its size is the stage)
 */
export function composeScene(entities: readonly Entity[], t: number, into: Grid): Grid {
  const stage: Stage = { cols: into.cols, rows: into.rows };
  placements.length = 0;
  for (const entity of entities) {
    const pose = entity.pose(t, stage);
    if (pose === null) continue;
    const frames = entity.art.frames[pose.facing];
    const frame = pose.frame ?? frameIndex(t, entity.art.frameDuration, frames.length);
    placements.push({ sprite: frames[frame % frames.length], x: pose.x, y: pose.y, depth: entity.depth });
  }
  return composeFrame(into.cols, into.rows, placements, into);
}
