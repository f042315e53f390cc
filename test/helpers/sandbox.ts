/**
 * Running the art loader where a hang or a runaway allocation cannot take the test runner
 * down with it: a child process with a heap ceiling, killed at a deadline.
 *
 * A synchronous parse cannot be interrupted from the thread it runs on, so a test that calls
 * the loader in-process on a pathological input would sit through the whole hang (or die of
 * it) instead of failing. A worker thread is not enough either: it cannot be stopped while it
 * runs native code (Intl.Segmenter, say), and keeps burning a core after the test has moved
 * on. A process can always be killed. It loads the built loader (`dist/`, made by `npm run
 * build`, which `npm test` runs first), since it does not go through vitest's TypeScript
 * transform.
 */
import { spawn } from 'node:child_process';
import { recordHostile } from './hostile-report.js';

/** The built loader the child imports. */
const LOADER_URL = new URL('../../dist/art/index.js', import.meta.url).href;

/** What a finished parse measured. */
interface Measured {
  /** The parse's own time. */
  readonly ms: number;
  /**
   * The CPU time of the parse (every thread of the process: the garbage collector's too), in
   * ms: what the parse cost, however busy the machine.
   */
  readonly cpuMs: number;
  /** The process's peak resident memory in MB: Node's own, the input's and the parse's. */
  readonly peakMb: number;
  /** The process's resident memory in MB just before the parse, its input read. */
  readonly baseMb: number;
}

/** How one parse in the sandbox ended. */
export type SandboxOutcome =
  /** Loaded: the art's size. */
  | ({ readonly kind: 'art'; readonly width: number; readonly height: number } & Measured)
  /** Refused with the loader's one error. */
  | ({ readonly kind: 'art-error'; readonly message: string } & Measured)
  /** Threw anything else (a RangeError, a TypeError...). */
  | ({ readonly kind: 'other'; readonly message: string } & Measured)
  /** Still running at the deadline: killed. */
  | { readonly kind: 'timeout'; readonly ms: number }
  /** The process died without reporting, typically of the heap ceiling. */
  | { readonly kind: 'crash'; readonly message: string; readonly ms: number };

/** Options of {@link parseInSandbox}. */
export interface SandboxOptions {
  /** Kill the process after this many ms (default 5000). */
  readonly deadlineMs?: number;
  /** The process's heap ceiling in MB (default 256): far above what a 1 MiB art file needs. */
  readonly memoryMb?: number;
  /**
   * What the child calls: `parseArtBytes(bytes)` (default), or `parseArt(text)` on the bytes
   * decoded as UTF-8, for text given to the library.
   */
  readonly input?: 'bytes' | 'text';
  /**
   * The input is `bytes` this many times over (default 1), put together in the child: tens of
   * megabytes are made there faster than they go through a pipe.
   */
  readonly repeat?: number;
}

/**
 * The child's code: read the file's bytes from stdin, parse them, time the parse alone (not
 * the start-up or the import), and report the outcome and the peak memory as one JSON line.
 */
const CHILD_CODE = `
const { parseArt, parseArtBytes, ArtError } = await import(process.env.FISH_LOADER_URL);
const { readFileSync } = await import('node:fs');
// The peak resident memory of this program. Not getrusage's maxRSS: on Linux it is kept across
// exec, so it starts at the size of the parent the child was forked from. VmHWM is reset.
const peakMemoryMb = () => {
  try {
    const kb = /^VmHWM:\\s*(\\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (kb !== null) return Number(kb[1]) / 1024;
  } catch {}
  return process.resourceUsage().maxRSS / 1024;
};
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
let bytes = new Uint8Array(Buffer.concat(chunks));
chunks.length = 0;
const repeat = Number(process.env.FISH_ART_REPEAT);
if (repeat > 1) {
  const copies = new Uint8Array(bytes.length * repeat);
  copies.set(bytes);
  for (let filled = bytes.length; filled < copies.length; filled *= 2) copies.copyWithin(filled, 0, Math.min(filled, copies.length - filled));
  bytes = copies;
}
const text = process.env.FISH_ART_INPUT === 'text' ? new TextDecoder().decode(bytes) : undefined;
const baseMb = process.memoryUsage.rss() / 2 ** 20;
const cpuStart = process.cpuUsage();
const start = performance.now();
let outcome;
try {
  const options = { file: process.env.FISH_ART_FILE };
  const art = text === undefined ? parseArtBytes(bytes, options) : parseArt(text, options);
  outcome = { kind: 'art', width: art.width, height: art.height };
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  outcome = error instanceof ArtError ? { kind: 'art-error', message } : { kind: 'other', message: String(error?.stack ?? message) };
}
const ms = performance.now() - start;
const cpu = process.cpuUsage(cpuStart);
const cpuMs = (cpu.user + cpu.system) / 1000;
const peakMb = peakMemoryMb();
process.stdout.write(JSON.stringify({ ...outcome, ms, cpuMs, peakMb, baseMb }) + '\\n');
`;

/**
 * `parseArtBytes(bytes, { file })` in a fresh Node process, with a deadline and a heap
 * ceiling.
 *
 * @param bytes - the file's contents
 * @param file - the file name for messages
 * @param options - deadline, heap ceiling and entry point
 * @returns how it ended; `ms` is the parse's own time, or the time until the deadline or crash
 */
export async function parseInSandbox(
  bytes: Uint8Array,
  file: string,
  options: SandboxOptions = {},
): Promise<SandboxOutcome> {
  const outcome = await runInSandbox(bytes, file, options);
  recordHostile({
    kind: outcome.kind,
    bytes: bytes.length * (options.repeat ?? 1),
    ...measures(outcome),
  });
  return outcome;
}

/** The measures of an outcome, for the report: time always, memory when it finished. */
function measures(outcome: SandboxOutcome): {
  ms: number;
  cpuMs?: number;
  peakMb?: number;
  baseMb?: number;
} {
  if (!('cpuMs' in outcome)) return { ms: outcome.ms };
  const { ms, cpuMs, peakMb, baseMb } = outcome;
  return { ms, cpuMs, peakMb, baseMb };
}

function runInSandbox(
  bytes: Uint8Array,
  file: string,
  options: SandboxOptions,
): Promise<SandboxOutcome> {
  const deadlineMs = options.deadlineMs ?? 5000;
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [
      `--max-old-space-size=${options.memoryMb ?? 256}`,
      '--input-type=module',
      '--eval',
      CHILD_CODE,
    ],
    {
      env: {
        ...process.env,
        FISH_LOADER_URL: LOADER_URL,
        FISH_ART_FILE: file,
        FISH_ART_INPUT: options.input ?? 'bytes',
        FISH_ART_REPEAT: String(options.repeat ?? 1),
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  // A child that dies early closes stdin under us: its exit says what happened, not this.
  child.stdin.on('error', () => {});
  child.stdin.end(bytes);
  return new Promise<SandboxOutcome>((resolve) => {
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, deadlineMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const ms = performance.now() - started;
      if (timedOut) resolve({ kind: 'timeout', ms });
      else if (stdout.trim() !== '') resolve(JSON.parse(stdout) as SandboxOutcome);
      else
        resolve({
          kind: 'crash',
          message: `exited with ${signal ?? code}: ${crashReason(stderr)}`,
          ms,
        });
    });
  });
}

/** The line of a dead process's stderr that says why: V8's fatal error, else its last line. */
function crashReason(stderr: string): string {
  const lines = stderr.trim().split('\n');
  return lines.find((line) => line.includes('FATAL ERROR')) ?? lines.at(-1) ?? '';
}
