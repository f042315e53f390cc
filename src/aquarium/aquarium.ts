/**
 * The aquarium: a scene of many creatures filling a whole stage. Fish of different kinds,
 * colours, speeds and depths cross it both ways and are replaced when they leave; bubbles rise
 * from them and burst at the surface; seaweed sways on the floor; now and then a large visitor
 * passes. Every random choice comes from one seeded generator, so the same seed, clock and
 * stage sizes give the same frames.
 */
import { STYLE_BOLD, type Art, type Facing, type Style } from '../art/types.js';
import {
  bobOffset,
  createRandom,
  crossPath,
  frameIndex,
  risePath,
  type CrossOptions,
} from '../motion/index.js';
import type { Grid } from '../render/grid.js';
import {
  createScene,
  type Entity,
  type Pose,
  type Scene,
  type SceneContext,
  type Stage,
} from '../render/scene.js';
import { fishFor, laneRow, tankLayout, type TankLayout } from './layout.js';
import {
  loadAquariumLibrary,
  VISITORS,
  type AquariumLibrary,
  type VisitorKind,
} from './library.js';
import { tintArt } from './tint.js';

/** Options of {@link createAquarium}. */
export interface AquariumOptions {
  /** Seeds every random choice: the same seed gives the same frames. */
  readonly seed: number;
  /** Fish per area of water, relative to the default (1); from 0.1 to 4 in the CLI. */
  readonly density?: number;
  /** People's own creatures, added to the tank's fish (each shows up at least once, early). */
  readonly arts?: readonly Art[];
  /** Columns of the first stage; with `rows`, the tank is laid at once (else at the first frame). */
  readonly cols?: number;
  /** Rows of the first stage. */
  readonly rows?: number;
  /** The built-in art to use (default: loaded from the package's `art/` folder). */
  readonly library?: AquariumLibrary;
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
  /** Fish in the tank now (visitors and bubbles not counted). */
  readonly fishCount: number;
}

/** Depths, lower on top: visitors before the surface, fish, then seaweed at the back. */
const DEPTH = {
  whale: 1,
  shark: 2,
  surface: 3,
  submarine: 4,
  fishFrom: 5,
  fishTo: 20,
  seaweedFrom: 21,
  seaweedTo: 23,
};
/** Cells per second of the fish, and of each visitor. */
const FISH_SPEED = [2, 10] as const;
const VISITOR_SPEED: Readonly<Record<VisitorKind, readonly [number, number]>> = {
  whale: [3, 5],
  shark: [8, 14],
  submarine: [3, 6],
};
/** Seconds until the first visitor, and between one leaving and the next. */
const FIRST_VISITOR = [8, 20] as const;
const VISITOR_GAP = [15, 40] as const;
/** Rows of the whale's spout above its back: its back rides on the surface. */
const WHALE_SPOUT = 2;
/** Seconds between a creature's bubbles, the first sooner; rows per second they rise. */
const BUBBLE_EVERY = [2, 8] as const;
const FIRST_BUBBLE = [0.5, 6] as const;
const BUBBLE_SPEED = [2.5, 4] as const;
/** Rows a bubble rises before it grows to each next frame. */
const BUBBLE_GROWTH = 2;
/** Columns of floor per seaweed, its tallest share of the water, its sway and its life in seconds. */
const COLS_PER_SEAWEED = 15;
const SEAWEED_SHARE = 0.6;
const SEAWEED_SWAY = [0.6, 1.6] as const;
const SEAWEED_LIFE = [480, 720] as const;
/** Seconds per bob of a fish that bobs (half of them do, by one row). */
const BOB_PERIOD = [2, 4] as const;
/** Colours a fish drawn without colour is given: red to white (black would not show). */
const TINTS: readonly Style[] = [2, 3, 4, 5, 6, 7, 8];
/** Chance that a fish is one of the people's own creatures, when there are any. */
const OWN_ART_SHARE = 0.5;

/** How a creature crosses the tank. */
interface Crossing {
  readonly art: Art;
  readonly depth: number;
  readonly speed: number;
  readonly facing: Facing;
  /** Cells already travelled from its entry edge when it joins. */
  readonly travelled: number;
  /** Its row on a stage, before bobbing. */
  readonly row: (stage: Stage, layout: TankLayout) => number;
  /** Bob amplitude in rows. */
  readonly bob: number;
  /** Whether it lets out bubbles. */
  readonly bubbles: boolean;
  readonly onLeave: (context: SceneContext) => void;
}

