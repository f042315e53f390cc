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

/** The built loader the child imports. */
const LOADER_URL = new URL('../../dist/art/index.js', import.meta.url).href;

/** How one parse in the sandbox ended. */
export type SandboxOutcome =
  /** Loaded: the art's size. */
  | { readonly kind: 'art'; readonly width: number; readonly height: number; readonly ms: number }
  /** Refused with the loader's one error. */
  | { readonly kind: 'art-error'; readonly message: string; readonly ms: number }
  /** Threw anything else (a RangeError, a TypeError...). */
  | { readonly kind: 'other'; readonly message: string; readonly ms: number }
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
}

/**
 * The child's code: read the file's bytes from stdin, parse them, time the parse alone (not
 * the start-up or the import), and report the outcome as one JSON line.
 */
const CHILD_CODE = `
const { parseArtBytes, ArtError } = await import(process.env.FISH_LOADER_URL);
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const bytes = new Uint8Array(Buffer.concat(chunks));
const start = performance.now();
let outcome;
try {
  const art = parseArtBytes(bytes, { file: process.env.FISH_ART_FILE });
  outcome = { kind: 'art', width: art.width, height: art.height };
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  outcome = error instanceof ArtError ? { kind: 'art-error', message } : { kind: 'other', message: String(error?.stack ?? message) };
}
process.stdout.write(JSON.stringify({ ...outcome, ms: performance.now() - start }) + '\\n');
`;

/**
 * `parseArtBytes(bytes, { file })` in a fresh Node process, with a deadline and a heap
 * ceiling.
 *
 * @param bytes - the file's contents
 * @param file - the file name for messages
 * @param options - deadline and heap ceiling
 * @returns how it ended; `ms` is the parse's own time, or the time until the deadline or crash
 */
export function parseInSandbox(bytes: Uint8Array, file: string, options: SandboxOptions = {}): Promise<SandboxOutcome> {
  const deadlineMs = options.deadlineMs ?? 5000;
  const started = performance.now();
  const child = spawn(process.execPath, [`--max-old-space-size=${options.memoryMb ?? 256}`, '--input-type=module', '--eval', CHILD_CODE], {
    env: { ...process.env, FISH_LOADER_URL: LOADER_URL, FISH_ART_FILE: file },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
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
      else resolve({ kind: 'crash', message: `exited with ${signal ?? code}: ${crashReason(stderr)}`, ms });
    });
  });
}

/** The line of a dead process's stderr that says why: V8's fatal error, else its last line. */
function crashReason(stderr: string): string {
  const lines = stderr.trim().split('\n');
  return lines.find((line) => line.includes('FATAL ERROR')) ?? lines.at(-1) ?? '';
}
