/**
 * The school on a fake terminal: rows in the order added, status lines in place, the fold,
 * the host's output above it, the end, the non-interactive path, and schoolPromise().
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fish } from '../../src/api/fish.js';
import { schoolPromise } from '../../src/api/promise.js';
import { school, type FishSchool, type SchoolOptions } from '../../src/api/school.js';
import { TerminalBusyError } from '../../src/terminal/errors.js';
import type { FrameInfo } from '../../src/terminal/player.js';
import { fakeTerminal, type FakeTerminal } from '../helpers/fake-terminal.js';
import { inked, readCursor } from '../helpers/xterm.js';

const ESC = '\u001B';

/** The built-in fish a school cycles through, either way round. */
const FISH = />\)\)'>|<'\(\(<|><\{\{\{\*>|<\*\}\}\}><|><>|<></;

/** Schools a test made, stopped after it whatever happened. */
const made: FishSchool[] = [];
afterEach(() => {
  for (const each of made.splice(0)) each.stop();
});

/** A school on `terminal`, ticking fast, tracked. */
function schoolOn(terminal: FakeTerminal, options: SchoolOptions = {}): FishSchool {
  const group = school({ stream: terminal.stream, isEnabled: true, fps: 50, ...options });
  made.push(group);
  return group;
}

/** Wait until `condition` holds of the screen's lines (polling, with a deadline). */
async function screenUntil(
  terminal: FakeTerminal,
  condition: (lines: string[]) => boolean,
  what: string,
): Promise<string[]> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const lines = await terminal.lines();
    if (condition(lines)) return lines;
    if (Date.now() > deadline) throw new Error(`${what}; screen:\n${lines.join('\n')}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Every line the terminal has, scrollback included, trailing blanks trimmed. */
function allLines(terminal: FakeTerminal): string[] {
  const buffer = terminal.term.buffer.active;
  const lines: string[] = [];
  for (let y = 0; y < buffer.length; y++)
    lines.push(buffer.getLine(y)?.translateToString(true) ?? '');
  return lines;
}

describe('school()', () => {
  it('draws one row per task, in the order added, each with its own fish', async () => {
    const terminal = fakeTerminal(50, 10);
    const group = schoolOn(terminal);
    group.add('one');
    group.add({ text: 'two' });
    group.add({ text: 'three', art: 'minnow' });
    const lines = await screenUntil(
      terminal,
      (l) => inked(l).length === 3 && l.slice(0, 3).every((row) => FISH.test(row)),
      'three rows of fish',
    );
    expect(lines.slice(0, 3).map((row) => row.replace(/^.* (\w+)$/, '$1'))).toEqual([
      'one',
      'two',
      'three',
    ]);
    expect(lines[0]).toMatch(/>\)\)'>|<'\(\(</); // the bass first, then the salmon
    expect(lines[1]).toMatch(/><\{\{\{\*>|<\*\}\}\}></);
    expect(group.isSpinning).toBe(true);
  });

  it('turns an ended task into its status line in place while the others run', async () => {
    const terminal = fakeTerminal(50, 10);
    const group = schoolOn(terminal);
    group.add('one');
    const two = group.add('two');
    group.add('three');
    await screenUntil(terminal, (l) => inked(l).length === 3, 'three rows');
    two.succeed('two done');
    const lines = await screenUntil(terminal, (l) => l[1] === '✔ two done', 'the status line');
    expect(lines[0]).toMatch(FISH);
    expect(lines[2]).toMatch(FISH);
    expect(two.isRunning).toBe(false);
    two.fail('again'); // a task ends once
    await screenUntil(terminal, (l) => l[1] === '✔ two done', 'the same status line');
  });

  it('ends by itself: 5 tasks ending in a random order leave 5 status lines in the order added', async () => {
    const terminal = fakeTerminal(50, 10);
    const group = schoolOn(terminal);
    const tasks = ['a', 'b', 'c', 'd', 'e'].map((name) => group.add(name));
    await screenUntil(terminal, (l) => inked(l).length === 5, 'five rows');
    for (const index of [3, 0, 4, 1, 2]) {
      tasks[index].succeed(`${'abcde'[index]} done`);
      await new Promise((resolve) => setTimeout(resolve, 15));
    }
    expect(group.isSpinning).toBe(false);
    const lines = await terminal.lines();
    expect(inked(lines)).toEqual(['✔ a done', '✔ b done', '✔ c done', '✔ d done', '✔ e done']);
    expect(readCursor(terminal.term)).toEqual({ row: 5, col: 0 });
    expect(terminal.bytes()).toMatch(/\u001B\[\?25h$/); // the cursor shown again
  });

  it('keeps the host output above the region, whole and in order', async () => {
    const terminal = fakeTerminal(50, 10);
    const group = schoolOn(terminal);
    const one = group.add('one');
    group.add('two');
    await screenUntil(terminal, (l) => inked(l).length === 2, 'two rows');
    terminal.stream.write('log 1\n');
    terminal.stream.write('log 2\nlog');
    terminal.stream.write(' 3\n');
    one.succeed();
    const lines = await screenUntil(
      terminal,
      (l) => l[3] === '✔ one' && FISH.test(l[4]),
      'the log lines above the rows',
    );
    expect(lines.slice(0, 3)).toEqual(['log 1', 'log 2', 'log 3']);
  });

  it('folds more tasks than the terminal has rows, and writes the ended ones above it', async () => {
    const terminal = fakeTerminal(40, 10);
    const group = schoolOn(terminal);
    const tasks = Array.from({ length: 30 }, (_, i) => group.add(`task ${i + 1}`));
    let lines = await screenUntil(
      terminal,
      (l) => l.at(-1) === '… and 21 more',
      'nine rows and the fold line',
    );
    expect(lines.slice(0, 9).every((row) => FISH.test(row))).toBe(true);
    expect(lines[8]).toMatch(/task 9$/);
    tasks[0].succeed();
    tasks[20].fail();
    lines = await screenUntil(
      terminal,
      (l) => l.at(-1) === '… and 19 more' && l[l.length - 2].endsWith('task 10'),
      'the ended tasks above the region',
    );
    // Right above the region, in the history of a terminal the region fills.
    const history = allLines(terminal).filter((line) => line !== '');
    expect(history.slice(-12, -10)).toEqual(['✔ task 1', '✖ task 21']);
    for (const [index, task] of tasks.entries()) if (index !== 0 && index !== 20) task.succeed();
    expect(group.isSpinning).toBe(false);
    await terminal.lines();
    const written = allLines(terminal).filter((line) => line !== '');
    // Every status line once, nothing else: no fish, no fold line left behind.
    expect(written).toHaveLength(30);
    expect(new Set(written).size).toBe(30);
    expect(written.every((line) => /^[✔✖] task \d+$/.test(line))).toBe(true);
  });

  it("writes the status lines that leave the region ahead of the host's unfinished line", async () => {
    const terminal = fakeTerminal(40, 4);
    const group = schoolOn(terminal);
    const tasks = Array.from({ length: 5 }, (_, i) => group.add(`task ${i + 1}`));
    await screenUntil(terminal, (l) => l.at(-1) === '… and 2 more', 'the fold line');
    terminal.stream.write('partial');
    tasks[0].succeed();
    terminal.stream.write(' line\n');
    await screenUntil(
      terminal,
      (l) => l[0].endsWith('task 2') && l[3].endsWith('task 5'),
      'the status line and the host line above the region',
    );
    const history = allLines(terminal).filter((line) => line !== '');
    expect(history.slice(0, 2)).toEqual(['✔ task 1', 'partial line']);
  });

  it('never draws more rows than the terminal has, and follows a resize', async () => {
    const terminal = fakeTerminal(40, 6);
    const group = schoolOn(terminal);
    for (let i = 1; i <= 4; i++) group.add(`task ${i}`);
    await screenUntil(terminal, (l) => inked(l).length === 4, 'four rows');
    terminal.stream.rows = 3;
    terminal.term.resize(40, 3);
    for (const listener of terminal.listeners.get('resize') ?? []) listener();
    const lines = await screenUntil(
      terminal,
      (l) => l.length === 3 && l[2] === '… and 2 more',
      'the fold at three rows',
    );
    expect(lines.slice(0, 2).every((row) => FISH.test(row))).toBe(true);
  });

  it('stop() clears the region, writes the ended tasks and drops the running ones', async () => {
    const terminal = fakeTerminal(40, 10);
    const group = schoolOn(terminal);
    const one = group.add('one');
    const two = group.add('two');
    await screenUntil(terminal, (l) => inked(l).length === 2, 'two rows');
    two.info('two noted');
    group.stop().stop();
    expect(inked(await terminal.lines())).toEqual(['ℹ two noted']);
    one.warn('one late'); // a dropped task still says how it ended
    expect(inked(await terminal.lines())).toEqual(['ℹ two noted', '⚠ one late']);
    expect(one.isRunning).toBe(false);
  });

  it('claims the terminal once: a fish() on it while the school runs is refused', async () => {
    const terminal = fakeTerminal(40, 10);
    const group = schoolOn(terminal);
    const task = group.add('one');
    expect(() => fish({ stream: terminal.stream, isEnabled: true }).start()).toThrow(
      TerminalBusyError,
    );
    task.succeed();
    const animation = fish({ stream: terminal.stream, isEnabled: true }).start();
    expect(() => group.add('two')).toThrow(TerminalBusyError);
    animation.stop();
  });

  it('changes the rows a frame rewrites, not every line', async () => {
    const frames: FrameInfo[] = [];
    const terminal = fakeTerminal(60, 10);
    const group = schoolOn(terminal, { speed: 200, onFrame: (info) => frames.push(info) });
    const task = group.add('steady text');
    group.add('more steady text');
    const both = (): number => frames.findIndex((frame) => frame.bytes.includes('more steady'));
    await screenUntil(terminal, () => both() >= 0 && frames.length > both() + 5, 'frames');
    // Once both rows are drawn, the texts are never written again: only the fish move.
    const after = frames.slice(both() + 1);
    expect(after.some((frame) => frame.bytes.includes('steady'))).toBe(false);
    expect(after.some((frame) => frame.cellsChanged > 0)).toBe(true);
    task.progress(50, 100);
    await screenUntil(terminal, (l) => l[0].includes('50% 50/100'), 'the progress label');
  });

  it('off a TTY writes "- text" at the start and the status line at the end, as they happen', () => {
    const terminal = fakeTerminal(40, 10, { isTTY: false });
    const group = school({ stream: terminal.stream });
    const one = group.add('one');
    const two = group.add('two');
    two.succeed('two done');
    group.add({ prefixText: '[3]', text: 'three' }).fail();
    one.warn();
    expect(terminal.bytes()).toMatch(
      /^- one\n- two\n[✔+] two done\n\[3\] - three\n\[3\] [✖x] three\n[⚠!] one\n$/,
    );
    expect(terminal.bytes()).not.toContain(ESC);
    expect(group.isSpinning).toBe(false);
  });

  it('refuses options it cannot take with one line', () => {
    const terminal = fakeTerminal(40, 10);
    expect(() => school({ stream: terminal.stream, fps: 0 })).toThrow(
      /^fish: fps must be a number from 0.1 to 240, got 0$/,
    );
    const group = school({ stream: terminal.stream, isEnabled: false });
    expect(() => group.add(42 as unknown as string)).toThrow(
      /^fish: task must be an object or a text, got 42$/,
    );
    expect(() => group.add({ art: 'no-such-fish' })).toThrow(/no-such-fish/);
  });
});

describe('schoolPromise()', () => {
  it('runs promises and functions as tasks, and resolves with their values in order', async () => {
    const terminal = fakeTerminal(40, 10);
    const values = await schoolPromise(
      [
        new Promise<number>((resolve) => setTimeout(() => resolve(1), 30)),
        async (task) => {
          task.progress(1, 2);
          await new Promise((resolve) => setTimeout(resolve, 10));
          return 2;
        },
        { action: Promise.resolve(3), text: 'three', successText: (v: number) => `got ${v}` },
      ],
      { stream: terminal.stream, isEnabled: true, fps: 50 },
    );
    expect(values).toEqual([1, 2, 3]);
    expect(inked(await terminal.lines())).toEqual(['✔', '✔', '✔ got 3']);
  });

  it('waits for every task, then rejects with the first failure in the order given', async () => {
    const terminal = fakeTerminal(40, 10);
    const late = new Promise<string>((resolve) => setTimeout(() => resolve('late'), 40));
    const result = schoolPromise(
      [
        { action: late, text: 'late' },
        { action: Promise.reject(new Error('first')), text: 'a', failText: 'a failed' },
        { action: () => Promise.reject(new Error('second')), text: 'b' },
      ],
      { stream: terminal.stream, isEnabled: true, fps: 50 },
    );
    await expect(result).rejects.toThrow('first');
    expect(inked(await terminal.lines())).toEqual(['✔ late', '✖ a failed', '✖ b']);
  });
});
