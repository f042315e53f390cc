/** The sea monster: one of its forms, slow, in a lane of the water. */
import { DEPTH } from '../layout.js';
import { visitor, type Visitor } from './visitor.js';

/** A sea monster passing, in a form picked at random. */
export const seaMonster: Visitor = (context, onLeave) =>
  visitor(
    context,
    {
      art: context.random.pick(context.art.visitors.seaMonster),
      depth: DEPTH.seaMonster,
      speed: [3, 6],
    },
    onLeave,
  );
