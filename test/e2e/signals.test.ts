/**
 * `fish` and `fish --aquarium` under job control, signals, typing and a terminal that goes
 * away: the real command in a pseudo-terminal (on its own, or run by an interactive bash for
 * Ctrl+Z and `fg`), its screen read back by a real terminal emulator.
 */
import { constants } from 'node:os';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mapWithLimit } from '../helpers/parallel.js';
import {
  BASS,
  bassLines,
  closing,
  expectEndedClean,
  FISH_BIN,
  type PtyRun,
  runInPty,
} from '../helpers/pty.js';
import { atPrompt, inShell, jobStopped, lastStatus, moreOutput } from '../helpers/shell.js';
import { inked } from '../helpers/xterm.js';
import { visibleLogicalLines } from '../helpers/screen.js';
import { waterLineRow } from '../helpers/tank.js';

const PROMPT = '$ fish\r\n';
const tmp = mkdtempSync(join(tmpdir(), 'fish-signals-'));
/** Processes in pseudo-terminals at once: enough to overlap start-ups, few enough for 2 cores. */
const PARALLEL = 4;

/** Whether the screen shows the aquarium's water line. */
const hasSurface = (lines: string[], cols: number): boolean => waterLineRow(lines, cols) >= 0;

/** A wait's test: one strip on the screen (the bass on one line) and the cursor hidden. */
const oneStrip =
  (run: PtyRun) =>
  (lines: string[]): boolean =>
    bassLines(lines).length === 1 && !run.cursorVisible();

/** Enter `command` at the shell's prompt, and wait for its one strip. */
async function untilOneStrip(run: PtyRun, command: string): Promise<void> {
  run.type(`${command}\r`);
  await run.waitFor(oneStrip(run));
}

describe('Ctrl+Z and fg', () => {
  it('inline: the strip is cleared and the cursor shown while stopped; after fg the job lines stay and one strip is drawn below them', async () => {
    await inShell({ FISH: FISH_BIN }, async (run) => {
      await untilOneStrip(run, 'node "$FISH" --bob 0 --fps 25');
      run.type('\x1a');
      await run.waitFor(jobStopped);
      expect(run.cursorVisible()).toBe(true);
      expect(bassLines(run.screen())).toEqual([]);

      await untilOneStrip(run, 'fg');
      await moreOutput(run);
      const lines = run.screen();
      const job = lines.findIndex((line) => line.startsWith('[1]+  Stopped'));
      const fg = lines.indexOf('$ fg');
      expect(job).toBeGreaterThan(0);
      expect(fg).toBeGreaterThan(job);
      // No copy of the old strip anywhere: exactly one bass, below what the shell wrote.
      expect(bassLines(lines)).toHaveLength(1);
      expect(lines.findIndex((line) => BASS.test(line))).toBeGreaterThan(fg);

      // Raw mode is back, although the shell reset the terminal while the job was stopped.
      run.type('typed\r');
      await moreOutput(run);
      expect(run.screen().join('\n')).not.toContain('typed');

      run.type('\x03');
      await run.waitFor(atPrompt);
      expect(await lastStatus(run)).toBe('status 130');
      expect(run.cursorVisible()).toBe(true);
      expect(bassLines(run.screen())).toEqual([]);
    });
  });

  it('aquarium: the shell’s screen is back while stopped; after fg the tank is redrawn, keys do not echo and q quits at once', async () => {
    await inShell({ FISH: FISH_BIN }, async (run) => {
      const tank = (lines: string[]): boolean =>
        run.term.buffer.active.type === 'alternate' &&
        hasSurface(lines, 60) &&
        !run.cursorVisible();
      run.type('node "$FISH" --aquarium --seed 7 --fps 25\r');
      await run.waitFor(tank);
      run.type('\x1a');
      await run.waitFor((lines) => run.term.buffer.active.type === 'normal' && jobStopped(lines));
      expect(run.cursorVisible()).toBe(true);

      run.type('fg\r');
      await run.waitFor(tank);
      const since = run.output().length;
      run.type('%%%%');
      await moreOutput(run);
      // Echoed keys would come back from the terminal as output.
      expect(run.output().slice(since)).not.toContain('%%%%');
      run.type('q');
      // No Enter needed: q is read at once.
      await run.waitFor(
        (lines) => run.term.buffer.active.type === 'normal' && atPrompt(lines),
        3000,
      );
      expect(await lastStatus(run)).toBe('status 0');
      expect(run.cursorVisible()).toBe(true);
    });
  });
});

