/** The big fish: one of its forms, in a lane of the water, letting out bubbles. */
import { DEPTH } from '../layout.js';
import { visitor, type Visitor } from './visitor.js';

/** A big fish passing, in a form picked at random. */
export const bigFish: Visitor = (context, onLeave) =>
  visitor(
    context,
    {
      art: context.random.pick(context.art.visitors.bigFish),
      depth: DEPTH.bigFish,
      speed: [4, 8],
      breathes: true,
    },
    onLeave,
  );
