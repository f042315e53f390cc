/**
 * The scene API: entities composed by depth, joining and leaving over time by their
 * lifetimes, with callbacks that add more.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseArt } from '../../src/art/index.js';
import { createGrid } from '../../src/render/grid.js';
import {
  composeScene,
  createScene,
  swimmer,
  type Entity,
  type Lifetime,
  type Pose,
} from '../../src/render/scene.js';
import { textOf } from '../render/fixtures.js';

const art = (text: string) => parseArt(text);
const at = (x: number, y = 0): Pose => ({ x, y, facing: 'right' });

/** An entity standing still at (`x`, `y`). */
function still(text: string, depth: number, x: number, y = 0, extra: Partial<Entity> = {}): Entity {
  return { art: art(text), depth, pose: () => at(x, y), ...extra };
}

/** An entity that moves one cell right per second from column 0 and leaves past `cols`. */
function walker(text: string, cols: number, extra: Partial<Entity> = {}): Entity {
  return { art: art(text), depth: 0, pose: (t) => (t < cols ? at(Math.floor(t)) : null), ...extra };
}

const frame = (scene: ReturnType<typeof createScene>, t: number, cols = 8, rows = 1) =>
  textOf(scene.compose(t, createGrid(cols, rows)));

describe('createScene', () => {
  it('draws lower depth on top, whatever the order of adding', () => {
    const front = still('AAA', 1, 0);
    const back = still('BBBBB', 5, 1);
    expect(frame(createScene([front, back]), 0, 6)).toEqual(['AAABBB']);
    expect(frame(createScene([back, front]), 0, 6)).toEqual(['AAABBB']);
  });

  it('keeps its entities in drawing order, the last added on top at equal depth', () => {
    const a = still('aaa', 2, 0);
    const b = still('bbb', 2, 1);
    const deep = still('zzzzzz', 9, 0);
    const scene = createScene([a, deep, b]);
    expect(scene.entities).toEqual([deep, a, b]);
    expect(frame(scene, 0, 6)).toEqual(['abbbzz']);
  });

  it('poses each entity in its own time, counted from when it joined', () => {
    const scene = createScene();
    scene.update(3, { cols: 8, rows: 1 });
    scene.add(walker('x', 8));
    expect(frame(scene, 5)).toEqual(['  x     ']);
    const late = walker('y', 8);
    scene.add(late, 4);
    expect(frame(scene, 6)).toEqual(['  yx    ']);
  });

  it('takes out an entity whose path has left the stage, calling onLeave once', () => {
    const left: number[] = [];
    const scene = createScene([
      walker('w', 3, { onLeave: ({ time, age }) => left.push(time, age) }),
    ]);
    expect(frame(scene, 2)).toEqual(['  w     ']);
    expect(frame(scene, 3.5)).toEqual(['        ']);
    expect(scene.entities).toHaveLength(0);
    frame(scene, 4);
    expect(left).toEqual([3.5, 3.5]);
  });

  it('keeps a forever entity whose pose is null, only hiding it', () => {
    const blinking: Entity = {
      art: art('b'),
      depth: 0,
      lifetime: 'forever',
      pose: (t) => (Math.floor(t) % 2 === 0 ? at(0) : null),
    };
    const scene = createScene([blinking]);
    expect(frame(scene, 0)[0][0]).toBe('b');
    expect(frame(scene, 1)[0][0]).toBe(' ');
    expect(frame(scene, 2)[0][0]).toBe('b');
    expect(scene.entities).toEqual([blinking]);
  });

  it('takes out an entity after its seconds, or sooner when it leaves the stage', () => {
    const timed: Lifetime = { seconds: 2 };
    let leaves = 0;
    const scene = createScene([still('t', 0, 0, 0, { lifetime: timed, onLeave: () => leaves++ })]);
    expect(frame(scene, 1.9)[0][0]).toBe('t');
    expect(frame(scene, 2)[0][0]).toBe(' ');
    expect(leaves).toBe(1);
    const short = createScene([walker('s', 2, { lifetime: { seconds: 100 } })]);
    frame(short, 5);
    expect(short.entities).toHaveLength(0);
  });

  it('draws a replacement added by onLeave in the same frame', () => {
    const replace = (): Entity =>
      walker('r', 4, {
        onLeave: ({ scene }) => {
          scene.add(replace());
        },
      });
    const scene = createScene([replace()]);
    expect(frame(scene, 3)).toEqual(['   r    ']);
    // At 4 the first leaves and its replacement, joining now, stands at column 0.
    expect(frame(scene, 4)).toEqual(['r       ']);
    expect(scene.entities).toHaveLength(1);
  });

  it('lets an entity add others as it moves (a fish and its bubbles)', () => {
    let bubbles = 0;
    const fish: Entity = {
      art: art('><>'),
      depth: 1,
      lifetime: 'forever',
      pose: () => at(0, 2),
      onUpdate(pose, { scene, age }) {
        if (age < bubbles) return;
        bubbles++;
        const from = pose.y - 1;
        scene.add({
          art: art('o'),
          depth: 0,
          pose: (t) => (from - t >= 0 ? at(3, from - t) : null),
        });
      },
    };
    const scene = createScene([fish]);
    expect(frame(scene, 0, 4, 3)).toEqual(['    ', '   o', '><> ']);
    expect(frame(scene, 1, 4, 3)).toEqual(['   o', '   o', '><> ']);
    expect(frame(scene, 1, 4, 3)).toEqual(['   o', '   o', '><> ']);
    expect(scene.entities).toHaveLength(3);
  });

  it('changes nothing when updated again at the same time', () => {
    const scene = createScene([walker('a', 8), still('b', 3, 5)]);
    const once = frame(scene, 2);
    expect(frame(scene, 2)).toEqual(once);
    expect(scene.time).toBe(2);
  });

  it('removes an entity without calling onLeave, even from a callback during an update', () => {
    let left = 0;
    const victim = still('v', 0, 4, 0, { onLeave: () => left++ });
    const remover: Entity = {
      art: art('k'),
      depth: 0,
      lifetime: 'forever',
      pose: () => at(0),
      onUpdate: (_, { scene }) => void scene.remove(victim),
    };
    const other = still('o', 0, 6);
    const scene = createScene([remover, victim, other]);
    expect(frame(scene, 0)).toEqual(['k     o ']);
    expect(scene.entities).toEqual([remover, other]);
    expect(scene.remove(victim)).toBe(false);
    expect(left).toBe(0);
  });

  it('counts and finds its entities by kind: those joining in an update too, not those gone', () => {
    const counted: number[] = [];
    const found: Entity[][] = [];
    const fish = (x: number): Entity => still('f', 1, x, 0, { kind: 'fish' });
    const first = fish(0);
    const second = fish(2);
    const parent: Entity = {
      ...walker('p', 3, { kind: 'parent' }),
      onUpdate: (_, { scene, age }) => {
        if (age === 0) scene.add(second);
        counted.push(scene.count('fish'));
        found.push(scene.ofKind('fish'));
      },
    };
    const scene = createScene([first, still('x', 0, 5), parent]);
    expect(scene.count('fish')).toBe(1);
    expect(scene.ofKind('fish')).toEqual([first]);
    frame(scene, 0);
    expect(counted).toEqual([2]);
    expect(found).toEqual([[first, second]]);
    expect(scene.count('fish')).toBe(2);
    expect(scene.count('parent')).toBe(1);
    expect(scene.count('bird')).toBe(0);
    scene.remove(first);
    expect(scene.ofKind('fish')).toEqual([second]);
    frame(scene, 3);
    expect(scene.count('parent')).toBe(0);
  });

  it('counts by kind as it finds by kind, whatever joins and leaves, and when', () => {
    const KINDS = ['a', 'b', undefined] as const;
    /** One entity's part: its kind, when it leaves, and what its updates do, step by step. */
    const part = fc.record({
      kind: fc.constantFrom(...KINDS),
      leavesAt: fc.integer({ min: 1, max: 6 }),
      acts: fc.array(fc.constantFrom('add', 'remove', 'none'), { maxLength: 6 }),
    });
    fc.assert(
      fc.property(
        fc.array(part, { minLength: 1, maxLength: 12 }),
        fc.array(fc.constantFrom('add', 'remove', 'frame'), { maxLength: 30 }),
        (parts, outside) => {
          let next = 0;
          const made: Entity[] = [];
          let scene = createScene();
          const agree = (): void => {
            for (const kind of ['a', 'b', 'c'])
              expect(scene.count(kind)).toBe(scene.ofKind(kind).length);
          };
          const make = (): Entity => {
            const { kind, leavesAt, acts } = parts[next++ % parts.length];
            let step = 0;
            const entity: Entity = {
              art: art('x'),
              depth: 0,
              kind,
              pose: (t) => (t < leavesAt ? at(0) : null),
              onUpdate: (_, context) => {
                const act = acts[step++] ?? 'none';
                // A bounded cast: callbacks that add without end are another test's.
                if (act === 'add' && next < 40) context.scene.add(make());
                // The last one made: it may be joining in this very update.
                if (act === 'remove') context.scene.remove(made[made.length - 1]);
                agree();
              },
            };
            made.push(entity);
            return entity;
          };
          scene = createScene([make()]);
          let t = 0;
          for (const act of outside) {
            if (act === 'add') scene.add(make());
            else if (act === 'remove') scene.remove(scene.entities[scene.entities.length - 1]);
            else scene.update(t++, { cols: 4, rows: 1 });
            agree();
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('lets a callback remove an entity joining in the same update as its own entity', () => {
    const late = still('l', 0, 4);
    const remover = still('r', 0, 0, 0, { onUpdate: (_, { scene }) => void scene.remove(late) });
    const host: Entity = {
      ...still('h', 0, 2),
      onUpdate: (_, { scene, age }) => {
        if (age > 0) return;
        scene.add(remover);
        scene.add(late);
      },
    };
    const scene = createScene([host]);
    expect(frame(scene, 0)).toEqual(['r h     ']);
    expect(scene.entities).not.toContain(late);
  });

  it('stops entities that keep adding entities in one update', () => {
    const b = art('b');
    const breeder = (): Entity => ({
      art: b,
      depth: 0,
      pose: () => at(0),
      onUpdate: (_, { scene }) => void scene.add(breeder()),
    });
    expect(() => createScene([breeder()]).update(0, { cols: 4, rows: 1 })).toThrow(/keep adding/);
  });
});

describe('collisions', () => {
  const stage = { cols: 10, rows: 2 };

  it('calls onCollision once an update for each physical entity its box overlaps, after every entity has moved', () => {
    const hits: [string, number, number][] = [];
    const mover = walker('AAA', 10, {
      onCollision(other, { time, otherPose }) {
        hits.push([other.art.name, time, otherPose.x]);
      },
    });
    const scene = createScene([
      mover,
      still('B', 1, 5, 0, { physical: true }),
      // Not physical: never hit. On another row: never overlapped.
      still('C', 1, 4),
      still('D', 1, 6, 1, { physical: true }),
    ]);
    for (let t = 0; t < 8; t++) scene.update(t, stage);
    // AAA covers 5 at t = 3, 4 and 5.
    expect(hits.map(([, time]) => time)).toEqual([3, 4, 5]);
    expect(hits.every(([, , x]) => x === 5)).toBe(true);
  });

  it('uses the hitbox where there is one: a mouth, not the whole art', () => {
    let hits = 0;
    const scene = createScene([
      walker('AAA', 10, {
        // The last column only.
        hitbox: (pose) => ({ x: pose.x + 2, y: pose.y, width: 1, height: 1 }),
        onCollision: () => hits++,
      }),
      still('B', 1, 5, 0, { physical: true }),
    ]);
    for (let t = 0; t < 8; t++) scene.update(t, stage);
    expect(hits).toBe(1);
  });

  it('lets the callback remove what it hit and add what it leaves, drawn in the same update', () => {
    const prey = still('B', 1, 5, 0, { physical: true });
    const scene = createScene([
      walker('AAA', 10, {
        onCollision(other, { scene: inside, otherPose }) {
          inside.remove(other);
          inside.add(still('*', 2, otherPose.x, 1, { kind: 'splat' }));
        },
      }),
      prey,
    ]);
    for (let t = 0; t < 3; t++) scene.update(t, stage);
    expect(scene.poseOf(prey)).toEqual(at(5));
    const grid = scene.compose(3, createGrid(10, 2));
    expect(scene.entities).not.toContain(prey);
    expect(scene.poseOf(prey)).toBeNull();
    expect(scene.count('splat')).toBe(1);
    expect(textOf(grid)).toEqual(['   AAA    ', '     *    ']);
  });
});

describe('the single creature as a scene of one', () => {
  it('draws the same frames through createScene as through composeScene', () => {
    const bass = art(">))'>");
    const entities = [swimmer(bass, { speed: 7, bob: 1 })];
    const scene = createScene(entities);
    for (let k = 0; k < 60; k++) {
      const t = k / 12.5;
      expect(textOf(scene.compose(t, createGrid(20, 3)))).toEqual(
        textOf(composeScene(entities, t, createGrid(20, 3))),
      );
    }
    expect(scene.entities).toHaveLength(1);
  });
});
