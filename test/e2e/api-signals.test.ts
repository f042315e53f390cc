/**
 * The embedding API under typing, job control, fatal signals and a terminal that goes away:
 * host programs in a real pseudo-terminal (on their own, or run by an interactive bash for
 * Ctrl+Z and `fg`), their screen read back by a real terminal emulator.
 */
import { constants, tmpdir } from 'node:os';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeHost } from '../helpers/host.js';
import {
  BASS,
  bassLines,
  closing,
  expectEndedClean,
  type PtyRun,
  runInPty,
  swimming,
} from '../helpers/pty.js';
import { atPrompt, inShell, jobStopped, moreOutput } from '../helpers/shell.js';
import { inked } from '../helpers/xterm.js';

const PROMPT = '$ host\r\n';
const tmp = mkdtempSync(join(tmpdir(), 'fish-api-signals-'));

/** A host program in a pseudo-terminal, below a prompt line. */
const runHost = (name: string, body: string): PtyRun =>
  runInPty([writeHost(name, body)], { cols: 60, rows: 10, before: PROMPT });

/** A host that starts an animation of `options` (as source), prints `ready` and stays. */
const readyHost = (name: string, options: string): PtyRun =>
  runHost(name, `fish(${options}).start();\nconsole.log('ready');\nsetInterval(() => {}, 1000);`);

describe('typing while a spinner runs (discardStdin)', () => {
  it('by default: no key echoes into the animation, and Ctrl+C still ends the host with 130', async () => {
    await closing(readyHost('typing', "{ text: 'working', fps: 25 }"), async (run) => {
      await run.waitFor(swimming(run));
      run.type('hello\rworld\r');
      await moreOutput(run);
      const lines = inked(run.screen());
      expect(lines.slice(0, 2)).toEqual(['$ host', 'ready']);
      expect(lines).toHaveLength(3);
      expect(lines[2]).toMatch(/working$/);
      run.type('\x03');
      // The key's echo comes last, where the terminal would have echoed it in its usual mode.
      await expectEndedClean(run, 130, ['$ host', 'ready', '^C']);
    });
  });

  it('gives stdin back as it was: in its usual mode, and read by a listener added after stop()', async () => {
    await closing(
      runHost(
        'typing-then-reading',
        `const animation = fish({ text: 'working' }).start();
await sleep(300);
animation.stop();
console.log('stopped');
process.stdin.on('data', (data) => {
  console.log('read ' + JSON.stringify(String(data)));
  process.exit(0);
});`,
      ),
      async (run) => {
        await run.waitFor((lines) => lines.includes('stopped'));
        run.type('abc\r');
        expect(await run.exited).toBe(0);
        await run.flush();
        // A line as the terminal's usual mode delivers it: echoed, edited, ended by a line feed.
        expect(inked(run.screen())).toEqual(['$ host', 'stopped', 'abc', 'read "abc\\n"']);
      },
    );
  });

  it('leaves the keys to a host that reads stdin itself', async () => {
    await closing(
      runHost(
        'reading-host',
        `process.stdin.on('data', (data) => {
  animation.stop();
  console.log('host read ' + JSON.stringify(String(data)));
  process.exit(0);
});
const animation = fish({ text: 'working' }).start();`,
      ),
      async (run) => {
        await run.waitFor(swimming(run));
        run.type('x\r');
        expect(await run.exited).toBe(0);
        await run.flush();
        expect(inked(run.screen()).at(-1)).toBe('host read "x\\n"');
      },
    );
  });

  it('discardStdin: false leaves stdin alone: keys echo as they always did', async () => {
    await closing(
      runHost(
        'not-discarding',
        `fish({ text: 'working', discardStdin: false }).start();\nsetInterval(() => {}, 1000);`,
      ),
      async (run) => {
        await run.waitFor(swimming(run));
        run.type('typed');
        await run.waitFor(() => run.output().includes('typed'));
      },
    );
  });
});

/**
 * Run the host `script` in the shell until it swims, and suspend it with Ctrl+Z: while it is
 * stopped the cursor is shown and nothing of the animation is left; then `fg`.
 */
async function suspendAndResume(run: PtyRun, script: string, name = ''): Promise<void> {
  run.type(`node ${script}\r`);
  await run.waitFor(swimming(run));
  run.type('\x1a');
  await run.waitFor(jobStopped);
  expect(run.cursorVisible(), name).toBe(true);
  expect(
    run.screen().filter((line) => BASS.test(line) || line.includes('working')),
    name,
  ).toEqual([]);
  run.type('fg\r');
}

