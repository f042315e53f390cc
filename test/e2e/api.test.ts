/**
 * The embedding API end to end: small host programs that import the built package run in a
 * real pseudo-terminal, their screen read back by a real terminal emulator.
 */
import { describe, expect, it } from 'vitest';
import { spawn } from '@lydell/node-pty';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  BASS,
  expectEndedClean,
  expectExited,
  type PtyRun,
  runInPty,
  showsBass,
} from '../helpers/pty.js';

const PACKAGE = fileURLToPath(new URL('../../dist/index.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'fish-api-e2e-'));
const PROMPT = '$ host\r\n';
const ESC = '\u001B';

/** Write a host program (an ES module importing the package as `fish`) and return its path. */
function host(name: string, body: string): string {
  const path = join(dir, `${name}.mjs`);
  writeFileSync(
    path,
    `import fish, { fishPromise } from ${JSON.stringify(PACKAGE)};\nconst sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));\n${body}\n`,
  );
  return path;
}

/** Every line of the terminal, scrollback included, with anything on it. */
function allLines(run: PtyRun): string[] {
  const buffer = run.term.buffer.active;
  const lines: string[] = [];
  for (let y = 0; y < buffer.length; y++)
    lines.push(buffer.getLine(y)?.translateToString(true) ?? '');
  return lines.filter((line) => line.trim() !== '');
}

/** The screen's lines with anything on them. */
const inked = (lines: string[]): string[] => lines.filter((line) => line.trim() !== '');

/**
 * Run a host that writes `MARK` last while it animates: the animation (with `text` in its
 * line) must show right below that line while it runs, and once the host ends (status 0, the
 * cursor shown) its output must be `lines` after the prompt, whole and in order.
 */
async function expectWholeAbove(script: string, text: string, lines: string[]): Promise<void> {
  const run = runInPty([script], { cols: 60, rows: 12, before: PROMPT });
  await run.waitFor((screen) => {
    const mark = screen.indexOf('MARK');
    const below = screen[mark + 1] ?? '';
    return mark >= 0 && BASS.test(below) && below.includes(text);
  });
  await expectExited(run, 0);
  expect(allLines(run)).toEqual(['$ host', ...lines]);
}

/** Run a command in a pseudo-terminal named `term` (node-pty sets TERM from the name). */
function runWithTerm(
  script: string,
  term: string,
  env: Record<string, string> = {},
): Promise<{ output: string; code: number }> {
  const child = spawn(process.execPath, [script], {
    name: term,
    cols: 60,
    rows: 10,
    env: { ...process.env, ...env },
  });
  let output = '';
  child.onData((data) => (output += data));
  return new Promise((resolve) =>
    child.onExit(({ exitCode }) => resolve({ output, code: exitCode })),
  );
}

describe("the host's output while animating, in a terminal", () => {
  it('comes out whole above the animation: console.log, partial writes, stdout and stderr', async () => {
    const script = host(
      'interleave',
      `const animation = fish({ text: 'working', width: 12, fps: 50 }).start();
await sleep(100);
console.log('line 1');
process.stdout.write('partial ');
await sleep(30);
process.stderr.write('completed on stderr\\n');
process.stdout.write('a chunk');
await sleep(30);
process.stdout.write(' without');
await sleep(30);
console.log(' a newline');
for (let i = 0; i < 40; i++) console.log('burst ' + i);
console.error('MARK');
process.stdout.write('held until stop');
await sleep(300);
animation.stop();
console.log(' (completed after stop)');`,
    );
    await expectWholeAbove(script, 'working', [
      'line 1',
      'partial completed on stderr',
      'a chunk without a newline',
      ...Array.from({ length: 40 }, (_, i) => `burst ${i}`),
      'MARK',
      'held until stop (completed after stop)',
    ]);
  });
});

describe('writes that go around the stream', () => {
  it("fs.writeSync and fs.write on the terminal's descriptors, and stream.end, come out whole above the animation", async () => {
    const script = host(
      'around',
      `import { write, writeSync } from 'node:fs';
import fs from 'node:fs';
const animation = fish({ text: 'working', width: 12, fps: 50 }).start();
await sleep(100);
writeSync(1, 'sync line\\n');
await sleep(30);
await new Promise((resolve) => write(1, 'async line\\n', resolve));
await sleep(30);
fs.writeSync(2, Buffer.from('bytes on stderr\\n'));
fs.writeSync(1, 'a partial');
await sleep(30);
fs.writeSync(1, ' line\\n');
await sleep(30);
process.stdout.end('ended stdout\\n');
await sleep(100);
console.error('MARK');
await sleep(100);
animation.stop();`,
    );
    await expectWholeAbove(script, '', [
      'sync line',
      'async line',
      'bytes on stderr',
      'a partial line',
      'ended stdout',
      'MARK',
    ]);
  });
});

describe('Ctrl+C', () => {
  it('in a host that does not handle SIGINT: exit 130, the cursor shown, the animation cleared', async () => {
    const script = host(
      'ctrl-c',
      `fish({ text: 'waiting', bob: 1 }).start();
console.log('ready');
process.stdout.write('half a line');
setInterval(() => {}, 1000);`,
    );
    const run = runInPty([script], { cols: 60, rows: 10, before: PROMPT });
    await run.waitFor(showsBass);
    await run.waitFor(() => !run.cursorVisible());
    run.type('\x03');
    // The key's echo comes last, where the terminal would have echoed it in its usual mode.
    await expectEndedClean(run, 130, ['$ host', 'ready', 'half a line^C']);
  });

  it('in a host that handles SIGINT itself: the host decides, and its status line is clean', async () => {
    const script = host(
      'ctrl-c-handled',
      `const animation = fish({ text: 'working' }).start();
process.on('SIGINT', () => {
  animation.fail('cancelled');
  process.exit(1);
});
setInterval(() => {}, 1000);`,
    );
    const run = runInPty([script], { cols: 60, rows: 10, before: PROMPT });
    await run.waitFor(showsBass);
    run.type('\x03');
    await expectEndedClean(run, 1, ['$ host', '✖ cancelled']);
  });
});

describe('status lines in a terminal', () => {
  it('succeed and fail each leave exactly one line, and fishPromise returns or rethrows', async () => {
    const script = host(
      'status',
      `const animation = fish({ text: 'step one' }).start();
await sleep(200);
animation.succeed('one done');
const value = await fishPromise(sleep(200).then(() => 42), { text: 'two', successText: (v) => 'two gave ' + v });
try {
  await fishPromise(async () => { await sleep(200); throw new Error('nope'); }, 'three');
} catch (error) {
  console.log('caught ' + error.message + ', value ' + value);
}`,
    );
    const run = runInPty([script], { cols: 60, rows: 10, before: PROMPT });
    await expectEndedClean(run, 0, [
      '$ host',
      '✔ one done',
      '✔ two gave 42',
      '✖ three',
      'caught nope, value 42',
    ]);
  });

  it('refuses a second animation on the same terminal (stdout and stderr alike)', async () => {
    const script = host(
      'two',
      `const first = fish({ stream: process.stderr }).start();
try {
  fish({ stream: process.stdout }).start();
} catch (error) {
  first.stop();
  console.log(error.name + ': ' + error.message);
}`,
    );
    const run = runInPty([script], { cols: 120, rows: 10 });
    expect(await run.exited).toBe(0);
    await run.flush();
    expect(inked(run.screen())).toEqual([
      'TerminalBusyError: fish: another animation is already running on this terminal; stop it before starting this one',
    ]);
  });

  it('a host that ends while animating exits, and leaves the terminal clean', async () => {
    const script = host('forgot-stop', `fish({ text: 'forgotten' }).start();\nconsole.log('bye');`);
    const run = runInPty([script], { cols: 60, rows: 10, before: PROMPT });
    await expectEndedClean(run, 0, ['$ host', 'bye']);
  });
});

describe('without an interactive terminal', () => {
  const plain = host(
    'plain',
    `const animation = fish({ text: '\\u001b[32mgreen\\u001b[39m task' }).start();
animation.animate();
animation.progress(3, 10);
console.log('host line');
await sleep(100);
animation.succeed();
await fishPromise(sleep(50), 'quick');
fish().warn('with \\u001b]0;a title\\u0007 stripped');`,
  );
  // As ora: start() writes `- text` once, then the status lines.
  const EXPECTED = [
    '- green task',
    'host line',
    '✔ green task',
    '- quick',
    '✔ quick',
    '⚠ with  stripped',
  ];

  it('writes not one escape byte to a pipe: one plain line per status', () => {
    const result = spawnSync(process.execPath, [plain], {
      encoding: 'utf8',
      env: { ...process.env, FORCE_COLOR: '1' },
    });
    expect(result.status).toBe(0);
    expect(result.stdout + result.stderr).not.toContain(ESC);
    expect(result.stdout).toBe('host line\n');
    expect(result.stderr).toBe('- green task\n✔ green task\n- quick\n✔ quick\n⚠ with  stripped\n');
  });

  it('writes not one escape byte under CI, even in a terminal', async () => {
    const run = runInPty([plain], { cols: 60, rows: 10, env: { CI: 'true' } });
    expect(await run.exited).toBe(0);
    await run.flush();
    expect(run.output()).not.toContain(ESC);
    expect(inked(run.screen())).toEqual(EXPECTED);
  });

  it('writes not one escape byte with TERM=dumb, and plain ASCII symbols', async () => {
    const { output, code } = await runWithTerm(plain, 'dumb');
    expect(code).toBe(0);
    expect(output).not.toContain(ESC);
    expect(output.split('\r\n').filter((line) => line !== '')).toEqual([
      '- green task',
      'host line',
      '+ green task',
      '- quick',
      '+ quick',
      '! with  stripped',
    ]);
  });

  it('uses ASCII symbols on the Linux console', async () => {
    const script = host('linux', "fish().succeed('done');\nfish().fail('broken');");
    const { output } = await runWithTerm(script, 'linux');
    expect(
      output
        .replace(/\u001B\[[0-9;]*m/g, '')
        .split('\r\n')
        .filter((line) => line !== ''),
    ).toEqual(['+ done', 'x broken']);
  });
});
