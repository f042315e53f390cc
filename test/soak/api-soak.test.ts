/**
 * Soak: 100,000 frames through the embedding API (`animate()` with `sync: 'step'`) on a fake
 * terminal, with text changes, resizes (some lower than the animation) and clears along the
 * way, then a ticking spinner. The heap after garbage collection does not grow between frame
 * 10,000 and frame 100,000, nothing is left listening or scheduled after `stop()`, and the
 * process exits by itself.
 *
 * It runs in a child process with `--expose-gc`, so that it can collect garbage and measure
 * a heap of its own.
 */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { writeHost } from '../helpers/host.js';

const FRAMES = 100_000;
/** The heap is measured here first: by then every cache and pool has reached its size. */
const WARM = 10_000;
/** Heap growth between frame 10,000 and frame 100,000 that counts as a leak. */
const MAX_GROWTH = 2 * 1024 * 1024;
/** How soon after `stop()` the process must have exited by itself. */
const EXIT_WITHIN_MS = 3000;

/** What the soak reports, as one JSON line on stdout, before it lets the process end. */
interface SoakReport {
  readonly frames: number;
  readonly heapAtWarm: number;
  readonly heapAtEnd: number;
  readonly ms: number;
  readonly streamListeners: string[];
  readonly processListeners: {
    readonly before: Record<string, number>;
    readonly after: Record<string, number>;
  };
  readonly keepingAlive: string[];
}

const SOAK = writeHost(
  'soak',
  `import { EventEmitter } from 'node:events';

/** A terminal that only counts: a TTY-shaped stream for the API to draw on. */
class FakeTty extends EventEmitter {
  isTTY = true;
  columns = 80;
  rows = 24;
  bytes = 0;
  write(chunk, callback) {
    this.bytes += chunk.length;
    callback?.();
    return true;
  }
}
const stream = new FakeTty();
const heap = () => {
  for (let i = 0; i < 3; i++) globalThis.gc();
  return process.memoryUsage().heapUsed;
};
const watched = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT', 'SIGUSR2', 'SIGTSTP', 'SIGCONT', 'exit', 'uncaughtExceptionMonitor'];
const processListeners = () => Object.fromEntries(watched.map((event) => [event, process.listenerCount(event)]));
const before = processListeners();

let frames = 0;
const onFrame = () => frames++;
const animation = fish({ stream, sync: 'step', text: 'soaking', bob: 1, isEnabled: true, color: true, onFrame });
// Resizes alternate between a terminal lower than the animation and 80x24, which is the size
// at both measurements.
const sizes = [[40, 2], [80, 24]];
let heapAtWarm = 0;
const started = performance.now();
for (let i = 1; i <= ${FRAMES}; i++) {
  animation.animate();
  if (i % 1000 === 0) animation.text = 'soaking ' + i;
  if (i % 5000 === 2500) {
    [stream.columns, stream.rows] = sizes[((i - 2500) / 5000) % 2];
    stream.emit('resize');
  }
  if (i % 7000 === 0) animation.clear();
  if (i === ${WARM}) heapAtWarm = heap();
}
const heapAtEnd = heap();
const ms = performance.now() - started;
animation.stop();

// The tick too: a spinner started and stopped leaves no timer behind.
const ticking = fish({ stream, text: 'ticking', fps: 50, isEnabled: true, onFrame }).start();
await sleep(200);
ticking.stop();
// A stopped animation keeps listening for an error from its last write until that write is done.
await new Promise((resolve) => setImmediate(resolve));

const keepingAlive = process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout' || kind === 'Immediate');
console.log(JSON.stringify({
  frames, heapAtWarm, heapAtEnd, ms,
  streamListeners: stream.eventNames().map(String),
  processListeners: { before, after: processListeners() },
  keepingAlive,
}));`,
);

/** Runs the soak; resolves with its report, its exit status and how long it took to exit after reporting. */
function soak(): Promise<{
  report: SoakReport;
  status: number | null;
  exitMs: number;
  stderr: string;
}> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', SOAK], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let reportedAt = 0;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (reportedAt === 0 && stdout.includes('\n')) reportedAt = performance.now();
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    // A child that never exits (a leaked timer or listener) fails the test instead of hanging it.
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      try {
        resolve({
          report: JSON.parse(stdout) as SoakReport,
          status,
          exitMs: performance.now() - reportedAt,
          stderr,
        });
      } catch {
        reject(new Error(`no report from the soak (status ${status}):\n${stdout}\n${stderr}`));
      }
    });
  });
}

describe('soak: 100,000 frames through the API', () => {
  it('keeps the heap flat, leaves no listener or timer behind, and lets the process exit by itself', async () => {
    const { report, status, exitMs, stderr } = await soak();
    const growth = report.heapAtEnd - report.heapAtWarm;
    const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
    // The figures, for the record.
    console.log(
      `soak: ${report.frames} frames in ${Math.round(report.ms)} ms (${((report.ms * 1000) / FRAMES).toFixed(1)} µs each); ` +
        `heap after GC ${mb(report.heapAtWarm)} at frame ${WARM}, ${mb(report.heapAtEnd)} at frame ${FRAMES} ` +
        `(growth ${(growth / 1024).toFixed(1)} KB); exited ${Math.round(exitMs)} ms after stop()`,
    );
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(report.frames).toBeGreaterThanOrEqual(FRAMES);
    expect(growth).toBeLessThan(MAX_GROWTH);
    expect(report.streamListeners).toEqual([]);
    expect(report.processListeners.after).toEqual(report.processListeners.before);
    expect(report.keepingAlive).toEqual([]);
    expect(exitMs).toBeLessThan(EXIT_WITHIN_MS);
  }, 90_000);
});
