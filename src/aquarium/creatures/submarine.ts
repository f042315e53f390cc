/** The submarine: slow, in a lane of the water, letting out bubbles. */
import { DEPTH } from '../layout.js';
import { visitor, type Visitor } from './visitor.js';

/** A submarine passing. */
export const submarine: Visitor = (context, onLeave) =>
  visitor(
    context,
    { art: context.art.visitors.submarine, depth: DEPTH.submarine, speed: [3, 6], breathes: true },
    onLeave,
  );
