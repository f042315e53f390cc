/**
 * What `fish --pipe` says about the bytes: how many, how fast, how far and how long still.
 * Pure: the caller gives the count and the time of each sample.
 */
import { countingPower, formatBytes, formatDuration, unitName } from './units.js';

/** Seconds of samples the rate is taken over: steady, yet quick to follow a change. */
const RATE_WINDOW_S = 3;
/** Samples kept at the most (a tick's worth each), whatever the frame rate. */
const MAX_SAMPLES = 64;

/** The progress to report to the animation, in whole units of the total's size. */
export interface MeterProgress {
  readonly amount: number;
  readonly total: number;
}

/** What the strip shows for one sample. */
export interface MeterReading {
  /** Where the fish is, when the total is known. */
  readonly progress: MeterProgress | undefined;
  /** The text beside it: `MiB  350 MiB/s  0:03 left`, or `1.2 GiB  350 MiB/s`. */
  readonly text: string;
}

/** Follows a count of bytes over time. */
export interface Meter {
  /**
   * Take a sample and say what to show.
   *
   * @param bytes - bytes so far
   * @param seconds - the time of the sample, in seconds from any fixed origin
   */
  sample(bytes: number, seconds: number): MeterReading;
  /**
   * The line that ends it: `2.0 GiB in 0:07, 290 MiB/s`.
   *
   * @param bytes - bytes in all
   * @param seconds - the time of the end
   */
  summary(bytes: number, seconds: number): string;
}

/**
 * A meter for bytes that started at `start` seconds.
 *
 * @param total - bytes in all, when known
 * @param start - the time the copy began, in seconds
 */
export function createMeter(total: number | undefined, start: number): Meter {
  const samples: { bytes: number; seconds: number }[] = [{ bytes: 0, seconds: start }];
  const power = countingPower(total ?? 0);
  const unit = 1024 ** power;
  const rate = (bytes: number, seconds: number): number => {
    while (samples.length > 1 && seconds - samples[0].seconds > RATE_WINDOW_S) samples.shift();
    const first = samples[0];
    const elapsed = seconds - first.seconds;
    return elapsed > 0 ? (bytes - first.bytes) / elapsed : 0;
  };
  return {
    sample(bytes, seconds) {
      const perSecond = rate(bytes, seconds);
      samples.push({ bytes, seconds });
      if (samples.length > MAX_SAMPLES) samples.shift();
      const speed = `${formatBytes(Math.round(perSecond))}/s`;
      if (total === undefined)
        return { progress: undefined, text: `${formatBytes(bytes)}  ${speed}` };
      // More than was said: the total was too small, and what came is all there is so far.
      const all = Math.max(total, bytes);
      const left = perSecond > 0 ? `  ${formatDuration((all - bytes) / perSecond)} left` : '';
      return {
        progress: { amount: Math.floor(bytes / unit), total: Math.max(1, Math.ceil(all / unit)) },
        text: `${unitName(power)}  ${speed}${left}`,
      };
    },
    summary(bytes, seconds) {
      const elapsed = seconds - start;
      const speed =
        elapsed > 0 && bytes > 0 ? `, ${formatBytes(Math.round(bytes / elapsed))}/s` : '';
      const time = elapsed < 60 ? `${elapsed.toFixed(1)} s` : formatDuration(elapsed);
      return `${formatBytes(bytes)} in ${time}${speed}`;
    },
  };
}
