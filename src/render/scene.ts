import type { Art, Facing } from '../art/types.js';
import { bobOffset, frameIndex, progressPath, swimPath, type PathPoint } from '../motion/index.js';
import { composeFrame, type Placement } from './compose.js';
import type { Grid } from './grid.js';

/** The stage a scene is drawn on: its size in cells. */
export interface Stage {
  readonly cols: number;
  readonly rows: number;
}

/** Where an entity is at one moment. */
export interface Pose {
  /** Column of the art's left edge (may be off the stage: it is clipped). */
  readonly x: number;
  /** Row of the art's top edge. */
  readonly y: number;
  /** The facing to draw. */
  readonly facing: Facing;
  /** Frame to draw; by default the art's own frame for the time. */
  readonly frame?: number;
}

/**
 * How long an entity stays in a {@link Scene}:
 *
 * - `'offstage'` (the default): until its pose is null, which is how a path says the entity
 *   has left the stage;
 * - `'forever'`: never removed; a null pose only hides it at that moment;
 * - `{ seconds }`: for that long after it joined, or until its pose is null if sooner.
 */
export type Lifetime = 'offstage' | 'forever' | { readonly seconds: number };

/** What a scene tells an entity's callbacks. */
export interface SceneContext {
  /** The scene, to add entities to (a fish's bubbles, a replacement for one that left). */
  readonly scene: Scene;
  /** The scene's clock, in seconds. */
  readonly time: number;
  /** Seconds since this entity joined the scene. */
  readonly age: number;
  /** The stage it is drawn on. */
  readonly stage: Stage;
}

/** A rectangle of cells on the stage. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** What a scene tells an entity's `onCollision`. */
export interface CollisionContext extends SceneContext {
  /** The entity's own pose. */
  readonly pose: Pose;
  /** The pose of the entity it collided with. */
  readonly otherPose: Pose;
}

/**
 * An entity, after Term::Animation: a shape (art, with its colour masks and frames), a depth,
 * a path (a function of time to where it is), a lifetime, and callbacks.
 */
export interface Entity {
  /**
   * What it is, in a word of the scene's own (`'fish'`, `'bubble'`…): the scene counts and
   * finds its entities by kind ({@link Scene.count}, {@link Scene.ofKind}), so that nobody
   * keeps a count by hand. An entity without one is of no kind.
   */
  readonly kind?: string;
  /** What it looks like. */
  readonly art: Art;
  /** Lower depth is drawn on top. */
  readonly depth: number;
  /**
   * Where it is `t` seconds after it joined the scene (for {@link composeScene}, at `t` on
   * the clock), on `stage`; null when it is not on the stage (see {@link Lifetime}).
   */
  pose(t: number, stage: Stage): Pose | null;
  /** How long it stays in a {@link Scene} (default `'offstage'`). */
  readonly lifetime?: Lifetime;
  /**
   * Called at each scene update while it is on the stage, with its pose (e.g. to let out a
   * bubble).
   */
  onUpdate?(pose: Pose, context: SceneContext): void;
  /**
   * Called once when it leaves a scene by its lifetime (not by `remove`), e.g. to add a
   * replacement.
   */
  onLeave?(context: SceneContext): void;
  /**
   * Whether it can be collided with (Term::Animation's physical entities): another entity's
   * `onCollision` is called with it when their boxes overlap. Its box is its {@link hitbox},
   * else its art at its pose.
   */
  readonly physical?: boolean;
  /** The cells it collides with at `pose` (default: its art's rectangle there). */
  hitbox?(pose: Pose): Box;
  /**
   * Called at each scene update, after every entity has moved, once for each physical entity
   * whose box overlaps this one's (a shark's mouth reaching a fish). It may remove either.
   */
  onCollision?(other: Entity, context: CollisionContext): void;
}

/**
 * Where a creature moves along a line: the options {@link swimmer} and {@link progressEntity}
 * share.
 */
export interface TrackOptions {
  /** Bob amplitude in rows (0 for a flat path). */
  readonly bob: number;
  /** Depth in the scene (default 0). */
  readonly depth?: number;
  /** Columns the creature may use (default: the stage's width less `trackStart`). */
  readonly trackWidth?: (stage: Stage) => number;
  /** Column where its track begins (default 0). */
  readonly trackStart?: number;
}

