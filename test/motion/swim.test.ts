import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createClock, progressPath, swimPath } from '../../src/motion/index.js';
import { stepTimes } from './helpers.js';

/** The swim path computed in integers: `numerator / denominator` cells travelled. */
function exactSwim(
  numerator: number,
  denominator: number,
  span: number,
): { x: number; facing: string } {
  const lap = 2 * span * denominator;
  const along = numerator % lap;
  if (along < span * denominator) return { x: Math.floor(along / denominator), facing: 'right' };
  return { x: Math.floor((lap - along) / denominator), facing: 'left' };
}

describe('swimPath', () => {
  const track = { trackWidth: 20, artWidth: 5, speed: 10 };

  it('starts at the left edge facing right', () => {
    expect(swimPath(0, track)).toEqual({ x: 0, facing: 'right' });
  });

  it('moves right at speed cells per second', () => {
    expect(swimPath(0.5, track)).toEqual({ x: 5, facing: 'right' });
    expect(swimPath(1.49, track)).toEqual({ x: 14, facing: 'right' });
  });

  it('reaches the right edge exactly, turns there and swims back', () => {
    expect(swimPath(1.5, track)).toEqual({ x: 15, facing: 'left' });
    expect(swimPath(1.6, track)).toEqual({ x: 14, facing: 'left' });
    expect(swimPath(2.95, track)).toEqual({ x: 0, facing: 'left' });
    expect(swimPath(3, track)).toEqual({ x: 0, facing: 'right' });
    expect(swimPath(3.1, track)).toEqual({ x: 1, facing: 'right' });
  });

  it('floors the exact position on the way back (never past the right edge)', () => {
    // 1.55 s: 15.5 cells out, so 14.5 on the way back.
    expect(swimPath(1.55, track).x).toBe(14);
  });

  it('stays on the track and faces the way it moves, for any time and speed', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 1, max: 60 }),
        fc.double({ min: 0, max: 1e5, noNaN: true }),
        fc.double({ min: 0.1, max: 200, noNaN: true }),
        (trackWidth, artWidth, t, speed) => {
          const span = trackWidth - artWidth;
          const { x, facing } = swimPath(t, { trackWidth, artWidth, speed });
          expect(Number.isInteger(x)).toBe(true);
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThanOrEqual(Math.max(0, span));
          if (span <= 0) expect(facing).toBe('right');
          if (span > 0) {
            const later = swimPath(t + 0.25 / speed, { trackWidth, artWidth, speed });
            // A quarter cell later, facing the same way, the art is in the same cell or the next one its way.
            if (later.facing === facing) {
              expect(Math.abs(later.x - x)).toBeLessThanOrEqual(1);
              if (later.x !== x) expect(later.x > x).toBe(facing === 'right');
            }
          }
        },
      ),
    );
  });

  it('rests at x = 0 facing right on a track no wider than the art', () => {
    for (const trackWidth of [0, 3, 5]) {
      for (const t of [0, 0.3, 7, 1e6]) {
        expect(swimPath(t, { trackWidth, artWidth: 5, speed: 10 })).toEqual({
          x: 0,
          facing: 'right',
        });
      }
    }
  });

  it('handles a one-cell span: alternates between the two positions', () => {
    const o = { trackWidth: 6, artWidth: 5, speed: 1 };
    expect([0, 1, 2, 3, 4].map((t) => swimPath(t, o))).toEqual([
      { x: 0, facing: 'right' },
      { x: 1, facing: 'left' },
      { x: 0, facing: 'right' },
      { x: 1, facing: 'left' },
      { x: 0, facing: 'right' },
    ]);
  });

  it('is the same at any frame rate: position depends on elapsed seconds only', () => {
    const o = { trackWidth: 80, artWidth: 7, speed: 12 };
    const [times30, times60, times24] = [30, 60, 24].map((fps) => stepTimes(fps, 30 * fps + 1));
    const wallClock = createClock({ fps: 1, sync: 'time', start: 5000 });
    for (let second = 0; second <= 30; second++) {
      const at30 = swimPath(times30[second * 30], o);
      const at60 = swimPath(times60[second * 60], o);
      const at24 = swimPath(times24[second * 24], o);
      const wall = swimPath(wallClock.frame(5000 + second * 1000), o);
      expect(at60).toEqual(at30);
      expect(at24).toEqual(at30);
      expect(wall).toEqual(at30);
    }
  });

  it('is exact in step mode over 10,000 steps', () => {
    const cases = [
      { speed: 60, fps: 60, trackWidth: 80, artWidth: 5 },
      { speed: 49, fps: 49, trackWidth: 80, artWidth: 5 },
      { speed: 30, fps: 60, trackWidth: 40, artWidth: 9 },
      { speed: 7, fps: 3, trackWidth: 33, artWidth: 4 },
      { speed: 10, fps: 30, trackWidth: 12, artWidth: 11 },
      { speed: 24, fps: 12, trackWidth: 200, artWidth: 17 },
    ];
    for (const { speed, fps, trackWidth, artWidth } of cases) {
      const span = trackWidth - artWidth;
      const times = stepTimes(fps, 10_001);
      for (let step = 0; step <= 10_000; step++) {
        const got = swimPath(times[step], { trackWidth, artWidth, speed });
        const want = exactSwim(step * speed, fps, span);
        if (got.x !== want.x || got.facing !== want.facing) {
          expect({ speed, fps, step, ...got }).toEqual({ speed, fps, step, ...want });
        }
      }
    }
  });

  it('moves exactly one cell a frame at speed 60 and 60 fps', () => {
    const o = { trackWidth: 80, artWidth: 5, speed: 60 };
    let last = swimPath(0, o).x;
    const times = stepTimes(60, 10_001);
    for (let step = 1; step <= 10_000; step++) {
      const { x } = swimPath(times[step], o);
      expect(Math.abs(x - last)).toBe(1);
      last = x;
    }
  });

  it('treats non-finite time as the start', () => {
    expect(swimPath(Number.NaN, track)).toEqual({ x: 0, facing: 'right' });
    expect(swimPath(Number.POSITIVE_INFINITY, track)).toEqual({ x: 0, facing: 'right' });
  });
});

describe('progressPath', () => {
  const o = { trackWidth: 25, artWidth: 5 };

  it('maps 0..1 onto the span, rounded, facing right', () => {
    const poses = [0, 0.5, 0.52, 0.53, 1].map((fraction) => progressPath(fraction, o));
    expect(poses).toEqual([0, 10, 10, 11, 20].map((x) => ({ x, facing: 'right' })));
  });

  it('clamps the fraction', () => {
    expect(progressPath(-3, o).x).toBe(0);
    expect(progressPath(7, o).x).toBe(20);
    expect(progressPath(Number.NaN, o).x).toBe(0);
    expect(progressPath(Number.POSITIVE_INFINITY, o).x).toBe(20);
  });

  it('rests at 0 on a narrow track', () => {
    expect(progressPath(0.7, { trackWidth: 4, artWidth: 5 })).toEqual({ x: 0, facing: 'right' });
  });

  it('never decreases as progress grows, and stays on the track', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 1, max: 40 }),
        (trackWidth, artWidth) => {
          let last = 0;
          for (let i = 0; i <= 100; i++) {
            const { x } = progressPath(i / 100, { trackWidth, artWidth });
            expect(x).toBeGreaterThanOrEqual(last);
            expect(x).toBeLessThanOrEqual(Math.max(0, trackWidth - artWidth));
            last = x;
          }
        },
      ),
    );
  });
});
