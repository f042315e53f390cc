/**
 * `fish` under faults, in a real pseudo-terminal read back by a real terminal emulator:
 * SIGINT and SIGTERM at random moments, a storm of resizes while it swims, the reader of its
 * output going away. After each, the terminal is as the user left it: the cursor visible, the
 * animation's rows gone, the prompt intact, the documented exit status.
 *
 * The random choices come from one seed, printed in every failure message; set
 * FISH_TEST_SEED to replay a run.
 */
import fc from 'fast-check';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { strayControls } from '../helpers/controls.js';
import { mapWithLimit, testSeed } from '../helpers/parallel.js';
import { sleep } from '../helpers/wait.js';
import { closing, FISH_BIN, type PtyRun, runInPty } from '../helpers/pty.js';
import { logicalLine, visibleLogicalLines } from '../helpers/screen.js';

const PROMPT_LINE = '$ fish';
const PROMPT = `${PROMPT_LINE}\r\n`;
const SEED = testSeed();
/** A failure message that says how to replay the run. */
const replay = (what: string): string => `${what} (FISH_TEST_SEED=${SEED})`;
/** Processes in pseudo-terminals at once: enough to overlap start-ups, few enough for 2 cores. */
const PARALLEL = 4;

/** The documented exit status after each signal. */
const STATUS = { SIGINT: 130, SIGTERM: 143 } as const;

/**
 * What the terminal itself echoes when Ctrl+C is typed: the line discipline writes it at the
 * cursor, as for any program. It is left on the screen only when fish had nothing drawn to
 * clear (killed before it drew); otherwise fish's clearing erases it with the region.
 */
const ECHOED_CTRL_C = '^C';

/**
 * Anything left on the screen: the lines other than the prompt that hold a visible character,
 * from absolute line `from` on (default: all), and not Ctrl+C's echo when it was typed.
 */
function debris(
  run: PtyRun,
  { from = 0, typed = false }: { from?: number; typed?: boolean } = {},
): string[] {
  return visibleLogicalLines(run.term)
    .filter(
      ({ start, text }) =>
        start !== 0 && start >= from && text.trim() !== '' && !(typed && text === ECHOED_CTRL_C),
    )
    .map(({ start, text }) => `${start}: ${text}`);
}

/** What {@link expectTerminalRestored} checks beyond the cursor and the output's bytes. */
interface RestoredOptions {
  /** Nothing but the prompt from this absolute line down (default 0: the whole screen). */
  readonly from?: number;
  /** Ctrl+C was typed: its echo may be left where nothing was drawn. */
  readonly typed?: boolean;
  /** The prompt reads as it was written (default true). */
  readonly prompt?: boolean;
}

/**
 * Checks that the terminal is put back: the cursor visible, no control character in the
 * output that the engine does not write itself, the prompt reading as it was written
 * (wherever reflow has moved it), and nothing else on the screen from line `from` down.
 */
async function expectTerminalRestored(
  run: PtyRun,
  what: string,
  { prompt = true, ...rest }: RestoredOptions = {},
): Promise<void> {
  await run.flush();
  // The screen, and the last bytes the program wrote: what a failure needs to be understood.
  const screen = `\n${run.screen().join('\n')}\nlast bytes written: ${JSON.stringify(run.output().slice(-600))}`;
  expect(run.cursorVisible(), replay(`${what}: the cursor is visible${screen}`)).toBe(true);
  expect(strayControls(run.output()), replay(`${what}: stray control characters${screen}`)).toEqual(
    [],
  );
  if (prompt)
    expect(logicalLine(run.term, 0).text, replay(`${what}: the prompt is intact${screen}`)).toBe(
      PROMPT_LINE,
    );
  expect(debris(run, rest), replay(`${what}: nothing left on the screen${screen}`)).toEqual([]);
}

/** A signal run: what to send, when, how, to which creature in which terminal. */
interface SignalCase {
  readonly signal: keyof typeof STATUS;
  /** `start`: `delay` ms after the process starts (perhaps before it draws); `swimming`: after the first frame. */
  readonly from: 'start' | 'swimming';
  readonly delay: number;
  /** For SIGINT: Ctrl+C typed at the terminal rather than sent with kill(). */
  readonly typed: boolean;
  readonly art: string;
  readonly cols: number;
  readonly rows: number;
}