describe('typing while it swims', () => {
  it('echoes nothing into the strip, Enter does not move it, and Ctrl+C still ends it with 130', async () => {
    await closing(
      runInPty([FISH_BIN, '--bob', '0', '--fps', '25'], {
        cols: 60,
        rows: 10,
        before: PROMPT,
      }),
      async (run) => {
        await run.waitFor(oneStrip(run));
        run.type('hello\rworld\r');
        await moreOutput(run);
        const lines = run.screen();
        expect(inked(lines)).toHaveLength(2);
        expect(lines[0]).toBe('$ fish');
        expect(lines[1]).toMatch(BASS);
        run.type('\x03');
        // Ctrl+C's echo comes last, where the terminal would have echoed it in its usual mode.
        await expectEndedClean(run, 130, ['$ fish', '^C']);
      },
    );
  });

  it('a shell loop stops on Ctrl+C: fish dies by SIGINT, as the loop expects', async () => {
    await inShell({ FISH: FISH_BIN }, async (run) => {
      await untilOneStrip(run, 'for i in 1 2; do node "$FISH" --bob 0; done');
      run.type('\x03');
      // Not a second fish: the shell is back at its prompt.
      await run.waitFor(atPrompt);
      expect(await lastStatus(run)).toBe('status 130');
      expect(bassLines(run.screen())).toEqual([]);
    });
  });
});

/**
 * Signals whose default action ends the process, beyond SIGINT and SIGTERM. Run under
 * `ulimit -c 0`: SIGQUIT, SIGABRT and SIGXCPU dump core by default, as they should.
 */
const FATAL = [
  'SIGQUIT',
  'SIGABRT',
  'SIGALRM',
  'SIGVTALRM',
  'SIGUSR2',
  'SIGXCPU',
  'SIGIO',
  'SIGPWR',
  'SIGSTKFLT',
  'SIGHUP',
] as const;

/** `fish` with its arguments, without core dumps. */
const withoutCore = (args: readonly string[]): string[] => [
  '-c',
  'ulimit -c 0; exec "$0" "$@"',
  process.execPath,
  FISH_BIN,
  ...args,
];

describe('other fatal signals', () => {
  const cases = [
    ...FATAL.map((signal) => ({ signal, aquarium: false })),
    ...(['SIGQUIT', 'SIGUSR2', 'SIGALRM', 'SIGABRT'] as const).map((signal) => ({
      signal,
      aquarium: true,
    })),
  ];

  it(`clean up, then die by the same signal (${cases.length} runs)`, async () => {
    await mapWithLimit(cases, PARALLEL, async ({ signal, aquarium }) => {
      const what = `${signal}${aquarium ? ' in the aquarium' : ''}`;
      const args = aquarium ? ['--aquarium', '--seed', '3'] : ['--bob', '1'];
      await closing(
        runInPty(withoutCore(args), {
          command: 'sh',
          cols: 50,
          rows: 12,
          before: PROMPT,
        }),
        async (run) => {
          await run.waitFor(
            (lines) =>
              (aquarium ? hasSurface(lines, 50) : bassLines(lines).length > 0) &&
              !run.cursorVisible(),
            10_000,
          );
          run.kill(signal);
          expect(await run.exited, what).toBe(128 + constants.signals[signal]);
          await run.flush();
          expect(run.term.buffer.active.type, what).toBe('normal');
          expect(run.cursorVisible(), what).toBe(true);
          expect(
            visibleLogicalLines(run.term)
              .map(({ text }) => text)
              .filter((text) => text !== ''),
            what,
          ).toEqual(['$ fish']);
        },
      );
    });
  }, 60_000);

  it('Ctrl+\\ quits as SIGQUIT does, the terminal clean', async () => {
    await closing(
      runInPty(withoutCore(['--bob', '0']), {
        command: 'sh',
        cols: 60,
        rows: 10,
        before: PROMPT,
      }),
      async (run) => {
        await run.waitFor(oneStrip(run));
        run.type('\x1c');
        await expectEndedClean(run, 128 + constants.signals.SIGQUIT, ['$ fish', '^\\']);
      },
    );
  });
});

describe('the terminal goes away', () => {
  it.each([
    ['inline', ['--bob', '1']],
    ['the aquarium', ['--aquarium']],
  ])('%s: ends quietly by SIGHUP, not by an abort in Node’s exit', async (_, args) => {
    const run = runInPty([FISH_BIN, ...args], { cols: 60, rows: 12 });
    await run.waitFor((lines) => inked(lines).length > 0 && !run.cursorVisible(), 10_000);
    run.closeTerminal();
    expect(await run.exited).toBe(128 + constants.signals.SIGHUP);
  });

  it.each([
    ['inline', ''],
    ['the aquarium', '--aquarium'],
  ])(
    '%s, with SIGHUP ignored by the shell: ends quietly, status 129, nothing on stderr',
    async (name, args) => {
      const status = join(tmp, `status-${args || 'inline'}`);
      const stderr = join(tmp, `stderr-${args || 'inline'}`);
      const script = `trap '' HUP; "$0" "$1" ${args} 2>"${stderr}"; echo $? > "${status}"`;
      const run = runInPty(['-c', script, process.execPath, FISH_BIN], {
        command: 'bash',
        cols: 60,
        rows: 12,
      });
      await run.waitFor((lines) => inked(lines).length > 0 && !run.cursorVisible(), 10_000);
      run.closeTerminal();
      // The shell outlives its terminal; it writes fish's status to a file.
      const deadline = Date.now() + 10_000;
      while (!existsSync(status) || readFileSync(status, 'utf8') === '') {
        if (Date.now() > deadline) throw new Error(`${name}: no status`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      expect(readFileSync(status, 'utf8').trim()).toBe('129');
      expect(readFileSync(stderr, 'utf8')).toBe('');
    },
  );
});
