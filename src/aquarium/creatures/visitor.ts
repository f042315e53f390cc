/**
 * Visitors: large creatures that pass now and then, one at a time. Each kind is a module of
 * its own (`whale.ts`, `shark.ts`, `submarine.ts`), made with {@link visitor}, or with
 * {@link visitorOfForms} for a kind of several forms.
 */
import type { Art } from '../../art/types.js';
import type { Entity, SceneContext, Stage } from '../../render/scene.js';
import type { AquariumVisitors } from '../aquarium-art.js';
import { DEPTH, laneRow, type TankLayout } from '../layout.js';
import type { TankContext } from './context.js';
import { crossing } from './crossing.js';

/** A kind of visitor: one, made for the tank, with what the tank does once it has passed. */
export type Visitor = (context: TankContext, onLeave: (context: SceneContext) => void) => Entity;

/** What one kind of visitor is. */
export interface VisitorTraits {
  readonly art: Art;
  readonly depth: number;
  /** Cells per second: from, to. */
  readonly speed: readonly [number, number];
  /** Its row on a stage (default: a lane of the water, chosen at random). */
  readonly row?: (stage: Stage, layout: TankLayout) => number;
  /** Whether it lets out bubbles (default false). */
  readonly breathes?: boolean;
}

/**
 * A visitor crossing the tank once, from either side, without bobbing.
 *
 * @param context - the tank
 * @param traits - its art, depth, speed, row and breathing
 * @param onLeave - what the tank does once it has passed
 */
export function visitor(
  context: TankContext,
  traits: VisitorTraits,
  onLeave: (context: SceneContext) => void,
): Entity {
  const { random } = context;
  const { art } = traits;
  // Drawn for every kind, even one with a row of its own: a seed gives the tank it always gave.
  const lane = random.next();
  const speed = random.between(...traits.speed);
  const facing = random.chance(0.5) ? 'right' : 'left';
  return crossing(context, {
    kind: 'visitor',
    art,
    depth: traits.depth,
    speed,
    facing,
    travelled: 0,
    row: traits.row ?? ((stage, layout) => laneRow(layout, stage.rows, art.height, lane, 0)),
    bob: 0,
    breathes: traits.breathes ?? false,
    onLeave,
  });
}

/** The visitors that come in several forms (the tank's art lists them). */
type FormsOf = {
  [K in keyof AquariumVisitors]: AquariumVisitors[K] extends readonly Art[] ? K : never;
}[keyof AquariumVisitors];

/**
 * A kind of visitor that comes in several forms: each visit is one of them, picked at random,
 * in a lane of the water at the kind's own depth.
 *
 * @param kind - which of the tank's visitors
 * @param traits - its speed, and whether it breathes
 */
export function visitorOfForms(
  kind: FormsOf,
  traits: Pick<VisitorTraits, 'speed' | 'breathes'>,
): Visitor {
  return (context, onLeave) =>
    visitor(
      context,
      { art: context.random.pick(context.art.visitors[kind]), depth: DEPTH[kind], ...traits },
      onLeave,
    );
}
