import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  bobOffset,
  bobRegionHeight,
  defaultBobPeriod,
  DEFAULT_BOB_PERIOD,
} from '../../src/motion/index.js';
import { stepTimes } from './helpers.js';

describe('bobOffset', () => {
  it('is the middle row at t = 0', () => {
    for (const amplitude of [0, 1, 2, 5]) expect(bobOffset(0, { amplitude })).toBe(amplitude);
  });

  it('is always 0 with amplitude 0', () => {
    for (const t of [0, 0.1, 0.5, 1, 123.4]) expect(bobOffset(t, { amplitude: 0 })).toBe(0);
  });

  it('reaches both ends of [0, 2 * amplitude] over a period', () => {
    const amplitude = 2;
    const seen = new Set<number>();
    for (let i = 0; i < 200; i++)
      seen.add(bobOffset((i / 200) * DEFAULT_BOB_PERIOD, { amplitude }));
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4]);
  });

  it('follows the period it is given', () => {
    const o = { amplitude: 1, period: 4 };
    expect(bobOffset(1, o)).toBe(2);
    expect(bobOffset(2, o)).toBe(1);
    expect(bobOffset(3, o)).toBe(0);
    expect(bobOffset(4, o)).toBe(1);
  });

  it('stays whole and in range for any time, amplitude and period', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e4, max: 1e4, noNaN: true }),
        fc.integer({ min: 0, max: 20 }),
        fc.option(fc.double({ min: 0.01, max: 100, noNaN: true }), { nil: undefined }),
        (t, amplitude, period) => {
          const y = bobOffset(t, { amplitude, period });
          expect(Number.isInteger(y)).toBe(true);
          expect(y).toBeGreaterThanOrEqual(0);
          expect(y).toBeLessThanOrEqual(2 * amplitude);
        },
      ),
    );
  });

  it('moves at most one row between consecutive frames at 10 fps or more (default period)', () => {
    for (const fps of [10, 12, 24, 30, 60, 144]) {
      for (let amplitude = 0; amplitude <= 12; amplitude++) {
        let last = bobOffset(0, { amplitude });
        const steps = fps * 2 * defaultBobPeriod(amplitude);
        const times = stepTimes(fps, steps + 1);
        for (let step = 1; step <= steps; step++) {
          const y = bobOffset(times[step], { amplitude });
          expect(Math.abs(y - last)).toBeLessThanOrEqual(1);
          last = y;
        }
      }
    }
  });

  it('keeps the default period for small amplitudes and stretches it for large ones', () => {
    expect(defaultBobPeriod(1)).toBe(DEFAULT_BOB_PERIOD);
    expect(defaultBobPeriod(3)).toBe(DEFAULT_BOB_PERIOD);
    expect(defaultBobPeriod(10)).toBeGreaterThan(DEFAULT_BOB_PERIOD);
  });

  it('treats negative and fractional amplitudes as whole rows, negatives as 0', () => {
    expect(bobOffset(0.5, { amplitude: -2 })).toBe(0);
    expect(bobOffset(0, { amplitude: 1.7 })).toBe(1);
  });

  it('falls back to the default period for a bad one', () => {
    expect(bobOffset(0.5, { amplitude: 1, period: 0 })).toBe(bobOffset(0.5, { amplitude: 1 }));
    expect(bobOffset(0.5, { amplitude: 1, period: -1 })).toBe(bobOffset(0.5, { amplitude: 1 }));
  });
});

describe('bobRegionHeight', () => {
  it('adds room above and below the art', () => {
    expect(bobRegionHeight(3, 0)).toBe(3);
    expect(bobRegionHeight(3, 1)).toBe(5);
    expect(bobRegionHeight(4, 2)).toBe(8);
    expect(bobRegionHeight(4, -1)).toBe(4);
  });
});
