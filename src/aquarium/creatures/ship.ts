/** The ship: sails slowly along the surface, its hull in the water line, its sails in the sky. */
import { DEPTH } from '../layout.js';
import { visitor, type Visitor } from './visitor.js';

/** Rows of the ship's hull that sit in the water line. */
const HULL_IN_WATER = 2;

/** A ship passing. */
export const ship: Visitor = (context, onLeave) => {
  const art = context.art.visitors.ship;
  return visitor(
    context,
    {
      art,
      depth: DEPTH.ship,
      speed: [3, 5],
      row: (_, layout) => layout.surfaceTop + HULL_IN_WATER - art.height,
    },
    onLeave,
  );
};
