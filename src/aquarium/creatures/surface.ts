/** The surface of the water: its art tiled across the stage, below the sky. */
import type { Entity } from '../../render/scene.js';
import { DEPTH } from '../layout.js';
import type { TankContext } from './context.js';

/**
 * The surface, as tiles across the stage (their row follows the stage at each frame).
 *
 * @param context - the tank
 * @returns one tile per width of the surface's art, from the left edge
 */
export function surface(context: TankContext): Entity[] {
  const art = context.art.surface;
  const tiles: Entity[] = [];
  for (let x = 0; x < context.stage.cols; x += art.width) {
    tiles.push({
      kind: 'surface',
      art,
      depth: DEPTH.surface,
      lifetime: 'forever',
      pose: (_, stage) => ({ x, y: context.layoutOf(stage).surfaceTop, facing: 'right' }),
    });
  }
  return tiles;
}
