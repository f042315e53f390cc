/**
 * The copying thread of `fish --pipe`: stdin to stdout with blocking reads and writes of a
 * large buffer, as `cat` does, counting the bytes into shared memory and doing nothing else
 * per chunk. The main thread draws the strip on its tick from that count, so the copy never
 * waits for a frame and a frame never waits for the copy. Memory is the one buffer, whatever
 * goes through; a slow reader of stdout slows the reads (backpressure by blocking).
 */
import { readSync, writeSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';

/** What the main thread gives the worker. */
export interface PipeWorkerData {
  /** Eight bytes shared with the main thread: the bytes copied so far (a BigInt64Array). */
  readonly counter: SharedArrayBuffer;
}

/** How much was copied. */
interface Copied {
  readonly bytes: number;
}

/** What the worker tells the main thread once, at the end. */
export type PipeWorkerResult =
  | (Copied & { readonly kind: 'done' })
  | (Copied & { readonly kind: 'failed'; readonly side: 'read' | 'write'; readonly code: string });

/** Bytes read at a time: a pipe gives at most its capacity (64 KiB), a file all of it. */
const CHUNK_BYTES = 1 << 20;
/**
 * Bytes written at a time, at the most: a pipe's capacity. The count moves after each
 * write, so that a slow reader (`fish --pipe < big.iso | slow`) sees it move, not jump once
 * per megabyte read; a blocking write of more would only wait for the reader in the kernel.
 */
const WRITE_BYTES = 1 << 16;
/** The longest wait before trying again a descriptor that would block, in milliseconds. */
const MAX_BACKOFF_MS = 8;
const STDIN = 0;
const STDOUT = 1;

/**
 * A descriptor left non-blocking (by whoever shares it) refuses with EAGAIN instead of
 * waiting: wait a little, longer each time, and try again.
 */
const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** Call `io` until it does not refuse with EAGAIN. */
function patiently(io: () => number): number {
  for (let backoff = 0.125; ; backoff = Math.min(MAX_BACKOFF_MS, backoff * 2)) {
    try {
      return io();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      Atomics.wait(sleeper, 0, 0, backoff);
    }
  }
}

/** Copy until the end of stdin; the count goes to `counter` after every write. */
function copy(counter: BigInt64Array): PipeWorkerResult {
  const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  let bytes = 0;
  const copied = (): Copied => ({ bytes });
  for (;;) {
    let read: number;
    try {
      read = patiently(() => readSync(STDIN, buffer, 0, CHUNK_BYTES, null));
    } catch (error) {
      return { ...copied(), kind: 'failed', side: 'read', code: errorCode(error) };
    }
    if (read === 0) return { ...copied(), kind: 'done' };
    try {
      for (let written = 0; written < read;) {
        const from = written;
        const length = Math.min(WRITE_BYTES, read - from);
        const wrote = patiently(() => writeSync(STDOUT, buffer, from, length));
        written += wrote;
        bytes += wrote;
        Atomics.store(counter, 0, BigInt(bytes));
      }
    } catch (error) {
      return { ...copied(), kind: 'failed', side: 'write', code: errorCode(error) };
    }
  }
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException | null)?.code ?? String(error);
}

const data = workerData as PipeWorkerData;
parentPort?.postMessage(copy(new BigInt64Array(data.counter)));
