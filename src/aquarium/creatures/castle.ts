/** The castle: at the bottom right of the tank, behind everything, where it fits. */
import type { Entity } from '../../render/scene.js';
import { DEPTH } from '../layout.js';
import type { TankContext } from './context.js';

/** Columns between the castle and the right edge. */
const MARGIN = 2;

/**
 * The castle, on the floor at the bottom right; hidden on a stage too small for it (narrower
 * than twice its width, or with less water than its height).
 *
 * @param context - the tank
 */
export function castle(context: TankContext): Entity {
  const art = context.art.castle;
  return {
    kind: 'castle',
    art,
    depth: DEPTH.castle,
    lifetime: 'forever',
    pose(_, stage) {
      const fits =
        stage.cols >= 2 * (art.width + MARGIN) && context.layoutOf(stage).waterRows >= art.height;
      if (!fits) return null;
      return { x: stage.cols - art.width - MARGIN, y: stage.rows - art.height, facing: 'right' };
    },
  };
}
