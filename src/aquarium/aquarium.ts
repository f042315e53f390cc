/**
 * The aquarium: a scene of many creatures filling a whole stage. Fish of different kinds,
 * colours, speeds and depths cross it both ways and are replaced when they leave; bubbles rise
 * from them and burst at the surface; seaweed sways on the floor; now and then a large visitor
 * passes. Every random choice comes from one seeded generator, so the same seed, clock and
 * stage sizes give the same frames.
 *
 * This module is the tank: how many of each creature it holds, and when. What each creature
 * is and how it moves is its own module under `creatures/`.
 */
import type { Art } from '../art/types.js';
import { createRandom } from '../motion/index.js';
import type { Grid } from '../render/grid.js';
import { createScene, type Entity, type Scene, type Stage } from '../render/scene.js';
import type { AquariumArt } from './aquarium-art.js';
import type { TankContext, TankKind } from './creatures/context.js';
import { fish, fishArtPicker, type FishStart } from './creatures/fish.js';
import { bigFish } from './creatures/big-fish.js';
import { castle } from './creatures/castle.js';
import { food } from './creatures/food.js';
import { seaMonster } from './creatures/sea-monster.js';
import { plantSeaweed } from './creatures/seaweed.js';
import { shark } from './creatures/shark.js';
import { ship } from './creatures/ship.js';
import { submarine } from './creatures/submarine.js';
import { surface } from './creatures/surface.js';
import type { Visitor } from './creatures/visitor.js';
import { whale } from './creatures/whale.js';
import { fishFor, tankLayout, type TankLayout } from './layout.js';

/** Options of {@link createAquarium}. */
export interface AquariumOptions {
  /** Seeds every random choice: the same seed gives the same frames. */
  readonly seed: number;
  /** The tank's art: `loadAquariumArt()` gives the built-in one. */
  readonly art: AquariumArt;
  /** Fish per area of water, relative to the default (1); from 0.1 to 4 in the CLI. */
  readonly density?: number;
  /** People's own creatures, added to the tank's fish (each shows up at least once, early). */
  readonly ownArt?: readonly Art[];
  /**
   * Columns of the first stage; with `rows`, the tank is laid at once (else at the first
   * frame).
   */
  readonly cols?: number;
  /** Rows of the first stage. */
  readonly rows?: number;
}

/** A running aquarium. */
export interface Aquarium {
  /** The scene under it, to add entities of your own. */
  readonly scene: Scene;
  /**
   * Compose the tank at `t` seconds into `into` (the stage is its size: a new size re-lays
   * the tank at once). Times must not go backwards.
   */
  compose(t: number, into: Grid): Grid;
  /** Add a fish, somewhere in the tank at once, on top of the density's number. */
  addFish(): Entity;
  /**
   * Drop a flake of food from the surface at a random column: fish near it swim to it, and
   * the first to reach it eats it. Nothing on a stage with no water.
   */
  feed(): Entity | undefined;
  /** Fish in the tank now (visitors and bubbles not counted): the scene's count of them. */
  readonly fishCount: number;
}

/** The visitors, in the order the seed picks from. */
const VISITORS: readonly Visitor[] = [whale, shark, submarine, ship, seaMonster, bigFish];
/** Seconds until the first visitor, and between one leaving and the next. */
const FIRST_VISITOR = [3, 10] as const;
const VISITOR_GAP = [5, 15] as const;
/** What is laid anew on a new stage. */
const SCENERY: readonly TankKind[] = ['surface', 'castle', 'seaweed'];

/**
 * Make an aquarium.
 *
 * @param options - seed, art, density, people's own art, first stage
 * @returns the aquarium, whose `compose` draws it
 */
export function createAquarium(options: AquariumOptions): Aquarium {
  const { art, density = 1 } = options;
  const random = createRandom(options.seed);
  const scene = createScene();
  const nextFishArt = fishArtPicker(random, art.fish, options.ownArt ?? []);
  /** The stage the tank was last laid on. */
  let laid: Stage | undefined;
  /** Fish that {@link Aquarium.addFish} added: the tank holds that many more. */
  let addedFish = 0;
  let nextVisitorAt = random.between(...FIRST_VISITOR);
  /** The time of the frame being composed: newcomers made before its update join at it. */
  let now = 0;

  const count = (kind: TankKind): number => scene.count(kind);
  const layoutOf = (stage: Stage): TankLayout => tankLayout(stage, art.surface.height);
  const contextOn = (stage: Stage): TankContext => ({
    stage,
    random,
    art,
    layoutOf,
    // During an update, the scene's time is already the frame's.
    add: (entity) => scene.add(entity, Math.max(now, scene.time)),
  });
  const wantedFish = (stage: Stage): number => fishFor(stage, layoutOf(stage), density) + addedFish;

  const addFish = (stage: Stage, start: FishStart): Entity => {
    const tank = contextOn(stage);
    return tank.add(
      fish(tank, {
        art: nextFishArt(),
        start,
        onLeave: (left) => {
          // A fish that swam out is replaced by one swimming in, unless the tank has shrunk.
          if (count('fish') < wantedFish(left.stage)) addFish(left.stage, 'edge');
        },
      }),
    );
  };

  const sendVisitor = (stage: Stage): void => {
    const visitor = random.pick(VISITORS);
    const tank = contextOn(stage);
    tank.add(
      visitor(tank, ({ time }) => {
        nextVisitorAt = time + random.between(...VISITOR_GAP);
      }),
    );
  };

  /** Lay the tank on a new stage: scenery anew, and fish added up to the density's number. */
  const lay = (stage: Stage): void => {
    laid = stage;
    for (const kind of SCENERY) for (const entity of scene.ofKind(kind)) scene.remove(entity);
    const tank = contextOn(stage);
    for (const tile of surface(tank)) tank.add(tile);
    tank.add(castle(tank));
    plantSeaweed(tank);
    while (count('fish') < wantedFish(stage)) addFish(stage, 'anywhere');
  };

  if (options.cols !== undefined && options.rows !== undefined)
    lay({ cols: options.cols, rows: options.rows });

  return {
    scene,
    compose(t, into) {
      now = t;
      const stage: Stage = { cols: into.cols, rows: into.rows };
      if (laid?.cols !== stage.cols || laid.rows !== stage.rows) lay(stage);
      // A fish that was eaten is replaced by one swimming in, as one that swam out is.
      while (count('fish') < wantedFish(stage)) addFish(stage, 'edge');
      if (count('visitor') === 0 && t >= nextVisitorAt) sendVisitor(stage);
      return scene.compose(t, into);
    },
    addFish() {
      addedFish++;
      return addFish(laid ?? { cols: 0, rows: 0 }, 'inside');
    },
    feed() {
      if (laid === undefined || tankLayout(laid, art.surface.height).waterRows < 1)
        return undefined;
      const tank = contextOn(laid);
      return tank.add(food(tank, random.int(0, laid.cols - 1)));
    },
    get fishCount() {
      return count('fish');
    },
  };
}
