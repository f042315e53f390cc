/**
 * Where the parts of the tank go: in rows, on a stage of any size (pure arithmetic, evaluated
 * at each frame, so that a resized terminal re-lays the tank at once), and in depth.
 */
import type { Stage } from '../render/scene.js';

/** The rows of the tank on a stage. */
export interface TankLayout {
  /** The surface's top row; the rows above it are sky (where a whale spouts). */
  readonly surfaceTop: number;
  /** The first row of water, below the surface. */
  readonly waterTop: number;
  /** Rows of water, from `waterTop` to the bottom of the stage. */
  readonly waterRows: number;
}

/**
 * The depth of each part of the tank, lower drawn on top: visitors before the surface (the
 * whale's back and the ship's hull ride on it), fish, then seaweed and the castle at the
 * back. A fish's bubbles, and the splash where it was eaten, are at its depth.
 */
export const DEPTH = {
  whale: 1,
  ship: 1,
  shark: 2,
  surface: 3,
  submarine: 4,
  seaMonster: 4,
  bigFish: 4,
  fishFrom: 5,
  fishTo: 20,
  seaweedFrom: 21,
  seaweedTo: 23,
  castle: 24,
} as const;

/** Rows of sky above the surface: a tenth of the stage, at most this many. */
const MAX_SKY = 4;

/** Stage area per fish at density 1, in cells of water (asciiquarium has about 350). */
const CELLS_PER_FISH = 300;

/**
 * The tank's rows on `stage`, for a surface `surfaceHeight` rows high.
 *
 * @param stage - the stage
 * @param surfaceHeight - rows of the surface art
 */
export function tankLayout(stage: Stage, surfaceHeight: number): TankLayout {
  const surfaceTop = Math.min(MAX_SKY, Math.floor(stage.rows / 10));
  const waterTop = Math.min(stage.rows, surfaceTop + surfaceHeight);
  return { surfaceTop, waterTop, waterRows: stage.rows - waterTop };
}

/**
 * How many fish a tank of this size holds at `density`: one per {@link CELLS_PER_FISH} cells
 * of water at density 1, and never fewer than one.
 *
 * @param stage - the stage
 * @param layout - its tank layout
 * @param density - fish per area, relative to the default
 */
export function fishFor(stage: Stage, layout: TankLayout, density: number): number {
  return Math.max(
    1,
    Math.round((density * stage.cols * Math.max(1, layout.waterRows)) / CELLS_PER_FISH),
  );
}

/**
 * The row of art `height` rows high in lane `lane` (0 the top of the water, 1 the bottom),
 * leaving `spare` rows for it to bob in; at the top of the water when it does not fit.
 *
 * @param layout - the tank
 * @param stageRows - the stage's rows
 * @param height - the art's height
 * @param lane - from 0 to 1
 * @param spare - rows kept free below for bobbing
 */
export function laneRow(
  layout: TankLayout,
  stageRows: number,
  height: number,
  lane: number,
  spare: number,
): number {
  const span = Math.max(0, stageRows - height - spare - layout.waterTop);
  return layout.waterTop + Math.round(lane * span);
}
