/** The shark: fast, in a lane of the water, in front of every fish. */
import { DEPTH } from '../layout.js';
import { visitor, type Visitor } from './visitor.js';

/** A shark passing. */
export const shark: Visitor = (context, onLeave) =>
  visitor(
    context,
    { art: context.art.visitors.shark, depth: DEPTH.shark, speed: [8, 14] },
    onLeave,
  );
