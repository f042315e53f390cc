/**
 * The motion pieces under the aquarium: straight crossings, rising bubbles, seeded
 * randomness and a clock that pauses.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createPausableClock, createRandom, crossPath, risePath } from '../../src/motion/index.js';

describe('crossPath', () => {
  it('enters from beyond the left edge going right, and is gone past the right edge', () => {
    const o = { trackWidth: 10, artWidth: 3, speed: 1, facing: 'right' as const };
    expect(crossPath(0, o)).toEqual({ x: -3, facing: 'right' });
    expect(crossPath(3, o)).toEqual({ x: 0, facing: 'right' });
    expect(crossPath(12.9, o)).toEqual({ x: 9, facing: 'right' });
    expect(crossPath(13, o)).toBeNull();
  });

  it('enters from beyond the right edge going left, and is gone past the left edge', () => {
    const o = { trackWidth: 10, artWidth: 3, speed: 2, facing: 'left' as const };
    expect(crossPath(0, o)).toEqual({ x: 10, facing: 'left' });
    expect(crossPath(1.5, o)).toEqual({ x: 7, facing: 'left' });
    expect(crossPath(6, o)).toEqual({ x: -2, facing: 'left' });
    expect(crossPath(6.5, o)).toBeNull();
  });

  it('starts partway with a head start', () => {
    expect(
      crossPath(0, { trackWidth: 10, artWidth: 3, speed: 1, facing: 'right', travelled: 3 })?.x,
    ).toBe(0);
    expect(
      crossPath(0, { trackWidth: 10, artWidth: 3, speed: 1, facing: 'left', travelled: 3 })?.x,
    ).toBe(7);
  });

  it('moves one way by whole cells, at most ceil(speed × dt) per step, until it is gone', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 1, max: 30 }),
        fc.double({ min: 0.5, max: 40, noNaN: true }),
        fc.constantFrom('left' as const, 'right' as const),
        (trackWidth, artWidth, speed, facing) => {
          const o = { trackWidth, artWidth, speed, facing };
          const most = Math.ceil(speed / 12.5);
          let last = crossPath(0, o);
          // Plain checks in the loop: a crossing has thousands of steps.
          for (let k = 1; last !== null; k++) {
            const next = crossPath(k / 12.5, o);
            if (next === null) return true;
            const step = facing === 'right' ? next.x - last.x : last.x - next.x;
            const inBounds = next.x > -artWidth - 1 && next.x < trackWidth + 1;
            if (!Number.isInteger(next.x) || step < 0 || step > most || !inBounds) return false;
            last = next;
          }
          return false;
        },
      ),
    );
  });
});

describe('risePath', () => {
  it('rises row by row and ends above its last row', () => {
    const o = { from: 10, speed: 2, to: 4 };
    expect(risePath(0, o)).toBe(10);
    expect(risePath(0.5, o)).toBe(9);
    expect(risePath(3, o)).toBe(4);
    expect(risePath(3.1, o)).toBeNull();
  });
});

describe('createRandom', () => {
  it('gives the same sequence for the same seed, and another for another', () => {
    const draw = (seed: number) => Array.from({ length: 20 }, createRandom(seed).next);
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
    // Pinned: the sequence must not change across versions, or seeded recordings would.
    expect(createRandom(1).next()).toBeCloseTo(0.6270739405881613, 15);
  });

  it('stays in its ranges', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.integer({ min: -50, max: 50 }),
        fc.integer({ min: 0, max: 50 }),
        (seed, min, span) => {
          const random = createRandom(seed);
          for (let i = 0; i < 20; i++) {
            const n = random.next();
            expect(n).toBeGreaterThanOrEqual(0);
            expect(n).toBeLessThan(1);
            const whole = random.int(min, min + span);
            expect(Number.isInteger(whole) && whole >= min && whole <= min + span).toBe(true);
            const real = random.between(min, min + span + 1);
            expect(real >= min && real < min + span + 1).toBe(true);
            expect(['a', 'b', 'c']).toContain(random.pick(['a', 'b', 'c']));
          }
        },
      ),
    );
  });
});

describe('createPausableClock', () => {
  it('holds still while paused and goes on from there', () => {
    const clock = createPausableClock();
    expect(clock.read(1)).toBe(1);
    expect(clock.toggle()).toBe(true);
    expect(clock.paused).toBe(true);
    expect(clock.read(2)).toBe(1);
    expect(clock.read(5)).toBe(1);
    expect(clock.toggle()).toBe(false);
    expect(clock.read(5)).toBe(1);
    expect(clock.read(6.5)).toBe(2.5);
  });
});