describe('Ctrl+Z and fg in a host', () => {
  it.each([
    ['read in raw mode (discardStdin)', ''],
    ['sent by the terminal as SIGTSTP (discardStdin: false)', ', discardStdin: false'],
  ])(
    '%s: cleared while stopped, the cursor shown; drawn again below the job lines after fg',
    async (name, option) => {
      const script = writeHost(
        `suspend-${option === '' ? 'raw' : 'signal'}`,
        `fish({ text: 'working', fps: 25${option} }).start();\nsetInterval(() => {}, 1000);`,
      );
      await inShell({}, async (run) => {
        await suspendAndResume(run, script, name);
        await run.waitFor(swimming(run));
        await moreOutput(run);
        const lines = run.screen();
        expect(bassLines(lines), name).toHaveLength(1);
        expect(
          lines.findIndex((line) => BASS.test(line)),
          name,
        ).toBeGreaterThan(lines.findIndex((line) => line.startsWith('[1]+  Stopped')));
        run.type('\x03');
        await run.waitFor(atPrompt);
        expect(run.cursorVisible(), name).toBe(true);
        expect(bassLines(run.screen()), name).toEqual([]);
      });
    },
  );
});

describe('a host that handles SIGTSTP itself', () => {
  it('keeps the decision; the terminal is clean while its listener stops the process, and the animation is back after fg', async () => {
    const script = writeHost(
      'own-sigtstp',
      `let stops = 0;
process.on('SIGTSTP', () => {
  stops++;
  process.kill(process.pid, 'SIGSTOP');
});
const animation = fish({ fps: 25 }).start();
setInterval(() => (animation.text = 'stopped ' + stops + ' times'), 20);`,
    );
    await inShell({}, async (run) => {
      await suspendAndResume(run, script);
      await run.waitFor(
        (lines) => swimming(run)(lines) && lines.some((line) => line.includes('stopped 1 times')),
      );
      await moreOutput(run);
      expect(bassLines(run.screen())).toHaveLength(1);
      // Ended here, not left to the terminal's hangup: once, this host outlived its closed
      // terminal (an orphan, still running; not reproduced since, in or out of bash).
      run.type('\x03');
      await run.waitFor(atPrompt);
    });
  });
});

describe('fatal signals in a host', () => {
  it('SIGUSR2 with no handler: the animation cleared and the cursor shown, then death by SIGUSR2', async () => {
    await closing(readyHost('usr2', "{ text: 'working', bob: 1 }"), async (run) => {
      await run.waitFor(swimming(run));
      run.kill('SIGUSR2');
      await expectEndedClean(run, 128 + constants.signals.SIGUSR2, ['$ host', 'ready']);
    });
  });

  it('a host that handles SIGHUP itself, its terminal gone: no error from fish’s writes reaches it', async () => {
    const log = join(tmp, 'sighup.log');
    const run = runHost(
      'sighup-host',
      `import { appendFileSync } from 'node:fs';
const note = (line) => appendFileSync(${JSON.stringify(log)}, line + '\\n');
process.on('uncaughtException', (error) => note('uncaught ' + error.message));
process.on('SIGHUP', () => {
  note('hup');
  // Whatever it still has to do; then it ends without Node's exit (which fails on a terminal
  // that went away).
  setTimeout(() => {
    note('done');
    process.kill(process.pid, 'SIGKILL');
  }, 500);
});
const animation = fish({ text: 'working', bob: 1 }).start();
// A partial line held back by the animation, written to the terminal when it stops.
process.stdout.write('partial');
setInterval(() => animation.text = 'working ' + Date.now(), 20);`,
    );
    await run.waitFor(swimming(run));
    run.closeTerminal();
    expect(await run.exited).toBe(128 + constants.signals.SIGKILL);
    // SIGHUP comes from the kernel, and again from node-pty, as from a terminal emulator.
    const notes = (existsSync(log) ? readFileSync(log, 'utf8') : '')
      .split('\n')
      .filter((line) => line !== '');
    expect(notes[0]).toBe('hup');
    expect(notes.filter((line) => line !== 'hup')).toEqual(['done']);
  });
});
