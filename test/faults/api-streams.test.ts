/**
 * The embedding API on hostile streams: a `write` that throws, sizes that are no sizes, a
 * reader that never drains, text far longer than a line. Whatever the stream does, the
 * animation lets everything go (the terminal's claim, its listeners, the process's exit
 * hooks), tells the host once, and costs what the line shows.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { fish } from '../../src/index.js';
import { writeHost } from '../helpers/host.js';
import { fakeTerminal } from '../helpers/fake-terminal.js';
import { stoppedAfterEach } from '../helpers/animations.js';

const track = stoppedAfterEach('may throw');

/** The exit paths an animation hooks on the process, counted. */
const EXIT_EVENTS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'exit', 'uncaughtExceptionMonitor'] as const;
const exitListeners = (): number[] => EXIT_EVENTS.map((event) => process.listenerCount(event));

/** A TTY-shaped stream whose `write` throws from its `failAt`-th call on. */
class ThrowingTty extends EventEmitter {
  readonly isTTY = true;
  columns = 60;
  rows = 10;
  writes = 0;
  constructor(private readonly failAt: number) {
    super();
  }
  write(): boolean {
    this.writes++;
    if (this.writes >= this.failAt) throw new Error('the stream broke');
    return true;
  }
}

describe('a stream whose write throws', () => {
  it('in start(): the caller gets the error once, and the terminal, listeners and exit hooks are let go', () => {
    const before = exitListeners();
    const stream = new ThrowingTty(1);
    const animation = track(fish({ stream, isEnabled: true, text: 'x' }));
    expect(() => animation.start()).toThrow('the stream broke');
    expect(animation.isSpinning).toBe(false);
    expect(exitListeners()).toEqual(before);
    expect(stream.eventNames()).toEqual([]);
    // The terminal is not left claimed: another animation may start on it.
    const next = track(fish({ stream: fakeTerminal(40, 5).stream, isEnabled: true }));
    const again = track(fish({ stream: new ThrowingTty(Infinity), isEnabled: true }));
    expect(() => again.start()).not.toThrow();
    expect(() => next.start()).not.toThrow();
  });

  it('during a frame and again in cleanup: the host hears of it once, in its own handler, and the process is not killed', () => {
    const host = writeHost(
      'throwing-stream',
      `import { EventEmitter } from 'node:events';
class Tty extends EventEmitter {
  isTTY = true; columns = 60; rows = 10; writes = 0;
  write() { if (++this.writes >= 3) throw new Error('the stream broke'); return true; }
}
const hooks = () => ['exit', 'SIGINT', 'SIGTERM', 'SIGHUP', 'uncaughtExceptionMonitor'].map((event) => process.listenerCount(event)).join();
const before = hooks();
let heard = 0;
process.on('uncaughtException', (error) => { heard++; console.log('heard: ' + error.message); });
// Without hiding the cursor: the stream's third write is a frame's, not the cursor's.
fish({ stream: new Tty(), isEnabled: true, fps: 50, text: 'x', hideCursor: false }).start();
await sleep(300);
console.log('heard ' + heard + ' time(s); exit hooks as before: ' + (hooks() === before));`,
    );
    const result = spawnSync(process.execPath, [host], { encoding: 'utf8', timeout: 10_000 });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout, result.stderr).toBe(
      'heard: the stream broke\nheard 1 time(s); exit hooks as before: true\n',
    );
  });
});

describe('sizes that are no sizes', () => {
  it.each([Number.NaN, 0, -3, 'wide'])(
    "a stream %s columns wide is not a terminal: nothing is animated, only ora's `- text` line",
    (columns) => {
      const terminal = fakeTerminal(40, 5);
      const stream = { ...terminal.stream, columns: columns as number };
      const animation = track(fish({ stream, text: 'x' }));
      animation.start().stop();
      expect(terminal.bytes()).toBe('- x\n');
    },
  );

  it.each([
    [10.5, 10],
    [1e7, 1000],
    [Number.POSITIVE_INFINITY, 1000],
  ])('a width of %s is taken as %s', async (columns, taken) => {
    const terminal = fakeTerminal(40, 5);
    const stream = { ...terminal.stream, columns };
    let bytes = '';
    track(
      fish({
        stream,
        isEnabled: true,
        sync: 'step',
        suffixText: 'end',
        onFrame: (info) => (bytes = info.bytes),
      }),
    ).animate();
    // Without a text the tank is the whole line: the suffix sits at the line's end, and the
    // gap from the fish (5 cells) to it tells the width.
    const gap = taken - 'end'.length - 5;
    expect(bytes).toMatch(new RegExp(`>\\)\\)'>(?: {${gap}}|\u001b\\[${gap}C)end`));
  });
});

describe('a reader that never drains', () => {
  it('gets no frames while its buffer is full, and the latest one when it drains', async () => {
    const terminal = fakeTerminal(60, 5);
    let full = false;
    let writes = 0;
    const stream = {
      ...terminal.stream,
      write(chunk: string, ...rest: unknown[]): boolean {
        writes++;
        terminal.stream.write(chunk, ...rest);
        return !full;
      },
    };
    const frames: number[] = [];
    const animation = track(
      fish({
        stream,
        isEnabled: true,
        fps: 100,
        speed: 50,
        hideCursor: false,
        onFrame: (info) => frames.push(info.time),
      }),
    );
    full = true;
    animation.start();
    const deadline = Date.now() + 300;
    while (Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    // One frame went out and filled the buffer: none more in 300 ms at 100 fps.
    expect(writes).toBe(1);
    full = false;
    const drainListeners = terminal.listeners.get('drain') ?? new Set();
    expect(drainListeners.size).toBe(1);
    for (const listener of drainListeners) listener();
    // Drained: the frame due now is drawn at once, on the clock's time, not the one it stopped at.
    expect(writes).toBe(2);
    expect(frames.at(-1)).toBeGreaterThan(0.25);
  });
});

describe('text far longer than a line', () => {
  /** CPU microseconds per animate() with `text`. */
  const cost = (text: string): number => {
    const animation = track(
      fish({ stream: fakeTerminal(80, 3).stream, isEnabled: true, sync: 'step', text }),
    );
    for (let i = 0; i < 20; i++) animation.animate();
    const start = process.cpuUsage();
    for (let i = 0; i < 200; i++) animation.animate();
    const used = process.cpuUsage(start);
    animation.stop();
    return (used.user + used.system) / 200;
  };

  it.each([
    ['a megabyte of ASCII', 'x'.repeat(1 << 20)],
    ['a million wide characters', '魚'.repeat(1_000_000)],
  ])('%s costs a frame what a line of it costs', (_, long) => {
    const short = long.slice(0, 200);
    // Generous: CPU time is noisy on a busy machine, but the uncut text cost thousands of times more.
    expect(cost(long)).toBeLessThan(20 * Math.max(cost(short), 20));
  });

  it('keeps the whole text as the host set it', () => {
    const long = 'y'.repeat(5000);
    expect(track(fish({ stream: fakeTerminal().stream, isEnabled: true, text: long })).text).toBe(
      long,
    );
  });
});