const signalCase: fc.Arbitrary<SignalCase> = fc.record({
  signal: fc.constantFrom('SIGINT' as const, 'SIGTERM' as const),
  from: fc.constantFrom('start' as const, 'swimming' as const),
  delay: fc.integer({ min: 0, max: 400 }),
  typed: fc.boolean(),
  art: fc.constantFrom('bass', 'whale', 'tropical', 'emoji', 'bird'),
  cols: fc.integer({ min: 10, max: 120 }),
  rows: fc.integer({ min: 4, max: 30 }),
});

/** The signal runs: random, plus the first moments after start, which a random delay rarely hits. */
const SIGNAL_CASES: readonly SignalCase[] = [
  ...[0, 10, 40, 80].map((delay, i): SignalCase => ({
    signal: i % 2 === 0 ? 'SIGINT' : 'SIGTERM',
    from: 'start',
    delay,
    typed: false,
    art: 'bass',
    cols: 40,
    rows: 6,
  })),
  ...fc.sample(signalCase, { seed: SEED, numRuns: 20 }),
];

/** What a run of `fish` shows when a frame is on the screen: a line besides the prompt inked. */
const drawn = (lines: string[]): boolean => lines.some((line, y) => y > 0 && line.trim() !== '');

/** Runs a command and collects its exit status and what it wrote on stderr. */
function runPiped(
  command: string,
  args: readonly string[],
): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stderr }));
  });
}

/** `fish … | head -c N` in bash, exiting with fish's own status (not head's). */
const pipeline = (bytes: number): string[] => [
  '-c',
  `"$0" "$1" --record /dev/stdout --size 80x24 --frames 1000000 | head -c ${bytes} > /dev/null; exit \${PIPESTATUS[0]}`,
  process.execPath,
  FISH_BIN,
];

