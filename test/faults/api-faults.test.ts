/**
 * The embedding API under faults, in a real pseudo-terminal: host programs that throw (an
 * uncaught exception, an unhandled rejection), exit or are killed while a fish spinner runs.
 * After each, the terminal is as the host left it: the cursor visible, no trace of the
 * animation anywhere (scrollback included), every line the host wrote before the fault there
 * in order, the error message printed, and the status Node gives the fault.
 *
 * The random moments come from one seed, printed in every failure message; set
 * FISH_TEST_SEED to replay a run.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { strayControls } from '../helpers/controls.js';
import { writeHost } from '../helpers/host.js';
import { mapWithLimit, testSeed } from '../helpers/parallel.js';
import { closing, runInPty } from '../helpers/pty.js';
import { logicalLines } from '../helpers/screen.js';

const PROMPT_LINE = '$ host';
const SEED = testSeed();
const replay = (what: string): string => `${what} (FISH_TEST_SEED=${SEED})`;
const BASS = />\)\)'>|<'\(\(</;
/** The spinner's text: seeing it anywhere means the animation was left on the terminal. */
const SPINNER_TEXT = 'spinner-text';
const PARALLEL = 4;

/** One fault in a host program. */
interface Fault {
  /** What the test calls it. */
  readonly name: string;
  /** The program's last statements, run while the spinner spins: they cause the fault. */
  readonly code: (delay: number) => string;
  /** The exit status Node gives it. */
  readonly status: number;
  /** What the host's output must hold after its own lines: the error message, or nothing. */
  readonly message: RegExp | undefined;
  /** A partial line the host wrote just before the fault: it must come out too. */
  readonly held?: string;
  /** The lines the fault's code prints before the fault, after the host's own. */
  readonly printed?: (delay: number) => string[];
  /** Sent to the host after `delay` ms, instead of a fault in its code. */
  readonly signal?: NodeJS.Signals;
}

const FAULTS: readonly Fault[] = [
  {
    name: 'an uncaught exception in a timer',
    code: (delay) => `setTimeout(() => { throw new Error('boom in the host'); }, ${delay});`,
    status: 1,
    message: /^Error: boom in the host$/,
  },
  {
    name: 'an uncaught exception with a partial line held back',
    code: (delay) =>
      `process.stdout.write('half a line'); setTimeout(() => { throw new Error('boom after a partial line'); }, ${delay});`,
    status: 1,
    message: /Error: boom after a partial line$/,
    held: 'half a line',
  },
  {
    name: 'an unhandled rejection',
    code: (delay) =>
      `setTimeout(() => { Promise.reject(new Error('rejected in the host')); }, ${delay});`,
    status: 1,
    message: /^Error: rejected in the host$/,
  },
  {
    name: 'an exception thrown synchronously, at once',
    code: () => `throw new Error('thrown at once');`,
    status: 1,
    message: /^Error: thrown at once$/,
  },
  {
    name: 'an exception in a loop that drives animate()',
    code: (delay) =>
      `animation.stop(); const driven = fish({ text: '${SPINNER_TEXT}', sync: 'step', bob: 1 });
for (let i = 0; i < ${delay}; i++) { driven.animate(); if (i % 50 === 0) console.log('frame ' + i); }
throw new Error('boom in the loop');`,
    status: 1,
    message: /^Error: boom in the loop$/,
    printed: (delay) => Array.from({ length: Math.ceil(delay / 50) }, (_, k) => `frame ${k * 50}`),
  },
  {
    name: 'process.exit(3)',
    code: (delay) => `setTimeout(() => process.exit(3), ${delay});`,
    status: 3,
    message: undefined,
  },
  {
    name: 'SIGTERM',
    code: () => '',
    status: 143,
    message: undefined,
    signal: 'SIGTERM',
  },
];

/**
 * The host: two lines, the spinner (two rows of bob, so that the region is several rows), a
 * line while it spins, then the fault; an interval keeps it alive until the fault ends it.
 */
function hostProgram(fault: Fault, delay: number): string {
  return `console.log('host line 1');
const animation = fish({ text: '${SPINNER_TEXT}', bob: 1 }).start();
console.log('host line 2');
await sleep(${delay % 100});
console.log('host line 3');
setInterval(() => {}, 1000);
${fault.code(delay)}`;
}

describe('a host program that fails while a spinner runs, in a real terminal', () => {
  // Each fault at two random moments (0-300 ms after the spinner started).
  const cases = FAULTS.flatMap((fault, i) =>
    fc
      .sample(fc.integer({ min: 0, max: 300 }), { seed: SEED + i, numRuns: 2 })
      .map((delay) => ({ fault, delay })),
  );

  it(`leaves the cursor visible, no trace of the animation, the host's lines and the error (${cases.length} runs)`, async () => {
    await mapWithLimit(cases, PARALLEL, async ({ fault, delay }, i) => {
      const what = `${fault.name} at ${delay} ms`;
      const script = writeHost(`fault-${i}`, hostProgram(fault, delay));
      await closing(
        runInPty([script], { cols: 70, rows: 12, before: `${PROMPT_LINE}\r\n` }),
        async (run) => {
          if (fault.signal !== undefined) {
            await run.waitFor((lines) => lines.includes('host line 3'), 10_000);
            run.kill(fault.signal);
          }
          expect(await run.exited, replay(`${what}: exit status`)).toBe(fault.status);
          await run.flush();
          const lines = logicalLines(run.term).map(({ text }) => text);
          const transcript = replay(
            `${what}:\n${lines.join('\n')}\nlast bytes written: ${JSON.stringify(run.output().slice(-600))}`,
          );
          expect(run.cursorVisible(), transcript).toBe(true);
          // Nothing of the animation anywhere: neither the fish nor its text, not even in the scrollback.
          expect(
            lines.filter((line) => BASS.test(line) || line.includes(SPINNER_TEXT)),
            transcript,
          ).toEqual([]);
          // The host's lines, all of them, in order, before anything else the fault printed.
          const host = lines.filter(
            (line) =>
              /^(\$ host|host line \d|frame \d+)$/.test(line) ||
              (fault.held !== undefined && line.startsWith(fault.held)),
          );
          const expected = [
            PROMPT_LINE,
            'host line 1',
            'host line 2',
            'host line 3',
            ...(fault.printed?.(delay) ?? []),
          ];
          expect(host.slice(0, expected.length), transcript).toEqual(expected);
          // The held partial line comes out last, the error message right after it on its line.
          if (fault.held !== undefined)
            expect(
              host.slice(expected.length).map((line) => line.slice(0, fault.held?.length)),
              transcript,
            ).toEqual([fault.held]);
          else expect(host.length, transcript).toBe(expected.length);
          if (fault.message !== undefined) {
            const error = lines.findIndex((line) => fault.message?.test(line) === true);
            expect(error, transcript).toBeGreaterThan(lines.indexOf('host line 3'));
          }
          expect(strayControls(run.output()), transcript).toEqual([]);
        },
      );
    });
  }, 90_000);
});
