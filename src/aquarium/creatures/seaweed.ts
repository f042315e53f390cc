/**
 * Seaweed: planted with its root below the floor, so that each plant shows a different height
 * of its art, swaying at its own pace; when its life is over another grows somewhere else.
 */
import { frameIndex } from '../../motion/index.js';
import type { Entity } from '../../render/scene.js';
import { DEPTH } from '../layout.js';
import type { TankContext } from './context.js';

/** Columns of floor per seaweed. */
const COLS_PER_SEAWEED = 15;
/** The tallest a seaweed shows, as a share of the water's rows. */
const SHARE_OF_WATER = 0.6;
/** Seconds per sway, and a seaweed's life. */
const SWAY = [0.6, 1.6] as const;
const LIFE = [480, 720] as const;

/**
 * A seaweed at a random place on the floor.
 *
 * @param context - the tank
 * @returns the seaweed, or undefined when the water is too shallow for one
 */
export function seaweed(context: TankContext): Entity | undefined {
  const { random, stage } = context;
  const art = context.art.seaweed;
  const tallest = Math.min(
    art.height,
    Math.floor(context.layoutOf(stage).waterRows * SHARE_OF_WATER),
  );
  if (tallest < 1) return undefined;
  const x = random.int(0, Math.max(0, stage.cols - art.width));
  const height = random.int(Math.min(3, tallest), tallest);
  const period = random.between(...SWAY);
  const phase = random.between(0, 2 * period);
  const depth = random.int(DEPTH.seaweedFrom, DEPTH.seaweedTo);
  const seconds = random.between(...LIFE);
  const frames = art.frames.right.length;
  return {
    kind: 'seaweed',
    art,
    depth,
    lifetime: { seconds },
    // Only its top `height` rows show.
    pose: (t, at) => ({
      x,
      y: at.rows - height,
      facing: 'right',
      frame: frameIndex(t + phase, period, frames),
    }),
    onLeave: ({ stage: now }) => {
      plant({ ...context, stage: now });
    },
  };
}

/** Plant a seaweed in the tank, if the water is deep enough for one. */
function plant(context: TankContext): void {
  const grown = seaweed(context);
  if (grown !== undefined) context.add(grown);
}

/**
 * Plant the floor of a newly laid tank: one seaweed per {@link COLS_PER_SEAWEED} columns, at
 * least one.
 *
 * @param context - the tank
 */
export function plantSeaweed(context: TankContext): void {
  const plants = Math.max(1, Math.floor(context.stage.cols / COLS_PER_SEAWEED));
  for (let i = 0; i < plants; i++) plant(context);
}