describe('fish under faults in a real terminal', () => {
  it(`exits with the documented status, the terminal clean, after SIGINT or SIGTERM at random moments (${SIGNAL_CASES.length} runs)`, async () => {
    const outcomes = await mapWithLimit(SIGNAL_CASES, PARALLEL, async (c, i) => {
      const what = `run ${i} ${JSON.stringify(c)}`;
      return closing(
        runInPty([FISH_BIN, '--art', c.art], {
          cols: c.cols,
          rows: c.rows,
          before: PROMPT,
        }),
        async (run) => {
          if (c.from === 'swimming') await run.waitFor(drawn, 10_000);
          await sleep(c.delay);
          const swimming = run.output() !== '';
          // Ctrl+C goes through the terminal's line discipline to the foreground process group,
          // which exists only once the child has started its session: not in the first moments.
          if (c.signal === 'SIGINT' && c.typed && (c.from === 'swimming' || c.delay >= 20))
            run.type('\x03');
          else run.kill(c.signal);
          expect(await run.exited, replay(`${what}: exit status`)).toBe(STATUS[c.signal]);
          await expectTerminalRestored(run, what, { typed: c.typed });
          // Unmoved by resizes, the region began on the line below the prompt (absolute line 1,
          // whether or not making room scrolled the prompt off): the cursor is back there, or
          // after Ctrl+C's echo when fish was killed before it drew. The terminal echoes a key
          // typed before raw mode at once, between fish's writes: an echo that came before or
          // into the bytes that open the region (spaces that end on a fresh row) moved the
          // region to the next row, and left the echo on line 1 as a partial line, which fish
          // keeps; the cursor is then back at column 0 of line 2.
          const buffer = run.term.buffer.active;
          const line1 = buffer.getLine(1)?.translateToString(true) ?? '';
          const cursor = { line: buffer.baseY + buffer.cursorY, col: buffer.cursorX };
          const echoOnLine1 = c.typed && line1.trim() === ECHOED_CTRL_C;
          const allowed = echoOnLine1
            ? [
                { line: 1, col: line1.length },
                { line: 2, col: 0 },
              ]
            : [{ line: 1, col: 0 }];
          expect(
            allowed,
            replay(`${what}: the cursor, the screen ${JSON.stringify(run.screen().slice(0, 4))}`),
          ).toContainEqual(cursor);
          return swimming;
        },
      );
    });
    // Both kinds of moment were hit: before anything was drawn, and while swimming.
    expect(outcomes).toContain(false);
    expect(outcomes).toContain(true);
  }, 60_000);

  /** A storm: the sizes (with a pause after each), how fast the fish is drawn, and what to check. */
  interface Storm {
    readonly art: string;
    readonly sizes: readonly {
      readonly cols: number;
      readonly rows: number;
      readonly pause: number;
    }[];
    readonly fps: number;
    /** Wait for fish to answer each resize (its erase-down) before the next one, up to 150 ms. */
    readonly answered: boolean;
    /** What must hold after Ctrl+C, given the terminal then. */
    readonly restored: (run: PtyRun) => RestoredOptions;
  }

  /** 50 resizes while the art swims, then Ctrl+C: status 130 and the terminal restored. */
  async function storm({ art, sizes, fps, answered, restored }: Storm): Promise<void> {
    const what = `storm with ${art}${answered ? ', each resize answered' : ''}: ${sizes.map(({ cols, rows }) => `${cols}x${rows}`).join(' ')}`;
    // Each resize may scroll the screen by up to its height as the region makes room again:
    // enough scrollback that the prompt's line is still there to check at the end.
    await closing(
      runInPty([FISH_BIN, '--art', art, '--speed', '30', '--fps', String(fps)], {
        cols: 80,
        rows: 24,
        before: PROMPT,
        scrollback: 10_000,
      }),
      async (run) => {
        await run.waitFor(drawn, 10_000);
        for (const { cols, rows, pause } of sizes) {
          const before = run.output().length;
          run.resize(cols, rows);
          // The answer to a resize is the only output that erases down (ESC [ J).
          for (
            let waited = 0;
            answered && waited < 150 && !run.output().includes('\u001b[J', before);
            waited += 5
          )
            await sleep(5);
          await sleep(pause);
        }
        // Let the last resize be answered, as a user would before pressing Ctrl+C.
        await sleep(300);
        run.type('\x03');
        expect(await run.exited, replay(`${what}: exit status`)).toBe(130);
        await expectTerminalRestored(run, what, { typed: true, ...restored(run) });
      },
    );
  }

  /** 50 random sizes and pauses, the rows at least `minRows`. */
  const stormSizes = (seed: number, minRows: number): Storm['sizes'] =>
    fc.sample(
      fc.record({
        cols: fc.integer({ min: 2, max: 200 }),
        rows: fc.integer({ min: minRows, max: 50 }),
        pause: fc.integer({ min: 5, max: 40 }),
      }),
      { seed, numRuns: 50 },
    );

  /** The absolute line the cursor is on: fish leaves it at the top of the region it cleared. */
  const cursorLine = (run: PtyRun): number =>
    run.term.buffer.active.baseY + run.term.buffer.active.cursorY;

  it('survives a storm of 50 rapid resizes (2..200 x 2..50) while swimming: Ctrl+C then clears its rows, status 130', async () => {
    // Resizes 5-40 ms apart, while frames come every 40 ms and fish answers each resize:
    // some frames are written for a size the terminal no longer has (a race no program can
    // close, as it reads its new size only after the terminal has changed). Such a frame
    // lands elsewhere than meant, so what lies above the region's final place is not
    // checked here (the next two tests do, without the race); from where fish leaves the
    // cursor, the top of the region it cleared, down, the screen must be clean.
    const storms = ['bass', 'whale'].map((art, i): Storm => ({
      art,
      sizes: stormSizes(SEED + i, 2),
      fps: 25,
      answered: false,
      restored: (run) => ({ from: cursorLine(run), prompt: false }),
    }));
    await mapWithLimit(storms, PARALLEL, storm);
  }, 60_000);

  it('50 resizes (2..200 x 2..50) while swimming, each answered: the prompt intact, the region cleared, status 130', async () => {
    // A terminal made lower than the region pushes the region's upper rows into its
    // scrollback, beyond the reach of any cursor move, and xterm.js brings them back into
    // view when it grows again: rows above the region's final place may hold such leftovers.
    // The prompt must be whole, and the screen clean from the region's top down.
    const storms = ['bass', 'whale'].map((art, i): Storm => ({
      art,
      sizes: stormSizes(SEED + 20 + i, 2),
      fps: 1,
      answered: true,
      restored: (run) => ({ from: cursorLine(run) }),
    }));
    await mapWithLimit(storms, PARALLEL, storm);
  }, 60_000);

  it('50 resizes never lower than the region while swimming, each answered: Ctrl+C then leaves only the prompt, status 130', async () => {
    // Each art's region is its height plus twice the bob of 1 row; one row more for the prompt.
    const storms = [
      { art: 'whale', rows: 6 + 2 + 1 },
      { art: 'emoji', rows: 1 + 2 + 1 },
      { art: 'tropical', rows: 5 + 2 + 1 },
    ].map(({ art, rows }, i): Storm => ({
      art,
      sizes: stormSizes(SEED + 10 + i, rows),
      fps: 1,
      answered: true,
      restored: () => ({}),
    }));
    await mapWithLimit(storms, PARALLEL, storm);
  }, 60_000);

  it('ends quietly with status 0 when the reader of a pipe goes away mid-frame (fish | head -c N)', async () => {
    // 100 bytes as in the issue, and other random cuts: inside the header, mid-frame, mid-escape.
    const cuts = [
      100,
      ...fc.sample(fc.integer({ min: 1, max: 20_000 }), { seed: SEED, numRuns: 5 }),
    ];
    await mapWithLimit(cuts, PARALLEL, async (bytes) => {
      const { status, stderr } = await runPiped('bash', pipeline(bytes));
      expect(stderr, replay(`head -c ${bytes}: stderr`)).toBe('');
      expect(status, replay(`head -c ${bytes}: fish's exit status`)).toBe(0);
    });
  }, 60_000);

  it('a disk that fills during a live aquarium recording (ENOSPC on a real tmpfs) ends it: the terminal put back, one line, status 2, the recording whole', async () => {
    // An 8 KiB tmpfs in a private mount namespace (unshare); the recording is copied out
    // before the namespace, and the tmpfs with it, goes away. It printed a stack trace.
    const dir = mkdtempSync(join(tmpdir(), 'fish-enospc-'));
    const mountPoint = join(dir, 'full');
    const copy = join(dir, 'tank.cast');
    const script =
      'mkdir "$0" && mount -t tmpfs -o size=8k tmpfs "$0" || exit 99; "$1" "$2" --aquarium --fps 50 --record "$0/tank.cast"; s=$?; cp "$0/tank.cast" "$3"; exit $s';
    await closing(
      runInPty(['-rm', 'sh', '-c', script, mountPoint, process.execPath, FISH_BIN, copy], {
        command: 'unshare',
        cols: 80,
        rows: 24,
        before: PROMPT,
      }),
      async (run) => {
        expect(await run.exited, replay('exit status')).toBe(2);
        await run.flush();
        const message = `fish: --record ${mountPoint}/tank.cast: no space left on device`;
        expect(run.output(), 'the aquarium was drawn').toContain('\u001b[?1049h');
        expect(run.term.buffer.active.type).toBe('normal');
        expect(run.cursorVisible()).toBe(true);
        expect(run.screen().filter((line) => line !== '')).toEqual([PROMPT_LINE, message]);
        const text = readFileSync(copy, 'utf8');
        expect(text.endsWith('\n')).toBe(true);
        const events = text
          .split('\n')
          .slice(0, -1)
          .map((line) => JSON.parse(line) as unknown);
        expect(events.length).toBeGreaterThan(1);
      },
    );
  }, 20_000);

  it('writes nothing to the terminal when its stdout is a pipe whose reader goes away', async () => {
    // The same pipeline in a terminal: fish's stderr is the terminal, and nothing reaches it.
    await closing(
      runInPty(pipeline(100), { command: 'bash', cols: 60, rows: 6, before: PROMPT }),
      async (run) => {
        expect(await run.exited, replay("fish's exit status")).toBe(0);
        await run.flush();
        expect(run.output(), replay('nothing written to the terminal')).toBe('');
        expect(
          run.screen().filter((line) => line !== ''),
          replay('the screen'),
        ).toEqual([PROMPT_LINE]);
      },
    );
  }, 20_000);
});