/** Options of {@link swimmer}. */
export interface SwimmerOptions extends TrackOptions {
  /** Cells per second. */
  readonly speed: number;
}

/** Options of {@link progressEntity}. */
export interface ProgressEntityOptions extends TrackOptions {
  /** How far along the track, from 0 to 1, read at each frame. */
  readonly fraction: () => number;
}

/** The columns a creature's track spans on `stage`. */
function trackWidthOf(options: TrackOptions, stage: Stage): number {
  return options.trackWidth?.(stage) ?? stage.cols - (options.trackStart ?? 0);
}

/**
 * The default creature: swims across the stage, turning at each edge, and bobs, for ever. Its
 * stage is `art.height + 2 × bob` rows high.
 *
 * @param art - what swims
 * @param options - speed, bob, depth, track
 */
export function swimmer(art: Art, options: SwimmerOptions): Entity {
  return onTrack(art, options, (t, trackWidth) =>
    swimPath(t, { trackWidth, artWidth: art.width, speed: options.speed }),
  );
}

/**
 * A creature for a progress bar: placed `fraction()` of the way along its track, facing
 * right, bobbing on the clock, for ever.
 *
 * @param art - what moves
 * @param options - the progress, bob, depth, track
 */
export function progressEntity(art: Art, options: ProgressEntityOptions): Entity {
  return onTrack(art, options, (_, trackWidth) =>
    progressPath(options.fraction(), { trackWidth, artWidth: art.width }),
  );
}

/**
 * An entity that moves along a horizontal track by `place` (a path along the track) and bobs
 * on the clock, for ever: what the swimmer and the progress creature share.
 */
function onTrack(
  art: Art,
  options: TrackOptions,
  place: (t: number, trackWidth: number) => PathPoint,
): Entity {
  const start = options.trackStart ?? 0;
  return {
    art,
    depth: options.depth ?? 0,
    lifetime: 'forever',
    pose(t, stage) {
      const { x, facing } = place(t, trackWidthOf(options, stage));
      return { x: start + x, y: bobOffset(t, { amplitude: options.bob }), facing };
    },
  };
}

/** The box an entity collides with at `pose`. */
function boxOf(entity: Entity, pose: Pose): Box {
  return (
    entity.hitbox?.(pose) ?? {
      x: pose.x,
      y: pose.y,
      width: entity.art.width,
      height: entity.art.height,
    }
  );
}

/** Whether two boxes share a cell. */
function overlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/**
 * What to draw for an entity in `pose`, `t` seconds into its own animation: the pose's frame,
 * else the art's frame for the time.
 */
function placementOf(entity: Entity, pose: Pose, t: number): Placement {
  const frames = entity.art.frames[pose.facing];
  const frame = pose.frame ?? frameIndex(t, entity.art.frameDuration, frames.length);
  return { sprite: frames[frame % frames.length], x: pose.x, y: pose.y, depth: entity.depth };
}

/** One placement per entity still in the scene, reused between frames. */
const placements: Placement[] = [];

/**
 * Compose entities at time `t` into a grid of the stage's size, statelessly: every entity is
 * posed at `t` on the clock, and one whose pose is null is not drawn. For a scene whose
 * entities join and leave, see {@link createScene}.
 *
 * @param entities - what is in the scene
 * @param t - seconds on the animation's clock
 * @param into - the grid to draw into (its size is the stage)
 */
export function composeScene(entities: readonly Entity[], t: number, into: Grid): Grid {
  const stage: Stage = { cols: into.cols, rows: into.rows };
  placements.length = 0;
  for (const entity of entities) {
    const pose = entity.pose(t, stage);
    if (pose !== null) placements.push(placementOf(entity, pose, t));
  }
  return composeFrame(into.cols, into.rows, placements, into);
}

/**
 * A scene whose entities join, move and leave over time: the model under both the single fish
 * and the aquarium. It keeps its entities in drawing order (deepest first), so composing never
 * sorts. Pure: it only changes itself, and given the same calls it draws the same frames.
 */
