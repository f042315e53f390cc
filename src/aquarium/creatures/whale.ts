/** The whale: slow, its back riding on the surface and its spout in the sky. */
import { DEPTH } from '../layout.js';
import { visitor, type Visitor } from './visitor.js';

/** Rows of the whale's spout above its back. */
const SPOUT = 2;

/** A whale passing. */
export const whale: Visitor = (context, onLeave) =>
  visitor(
    context,
    {
      art: context.art.visitors.whale,
      depth: DEPTH.whale,
      speed: [3, 5],
      row: (_, layout) => layout.surfaceTop - SPOUT,
    },
    onLeave,
  );
