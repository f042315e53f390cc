/**
 * The fixed tick, on a fake clock: frames land on start + k × interval however long each
 * takes, a late frame is skipped rather than queued, and the first frame is drawn at once.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { monotonicMs, startTicker, type Tick } from '../../src/terminal/tick.js';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'hrtime'] });
});
afterEach(() => {
  vi.useRealTimers();
});

/** A ticker of `interval` ms calling `onTick`, run for `ms` of the fake clock, then stopped. */
function tickFor(ms: number, interval: number, onTick: (tick: Tick) => boolean | undefined): void {
  const ticker = startTicker({ interval, onTick });
  vi.advanceTimersByTime(ms);
  ticker.stop();
}

describe('startTicker', () => {
  it('draws the first frame at once, synchronously', () => {
    const ticks: Tick[] = [];
    const ticker = startTicker({ interval: 50, onTick: (tick) => void ticks.push(tick) });
    expect(ticks).toHaveLength(1);
    expect(ticks[0]).toEqual({ index: 0, scheduledAt: monotonicMs() });
    ticker.stop();
  });

  it('keeps to the absolute schedule when every frame takes time (no drift)', () => {
    const start = monotonicMs();
    const lateness: number[] = [];
    tickFor(5000, 50, (tick) => {
      lateness.push(monotonicMs() - (start + tick.index * 50));
      // Each frame costs 7 ms of work (no timer is pending while it runs, so this only moves
      // the clock): a relative timer (now + interval) would drift 7 ms a frame.
      vi.advanceTimersByTime(7);
      return true;
    });
    expect(lateness.length).toBeGreaterThanOrEqual(99);
    expect(Math.max(...lateness.slice(-10))).toBeLessThan(10);
    expect(Math.max(...lateness.slice(0, 10))).toBeLessThan(10);
  });

  it('skips frames whose slot has passed instead of queueing them', () => {
    const indices: number[] = [];
    tickFor(1000, 100, (tick) => {
      indices.push(tick.index);
      // Frame 2 stalls for 350 ms: slots 3, 4 and 5 pass while it runs.
      if (tick.index === 2) vi.advanceTimersByTime(350);
      return true;
    });
    expect(indices.slice(0, 4)).toEqual([0, 1, 2, 5]);
    expect(new Set(indices).size).toBe(indices.length);
  });

  it('stops when the callback returns false, and stop() is idempotent', () => {
    let count = 0;
    const ticker = startTicker({ interval: 20, onTick: () => ++count < 3 });
    vi.advanceTimersByTime(1000);
    expect(count).toBe(3);
    expect(ticker.running).toBe(false);
    ticker.stop();
    ticker.stop();
  });

  it('tells each frame its slot on the schedule: start + index × interval', () => {
    const start = monotonicMs();
    const slots: number[] = [];
    tickFor(400, 80, (tick) => void slots.push(tick.scheduledAt - start));
    expect(slots).toEqual([0, 80, 160, 240, 320, 400]);
  });

  it('reads the time from a monotonic clock, in milliseconds', () => {
    vi.useRealTimers();
    const first = monotonicMs();
    const second = monotonicMs();
    expect(second).toBeGreaterThanOrEqual(first);
    const wait = Date.now() + 20;
    while (Date.now() < wait) {
      // Spin: 20 ms of wall time.
    }
    expect(monotonicMs() - second).toBeGreaterThanOrEqual(19);
    expect(monotonicMs() - second).toBeLessThan(5000);
  });
});