export interface Scene {
  /**
   * The entities in the scene, in drawing order (deepest first; at equal depth, the last added
   * on top).
   */
  readonly entities: readonly Entity[];
  /** The clock of the last update, in seconds (0 before the first). */
  readonly time: number;
  /**
   * Add an entity, joining at `joinedAt` (default: the scene's time); its pose counts time
   * from then. An entity added during an update (by a callback) is posed and drawn in the same
   * update.
   *
   * @param entity - the entity
   * @param joinedAt - the scene time it joins at, e.g. the time of the update about to be made
   * @returns the entity
   */
  add(entity: Entity, joinedAt?: number): Entity;
  /** Take an entity out at once, without calling its `onLeave`; false if it was not there. */
  remove(entity: Entity): boolean;
  /**
   * How many entities of `kind` are in the scene now: those joining in the update under way
   * count, those that have left or were removed do not.
   */
  count(kind: string): number;
  /**
   * The entities of `kind` in the scene now (as {@link Scene.count} counts them), in drawing
   * order, then those joining in the update under way: for an entity to find others.
   */
  ofKind(kind: string): Entity[];
  /**
   * Where an entity of the scene was at the last update (for an entity to find another):
   * null when it is not in the scene, or was off the stage.
   */
  poseOf(entity: Entity): Pose | null;
  /**
   * Move the scene to time `t` on `stage`: pose every entity, call `onUpdate` for each on the
   * stage, and take out those whose lifetime is over, calling their `onLeave` (which may add
   * entities); then, with every entity moved, call `onCollision` for each overlap of an entity
   * that has one with a physical entity. Calling it again at the same time changes nothing
   * (but the collisions, which are called again: a callback removes what it has dealt with).
   *
   * @returns what to draw, in drawing order (valid until the next update)
   */
  update(t: number, stage: Stage): readonly Placement[];
  /** {@link Scene.update} on the grid's size, then compose the frame into it. */
  compose(t: number, into: Grid): Grid;
}

/** An entity in a scene: when it joined, and its pose at the last update. */
interface Member {
  readonly entity: Entity;
  readonly joined: number;
  pose: Pose | null;
  gone: boolean;
}

/**
 * The most entities callbacks may add while the scene updates; more in one update is a
 * runaway loop.
 */
const MAX_ADDED_PER_UPDATE = 10_000;

/**
 * Make a scene.
 *
 * @param entities - entities in it from the start (joining at time 0)
 * @returns the scene
 */
