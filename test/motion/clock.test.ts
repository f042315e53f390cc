import { describe, expect, it } from 'vitest';
import { createClock, frameIndex, snapToWhole, SNAP_EPSILON } from '../../src/motion/index.js';
import { stepTimes } from './helpers.js';

describe('createClock', () => {
  it('reads the wall in time sync: seconds since the start', () => {
    const clock = createClock({ fps: 60, sync: 'time', start: 1000 });
    expect(clock.time).toBe(0);
    expect(clock.frame(3500)).toBe(2.5);
    expect(clock.time).toBe(2.5);
  });

  it('counts whole frame intervals in step sync, whatever the wall says', () => {
    const clock = createClock({ fps: 60, sync: 'step', start: 1000 });
    expect([clock.frame(99_999), clock.frame(0), clock.frame(5)]).toEqual([0, 1 / 60, 2 / 60]);
    expect(stepTimes(12.5, 6)).toEqual([0, 0.08, 0.16, 0.24, 0.32, 0.4]);
  });

  it('reads the wall in progress sync (for bobbing and frames)', () => {
    expect(createClock({ fps: 60, sync: 'progress', start: 1000 }).frame(3500)).toBe(2.5);
  });

  it('never runs backwards from the start', () => {
    expect(createClock({ fps: 60, sync: 'time', start: 1000 }).frame(0)).toBe(0);
  });

  it('follows the wall through a skipped frame in time sync, and stands still in step sync', () => {
    const wall = createClock({ fps: 10, sync: 'time', start: 0 });
    wall.frame(0);
    wall.skip(300);
    expect(wall.time).toBe(0.3);
    const step = createClock({ fps: 10, sync: 'step', start: 0 });
    step.frame(0);
    step.skip(300);
    expect(step.time).toBe(0);
    expect(step.frame(300)).toBe(0.1);
  });

  it("tells the next frame's time: the next step, or one interval on", () => {
    const step = createClock({ fps: 12.5, sync: 'step', start: 0 });
    expect(step.upcoming).toBe(0);
    for (let k = 0; k < 13; k++) step.frame(0);
    expect(step.upcoming).toBe(13 / 12.5);
    const wall = createClock({ fps: 4, sync: 'time', start: 0 });
    wall.frame(1000);
    expect(wall.upcoming).toBe(1.25);
  });

  it('gives the tick its interval in milliseconds', () => {
    expect(createClock({ fps: 12.5, sync: 'time', start: 0 }).interval).toBe(80);
  });
});

describe('frameIndex', () => {
  it('advances every frameDuration seconds and loops', () => {
    expect([0, 0.24, 0.25, 0.5, 0.75, 1, 1.3].map((t) => frameIndex(t, 0.25, 4))).toEqual([
      0, 0, 1, 2, 3, 0, 1,
    ]);
  });

  it('is exact on frame boundaries in step mode', () => {
    const times = stepTimes(30, 10_001);
    for (let step = 0; step <= 10_000; step++) {
      expect(frameIndex(times[step], 0.1, 7)).toBe(Math.floor(step / 3) % 7);
    }
  });

  it('is 0 for a single frame or a bad duration', () => {
    expect(frameIndex(5, 0.2, 1)).toBe(0);
    expect(frameIndex(5, 0, 3)).toBe(0);
    expect(frameIndex(5, -1, 3)).toBe(0);
    expect(frameIndex(Number.NaN, 0.2, 3)).toBe(0);
  });

  it('loops backwards for negative time', () => {
    expect(frameIndex(-0.1, 0.25, 4)).toBe(3);
  });
});

describe('snapToWhole', () => {
  it('removes floating-point dust around whole numbers only', () => {
    expect((1 / 49) * 49).toBeLessThan(1);
    expect(snapToWhole((1 / 49) * 49)).toBe(1);
    expect(snapToWhole(3 + SNAP_EPSILON / 2)).toBe(3);
    expect(snapToWhole(2.5)).toBe(2.5);
    expect(snapToWhole(0.999)).toBe(0.999);
  });
});
