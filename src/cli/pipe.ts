/**
 * `fish --pipe`: stdin to stdout byte for byte, with the fish following the bytes. A worker
 * thread copies (see `pipe-worker.ts`); this thread only reads its count on the strip's tick,
 * so the copy costs what `cat` costs, and memory stays the same whatever the size.
 */
import { fstatSync } from 'node:fs';
import { monotonicMs } from '../terminal/tick.js';
import type { CliOptions } from './args.js';
import { createMeter, type MeterReading } from './meter.js';
import type { PipeWorkerData, PipeWorkerResult } from './pipe-worker.js';
import { besideText, onTheTick, startStrip, type Strip } from './strip.js';

/** fish's status when the reader of stdout went away, as `cat` killed by SIGPIPE: 128 + 13. */
const CLOSED_PIPE_STATUS = 141;

/**
 * Copy stdin to stdout with the fish beside the count.
 *
 * @param options - the command line, with `pipe`
 * @returns fish's exit status: 0, 141 when stdout's reader went away, 1 when a read or a
 *   write failed
 */
export async function runPipe(options: CliOptions): Promise<number> {
  const total = options.total ?? sizeOfStdin();
  const counter = new SharedArrayBuffer(8);
  const copied = new BigInt64Array(counter);
  const workerData: PipeWorkerData = { counter };
  // The run's length, for the status line, from before the worker starts (that takes time too).
  const start = monotonicMs();
  // node:worker_threads taken here, not imported: only --pipe needs it, and every start would
  // pay for loading it.
  const { Worker } = process.getBuiltinModule('node:worker_threads');
  // From `dist/cli/pipe.js` and from the bundle in `dist/bundle/`, both: the compiled worker.
  const worker = new Worker(new URL('../cli/pipe-worker.js', import.meta.url), { workerData });
  // The frames' clock starts with the strip, as the copy does.
  const meter = createMeter(total, 0);
  const strip = startStrip(
    options,
    options.text ?? '',
    total === undefined ? 'time' : 'progress',
    onTheTick((seconds) => {
      showReading(strip, options.text, meter.sample(Number(Atomics.load(copied, 0)), seconds));
    }),
  );
  const result = await new Promise<PipeWorkerResult>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  const seconds = (monotonicMs() - start) / 1000;
  return finish(strip, options.text, result, meter.summary(result.bytes, seconds));
}

/** The size of stdin when it is a regular file (`fish --pipe < big.iso`), from where it is read. */
function sizeOfStdin(): number | undefined {
  try {
    const stat = fstatSync(0);
    return stat.isFile() ? stat.size : undefined;
  } catch {
    return undefined;
  }
}

/** Put a reading on the strip: the place (and label) when the total is known, and the text. */
function showReading(strip: Strip, text: string | undefined, reading: MeterReading): void {
  const { animation } = strip;
  if (reading.progress !== undefined)
    animation.progress(reading.progress.amount, reading.progress.total);
  animation.text = besideText(text, reading.text);
}

/** The status line, and fish's status. */
function finish(
  strip: Strip,
  text: string | undefined,
  result: PipeWorkerResult,
  summary: string,
): number {
  const { animation } = strip;
  if (result.kind === 'done') {
    animation.succeed(besideText(text, summary));
    return 0;
  }
  animation.stop();
  // Nobody reads any more (`fish --pipe | head`): end quietly, as `cat` does.
  if (result.side === 'write' && result.code === 'EPIPE') return CLOSED_PIPE_STATUS;
  const what = result.side === 'read' ? 'read stdin' : 'write stdout';
  process.stderr.write(`fish: --pipe: cannot ${what} (${result.code}) after ${summary}\n`);
  return 1;
}