export function createScene(entities: readonly Entity[] = []): Scene {
  let members: Member[] = [];
  /** Entities added during an update, joined once the update has walked the others. */
  let arrivals: Member[] = [];
  let updating = false;
  /** Whether a callback removed a member during the update (compacted after it). */
  let removed = false;
  let time = 0;
  const drawn: Placement[] = [];
  /**
   * Members in the scene now (arriving ones too), per kind: kept as they join and leave, as
   * the tank asks at every frame and a walk over every member would cost what the scene holds.
   */
  const counts = new Map<string, number>();
  const tally = (member: Member, step: 1 | -1): void => {
    const { kind } = member.entity;
    if (kind !== undefined) counts.set(kind, (counts.get(kind) ?? 0) + step);
  };
  /** The one way a member leaves: no longer posed, drawn or counted. */
  const leave = (member: Member): void => {
    member.pose = null;
    member.gone = true;
    tally(member, -1);
  };

  /** Whether a member is in the scene now and of `kind`. */
  const isOf = (member: Member, kind: string): boolean =>
    !member.gone && member.entity.kind === kind;

  /** Insert keeping drawing order: after every member at least as deep (ties: later on top). */
  const insert = (member: Member): void => {
    let index = members.length;
    while (index > 0 && members[index - 1].entity.depth < member.entity.depth) index--;
    members.splice(index, 0, member);
  };

  /** Pose a member at `t`, call its callbacks; true if it stays. */
  const visit = (member: Member, t: number, stage: Stage): boolean => {
    const { entity } = member;
    const age = t - member.joined;
    const pose = entity.pose(age, stage);
    const lifetime = entity.lifetime ?? 'offstage';
    const expired =
      (pose === null && lifetime !== 'forever') ||
      (typeof lifetime === 'object' && age >= lifetime.seconds);
    member.pose = expired ? null : pose;
    if (expired) {
      leave(member);
      entity.onLeave?.({ scene, time: t, age, stage });
      return false;
    }
    if (pose !== null && entity.onUpdate !== undefined)
      entity.onUpdate(pose, { scene, time: t, age, stage });
    return true;
  };

  /**
   * Join and pose the entities added during this update, and those they bring in turn (a
   * replacement's first bubble); false if any of them has left already.
   */
  const welcome = (t: number, stage: Stage, added: { count: number }): boolean => {
    let stayed = true;
    while (arrivals.length > 0) {
      const batch = arrivals;
      arrivals = [];
      added.count += batch.length;
      if (added.count > MAX_ADDED_PER_UPDATE) {
        // The batch is dropped: it no longer counts.
        for (const member of batch) tally(member, -1);
        throw new RangeError('scene: entities keep adding entities in one update');
      }
      // All in first, so that a callback of the first sees (counts, removes) the others.
      for (const member of batch) insert(member);
      for (const member of batch) if (!visit(member, t, stage)) stayed = false;
    }
    return stayed;
  };

  /**
   * Call `onCollision` for each overlap, once every entity has moved. Only entities with an
   * `onCollision` look (few: a shark, food), so a frame without them costs one pass.
   */
  const collide = (t: number, stage: Stage): void => {
    for (const member of members) {
      const { entity, pose } = member;
      if (entity.onCollision === undefined || member.gone || pose === null) continue;
      const box = boxOf(entity, pose);
      for (const other of members) {
        const otherPose = other.pose;
        if (other === member || other.gone || otherPose === null) continue;
        if (other.entity.physical !== true || !overlap(box, boxOf(other.entity, otherPose)))
          continue;
        const context = { scene, time: t, age: t - member.joined, stage, pose, otherPose };
        entity.onCollision(other.entity, context);
        // It may have removed itself (a callback's remove() sets `gone`).
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
        if (member.gone) break;
      }
    }
  };

  const scene: Scene = {
    get entities() {
      return members.map((member) => member.entity);
    },
    get time() {
      return time;
    },
    add(entity, joinedAt = time) {
      const member: Member = { entity, joined: joinedAt, pose: null, gone: false };
      tally(member, 1);
      if (updating) arrivals.push(member);
      else insert(member);
      return entity;
    },
    remove(entity) {
      const member = members.find((candidate) => candidate.entity === entity && !candidate.gone);
      if (member !== undefined) {
        leave(member);
        // During an update the list is being walked: it is compacted when the walk is done.
        if (!updating) members = members.filter((candidate) => !candidate.gone);
        else removed = true;
        return true;
      }
      const arriving = arrivals.findIndex((candidate) => candidate.entity === entity);
      if (arriving < 0) return false;
      tally(arrivals[arriving], -1);
      arrivals.splice(arriving, 1);
      return true;
    },
    count: (kind) => counts.get(kind) ?? 0,
    poseOf(entity) {
      const member =
        members.find((candidate) => candidate.entity === entity) ??
        arrivals.find((candidate) => candidate.entity === entity);
      return member === undefined || member.gone ? null : member.pose;
    },
    ofKind: (kind) =>
      [...members, ...arrivals].filter((member) => isOf(member, kind)).map(({ entity }) => entity),
    update(t, stage) {
      time = t;
      updating = true;
      try {
        let left = false;
        removed = false;
        for (const member of members) if (!member.gone && !visit(member, t, stage)) left = true;
        const added = { count: 0 };
        if (!welcome(t, stage, added)) left = true;
        collide(t, stage);
        // What the collisions brought (a splash where a fish was eaten) is posed now too.
        if (!welcome(t, stage, added)) left = true;
        // `removed` is set by remove() calls made from inside the visits above.
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
        if (left || removed) members = members.filter((member) => !member.gone);
      } finally {
        updating = false;
      }
      drawn.length = 0;
      for (const member of members) {
        if (member.pose !== null)
          drawn.push(placementOf(member.entity, member.pose, t - member.joined));
      }
      return drawn;
    },
    compose(t, into) {
      return composeFrame(
        into.cols,
        into.rows,
        scene.update(t, { cols: into.cols, rows: into.rows }),
        into,
      );
    },
  };
  for (const entity of entities) scene.add(entity);
  return scene;
}