/**
 * Make an aquarium.
 *
 * @param options - seed, density, people's own art, first stage, library
 * @returns the aquarium, whose `compose` draws it
 */
export function createAquarium(options: AquariumOptions): Aquarium {
  const random = createRandom(options.seed);
  const library = options.library ?? loadAquariumLibrary();
  const density = options.density ?? 1;
  const ownArt = options.arts ?? [];
  /** People's creatures not yet in the tank: they come first. */
  const unseen = [...ownArt];
  const scene = createScene();
  const layoutOf = (stage: Stage): TankLayout => tankLayout(stage, library.surface.height);
  const tinted = new Map<Art, Map<Style, Art>>();
  let laid: Stage | undefined;
  let scenery: Entity[] = [];
  let fishCount = 0;
  let extraFish = 0;
  let visitor: Entity | undefined;
  let nextVisitorAt = random.between(...FIRST_VISITOR);
  /** The time of the frame being composed: newcomers laid before its update join at it. */
  let now = 0;
  /** Add to the scene now (during an update, the scene's time is already the frame's). */
  const join = (entity: Entity): Entity => scene.add(entity, Math.max(now, scene.time));

  const wantedFish = (stage: Stage): number => fishFor(stage, layoutOf(stage), density) + extraFish;

  /** The art in a colour of its own, if it has none (one tinted copy per art and colour). */
  const coloured = (art: Art): Art => {
    if (art.colored) return art;
    const style = random.pick(TINTS) | (random.chance(0.5) ? STYLE_BOLD : 0);
    let byStyle = tinted.get(art);
    if (byStyle === undefined) tinted.set(art, (byStyle = new Map<number, Art>()));
    let copy = byStyle.get(style);
    if (copy === undefined) byStyle.set(style, (copy = tintArt(art, style)));
    return copy;
  };

  const nextFishArt = (): Art => {
    const own = unseen.shift();
    if (own !== undefined) return own;
    return ownArt.length > 0 && random.chance(OWN_ART_SHARE)
      ? random.pick(ownArt)
      : random.pick(library.fish);
  };

  /** A bubble let out at (`x`, `y`), rising until it reaches the surface, where it bursts. */
  const bubble = (x: number, y: number, depth: number): Entity => {
    const speed = random.between(...BUBBLE_SPEED);
    const sizes = library.bubble.frames.right.length;
    return {
      art: library.bubble,
      depth,
      pose(t, stage) {
        const row = risePath(t, { from: y, speed, to: layoutOf(stage).waterTop });
        if (row === null) return null;
        return {
          x,
          y: row,
          facing: 'right',
          frame: Math.min(sizes - 1, Math.floor((y - row) / BUBBLE_GROWTH)),
        };
      },
    };
  };

  /** A creature crossing the tank once, bobbing, perhaps letting out bubbles. */
  const crossing = (c: Crossing): Entity => {
    const bobPeriod = random.between(...BOB_PERIOD);
    let nextBubble = c.bubbles ? random.between(...FIRST_BUBBLE) : Infinity;
    // Made again only when the stage's width changes: spreading it per frame costs more than the rest.
    let track: CrossOptions | undefined;
    return {
      art: c.art,
      depth: c.depth,
      pose(t, stage): Pose | null {
        if (track?.trackWidth !== stage.cols) {
          track = {
            trackWidth: stage.cols,
            artWidth: c.art.width,
            speed: c.speed,
            facing: c.facing,
            travelled: c.travelled,
          };
        }
        const point = crossPath(t, track);
        if (point === null) return null;
        const y =
          c.row(stage, layoutOf(stage)) + bobOffset(t, { amplitude: c.bob, period: bobPeriod });
        return { x: point.x, y, facing: point.facing };
      },
      onUpdate(pose, { age, stage }) {
        if (age < nextBubble) return;
        nextBubble = age + random.between(...BUBBLE_EVERY);
        const mouth = pose.facing === 'right' ? pose.x + c.art.width : pose.x - 1;
        const y = pose.y + Math.floor((c.art.height - 1) / 2);
        if (mouth >= 0 && mouth < stage.cols && y > layoutOf(stage).waterTop)
          join(bubble(mouth, y, c.depth));
      },
      onLeave: c.onLeave,
    };
  };

  /** Add a fish that has travelled `travelled(art, stage)` cells from its entry edge. */
  const addFish = (travelled: (art: Art) => number): Entity => {
    const art = coloured(nextFishArt());
    const lane = random.next();
    const bob = random.chance(0.5) ? 1 : 0;
    fishCount++;
    return join(
      crossing({
        art,
        depth: random.int(DEPTH.fishFrom, DEPTH.fishTo),
        speed: random.between(...FISH_SPEED),
        facing: random.chance(0.5) ? 'right' : 'left',
        travelled: travelled(art),
        row: (stage, layout) => laneRow(layout, stage.rows, art.height, lane, 2 * bob),
        bob,
        bubbles: true,
        onLeave({ stage }) {
          fishCount--;
          // A fish that swam out is replaced by one swimming in, unless the tank has shrunk.
          if (fishCount < wantedFish(stage)) addFish(() => 0);
        },
      }),
    );
  };

  /** Somewhere along the whole crossing: fish of a new tank are already swimming. */
  const anywhere = (stage: Stage) => (art: Art) => random.between(0, stage.cols + art.width);

  const addVisitor = (): void => {
    const kind = random.pick(VISITORS);
    const art = library.visitors[kind];
    const lane = random.next();
    visitor = join(
      crossing({
        art,
        depth: DEPTH[kind],
        speed: random.between(...VISITOR_SPEED[kind]),
        facing: random.chance(0.5) ? 'right' : 'left',
        travelled: 0,
        row:
          kind === 'whale'
            ? (_, layout) => layout.surfaceTop - WHALE_SPOUT
            : (stage, layout) => laneRow(layout, stage.rows, art.height, lane, 0),
        bob: 0,
        bubbles: kind === 'submarine',
        onLeave({ time }) {
          visitor = undefined;
          nextVisitorAt = time + random.between(...VISITOR_GAP);
        },
      }),
    );
  };

  /** A seaweed at a random place on the floor, replaced by another when its life is over. */
  const plantSeaweed = (stage: Stage): void => {
    const { seaweed } = library;
    const tallest = Math.min(seaweed.height, Math.floor(layoutOf(stage).waterRows * SEAWEED_SHARE));
    if (tallest < 1) return;
    const x = random.int(0, Math.max(0, stage.cols - seaweed.width));
    const height = random.int(Math.min(3, tallest), tallest);
    const period = random.between(...SEAWEED_SWAY);
    const phase = random.between(0, 2 * period);
    const frames = seaweed.frames.right.length;
    const plant: Entity = {
      art: seaweed,
      depth: random.int(DEPTH.seaweedFrom, DEPTH.seaweedTo),
      lifetime: { seconds: random.between(...SEAWEED_LIFE) },
      // Planted with its root below the floor: only its top `height` rows show.
      pose: (t, at) => ({
        x,
        y: at.rows - height,
        facing: 'right',
        frame: frameIndex(t + phase, period, frames),
      }),
      onLeave({ stage: now }) {
        scenery = scenery.filter((entity) => entity !== plant);
        plantSeaweed(now);
      },
    };
    scenery.push(join(plant));
  };

  /** The surface, tiled across the stage. */
  const layTheSurface = (stage: Stage): void => {
    const { surface } = library;
    for (let x = 0; x < stage.cols; x += surface.width) {
      const tile: Entity = {
        art: surface,
        depth: DEPTH.surface,
        lifetime: 'forever',
        pose: (_, at) => ({ x, y: layoutOf(at).surfaceTop, facing: 'right' }),
      };
      scenery.push(join(tile));
    }
  };

  /** Lay the tank on a new stage: scenery anew, and fish added up to the density's number. */
  const lay = (stage: Stage): void => {
    laid = stage;
    for (const entity of scenery) scene.remove(entity);
    scenery = [];
    layTheSurface(stage);
    const plants = Math.max(1, Math.floor(stage.cols / COLS_PER_SEAWEED));
    for (let i = 0; i < plants; i++) plantSeaweed(stage);
    const place = anywhere(stage);
    while (fishCount < wantedFish(stage)) addFish(place);
  };

  if (options.cols !== undefined && options.rows !== undefined)
    lay({ cols: options.cols, rows: options.rows });

  return {
    scene,
    compose(t, into) {
      now = t;
      if (laid?.cols !== into.cols || laid.rows !== into.rows)
        lay({ cols: into.cols, rows: into.rows });
      if (visitor === undefined && t >= nextVisitorAt) addVisitor();
      return scene.compose(t, into);
    },
    addFish() {
      extraFish++;
      // Wholly in the tank when it is wide enough, so that it is seen at once.
      const stage = laid ?? { cols: 0, rows: 0 };
      return addFish((art) => random.between(art.width, Math.max(art.width, stage.cols)));
    },
    get fishCount() {
      return fishCount;
    },
  };
}
