/** What `fish --pipe` says about the bytes (issue 13). */
import { describe, expect, it } from 'vitest';
import { createMeter } from '../../src/cli/meter.js';

const MiB = 1024 ** 2;

describe('createMeter', () => {
  it('with a total: progress in the total’s unit, the rate and the time left', () => {
    const meter = createMeter(200 * MiB, 0);
    meter.sample(0, 0);
    const reading = meter.sample(50 * MiB, 1);
    expect(reading.progress).toEqual({ amount: 50, total: 200 });
    expect(reading.text).toBe('MiB  50 MiB/s  0:03 left');
  });

  it('without a total: no progress, the bytes and the rate', () => {
    const meter = createMeter(undefined, 0);
    const reading = meter.sample(3 * MiB, 2);
    expect(reading.progress).toBeUndefined();
    expect(reading.text).toBe('3.0 MiB  1.5 MiB/s');
  });

  it('takes the rate over the last seconds, not since the start', () => {
    const meter = createMeter(undefined, 0);
    for (let t = 0; t <= 10; t++) meter.sample(t < 5 ? 0 : (t - 5) * 10 * MiB, t);
    expect(meter.sample(60 * MiB, 11).text).toBe('60 MiB  10 MiB/s');
  });

  it('more bytes than the total: the total is what came, never less than the amount', () => {
    const meter = createMeter(1 * MiB, 0);
    const reading = meter.sample(3 * MiB, 1);
    expect(reading.progress?.amount).toBeLessThanOrEqual(reading.progress?.total ?? 0);
  });

  it('sums up the bytes, the time and the rate', () => {
    expect(createMeter(undefined, 0).summary(2 * 1024 * MiB, 4)).toBe(
      '2.0 GiB in 4.0 s, 512 MiB/s',
    );
    expect(createMeter(undefined, 0).summary(0, 0.25)).toBe('0 B in 0.3 s');
  });
});
