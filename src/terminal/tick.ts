/**
 * The fixed tick: frames scheduled on absolute time, `start + k × interval`, so that the
 * animation never drifts however long it runs. A frame that is late is skipped (the next one
 * due is drawn instead), never queued behind. The first frame is drawn at once.
 */

/**
 * The time, in milliseconds, on a monotonic clock: the one reading of the time that the
 * terminal stage makes (the tick, the player's clock, the timeouts). From `process.hrtime`,
 * not `performance.now()`: the first use of `performance` loads Node's perf_hooks, some 2 ms
 * on the way to the first frame. Only differences between readings mean anything.
 *
 * @returns milliseconds since an arbitrary, fixed moment
 */
export function monotonicMs(): number {
  const [seconds, nanoseconds] = process.hrtime();
  return seconds * 1000 + nanoseconds / 1e6;
}

/** What a tick callback is told. */
export interface Tick {
  /** Index of this frame on the schedule: 0, 1, 2… (skipped frames leave gaps). */
  readonly index: number;
  /** When this frame was due, in ms on the {@link monotonicMs} clock (what a clock is told). */
  readonly scheduledAt: number;
}

/** Options of {@link startTicker}. */
export interface TickerOptions {
  /** Milliseconds from one frame's slot to the next (> 0): the animation's clock's `interval`. */
  readonly interval: number;
  /** Called once per frame drawn. Return `false` to stop the ticker. */
  readonly onTick: (tick: Tick) => boolean | undefined;
  /** Let the process exit while the ticker runs (the embedding API's choice). Default false. */
  readonly unref?: boolean;
}

/** A running ticker. */
export interface Ticker {
  /** Stop scheduling frames; idempotent. */
  stop(): void;
  /** True until stopped. */
  readonly running: boolean;
}

/**
 * Start a ticker that calls `onTick` now and then at `start + k × interval` milliseconds.
 *
 * @param options - interval, callback, unref
 * @returns the ticker, to stop it
 */
export function startTicker(options: TickerOptions): Ticker {
  const { interval } = options;
  const start = monotonicMs();
  let timer: NodeJS.Timeout | undefined;
  let running = true;
  let next = 0;

  const fire = (): void => {
    timer = undefined;
    if (!running) return;
    const now = monotonicMs();
    // Skip frames whose slot has wholly passed: draw the latest one that is due.
    const due = Math.max(next, Math.floor((now - start) / interval));
    const keepGoing = options.onTick({ index: due, scheduledAt: start + due * interval });
    // onTick may have stopped the ticker.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
    if (keepGoing === false || !running) {
      running = false;
      return;
    }
    next = due + 1;
    // setTimeout only promises "not before"; aim at the absolute slot, never at now + interval.
    const delay = Math.max(0, start + next * interval - monotonicMs());
    timer = setTimeout(fire, delay);
    if (options.unref) timer.unref();
  };

  fire();
  return {
    stop(): void {
      running = false;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    },
    get running(): boolean {
      return running;
    },
  };
}
