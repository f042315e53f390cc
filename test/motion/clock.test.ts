import { describe, expect, it } from 'vitest';
import { clockTime, frameIndex, snapToWhole, SNAP_EPSILON } from '../../src/motion/index.js';

describe('clockTime', () => {
  const reading = { startMs: 1000, nowMs: 3500, step: 30, fps: 60 };

  it('reads the wall clock in time mode', () => {
    expect(clockTime('time', reading)).toBe(2.5);
  });

  it('counts whole frame intervals in step mode, whatever the wall clock says', () => {
    expect(clockTime('step', reading)).toBe(0.5);
    expect(clockTime('step', { ...reading, nowMs: 99_999 })).toBe(0.5);
  });

  it('reads the wall clock in progress mode (for bobbing and frames)', () => {
    expect(clockTime('progress', reading)).toBe(2.5);
  });

  it('never runs backwards from the start', () => {
    expect(clockTime('time', { ...reading, nowMs: 0 })).toBe(0);
  });

  it('stands still in step mode without a frame rate', () => {
    expect(clockTime('step', { ...reading, fps: 0 })).toBe(0);
  });
});

describe('frameIndex', () => {
  it('advances every frameDuration seconds and loops', () => {
    expect([0, 0.24, 0.25, 0.5, 0.75, 1, 1.3].map((t) => frameIndex(t, 0.25, 4))).toEqual([
      0, 0, 1, 2, 3, 0, 1,
    ]);
  });

  it('is exact on frame boundaries in step mode', () => {
    for (let step = 0; step <= 10_000; step++) {
      const t = clockTime('step', { startMs: 0, nowMs: 0, step, fps: 30 });
      expect(frameIndex(t, 0.1, 7)).toBe(Math.floor(step / 3) % 7);
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
