/**
 * Small inputs that ask for a huge amount of work or memory (issue 10): frames padded to the
 * largest, thousands of empty frames, tabs, a letter with half a million combining marks, a
 * 50 MB string. Each is refused (or loaded) within about a second and 256 MB, with one line
 * that names the file, and the line and column where that makes sense.
 *
 * They run in a child process with a heap ceiling and a deadline (see test/helpers/sandbox.ts),
 * so that a regression fails the test instead of hanging or killing the runner.
 */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseInSandbox, type SandboxOutcome } from '../helpers/sandbox.js';
import { FISH_BIN } from '../helpers/pty.js';
import { UNSAFE_IN_MESSAGE } from '../helpers/controls.js';
import { tempFile } from './helpers.js';

/** About a second: what any art input may take to check, accepted or refused. */
const BUDGET_MS = 1000;
/** What any art input may take in memory, the whole process included. */
const BUDGET_MB = 256;
/** Kill the child after this: far beyond the budget, so a slow machine still reports. */
const DEADLINE_MS = 6000;

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** The issue's 3 KB file: a wide frame, a tall one, then `empty` empty frames. */
function paddedFrames(empty: number): string {
  return `@fish v1\n@frame\n${'x'.repeat(1000)}\n@frame\n${'x\n'.repeat(500)}${'@frame\n'.repeat(empty)}`;
}

/** Parses in the sandbox; expects the one-line refusal, within the time and memory budget. */
async function expectRefusedQuickly(
  content: string,
  file: string,
  { input = 'bytes', repeat = 1 }: { input?: 'bytes' | 'text'; repeat?: number } = {},
): Promise<string> {
  const outcome: SandboxOutcome = await parseInSandbox(utf8(content), file, {
    deadlineMs: DEADLINE_MS,
    memoryMb: BUDGET_MB,
    input,
    repeat,
  });
  expect(outcome.kind, JSON.stringify(outcome).slice(0, 300)).toBe('art-error');
  if (outcome.kind !== 'art-error') return '';
  // CPU time, not wall time: the work the input costs, however busy the machine is.
  expect(outcome.cpuMs).toBeLessThan(BUDGET_MS);
  expect(outcome.peakMb).toBeLessThan(BUDGET_MB);
  expect(outcome.message).not.toMatch(/[\r\n]/);
  expect(outcome.message).not.toMatch(UNSAFE_IN_MESSAGE);
  return outcome.message;
}

describe('small art that asks for a huge expansion', () => {
  it("the issue's 3 KB file, whose 202 frames pad to 1000x500 each (2 GB), is refused at once, naming the frame", async () => {
    const message = await expectRefusedQuickly(paddedFrames(200), 'pad.art');
    expect(message).toMatch(
      /^fish: pad\.art:4: the art is too large: .*202 frames of 1000x500 cells/,
    );
  }, 20_000);

  it('the same file with 2,000 empty frames (16 KB) is refused at once', async () => {
    const message = await expectRefusedQuickly(paddedFrames(2000), 'empty.art');
    // 2,002 frames of the first frame's size, 1000x1, are already too many cells.
    expect(message).toMatch(
      /^fish: empty\.art:2: the art is too large: 2002 frames of 1000x1 cells make 2002000 cells/,
    );
  }, 20_000);

  it('a line of a million tabs between two letters is refused at the column where it passes 1000 cells', async () => {
    const message = await expectRefusedQuickly(`x${'\t'.repeat(1024 * 1024 - 3)}x\n`, 'tabs.art');
    expect(message).toBe(
      'fish: tabs.art:1:1001: the line is too wide (art is at most 1000 cells wide)',
    );
  }, 20_000);

  it('10,000 lines of 100 tabs each are refused at the first row past 500', async () => {
    const message = await expectRefusedQuickly(
      `x${'\t'.repeat(100)}x\n`.repeat(10_000),
      'tabs.art',
    );
    expect(message).toBe(
      'fish: tabs.art:501: the frame is too tall (art is at most 500 rows tall)',
    );
  }, 20_000);

  it('a letter with 500,000 combining marks ("Zalgo") is refused, naming its line and column', async () => {
    const message = await expectRefusedQuickly(
      `@fish v1\n@frame\n>))'>  x${'\u0301'.repeat(500_000)}\n`,
      'zalgo.art',
    );
    expect(message).toBe(
      'fish: zalgo.art:3:8: U+0078 has more than 30 combining marks (a cell holds at most 31 code points)',
    );
  }, 20_000);

  it('a 50 MB string given to parseArt is refused before any work', async () => {
    const message = await expectRefusedQuickly('x', 'big.txt', {
      input: 'text',
      repeat: 50_000_000,
    });
    expect(message).toBe(
      'fish: big.txt: the art is too large (over 1 MiB as UTF-8; art is at most 1 MiB)',
    );
  }, 20_000);

  it('50 MB of bytes given to parseArtBytes are refused before any work', async () => {
    const message = await expectRefusedQuickly('x', 'big.bin', { repeat: 50_000_000 });
    expect(message).toBe(
      'fish: big.bin: the art is too large (50000000 bytes; art is at most 1 MiB)',
    );
  }, 20_000);
});

/** Parses in the sandbox; expects art of that size, within the time and memory budget. */
async function expectLoadedQuickly(
  content: string,
  size: { width: number; height: number },
): Promise<void> {
  const outcome = await parseInSandbox(utf8(content), 'big.art', {
    deadlineMs: DEADLINE_MS,
    memoryMb: BUDGET_MB,
  });
  expect(outcome.kind, JSON.stringify(outcome).slice(0, 300)).toBe('art');
  if (outcome.kind !== 'art') return;
  expect({ width: outcome.width, height: outcome.height }).toEqual(size);
  expect(outcome.cpuMs).toBeLessThan(BUDGET_MS);
  expect(outcome.peakMb).toBeLessThan(BUDGET_MB);
}

/** `rows` lines of `line`. */
const block = (line: string, rows: number): string => `${line}\n`.repeat(rows);

describe('the largest art there may be', () => {
  it('two frames of 1000x500, every cell drawn and mirrored, load within the budget', async () => {
    const art = `@fish v1\n@frame\n${block('('.repeat(1000), 500)}@frame\n${block(')'.repeat(1000), 500)}`;
    expect(utf8(art).length).toBeLessThanOrEqual(1024 * 1024);
    await expectLoadedQuickly(art, { width: 1000, height: 500 });
  }, 20_000);

  it('1000x500 frames drawn both ways, of letters and tabs, load within the budget', async () => {
    const frame = `@frame\n${block(`x${'\tx'.repeat(124)}`, 500)}`;
    await expectLoadedQuickly(`@fish v1\n${frame}@opposite\n${frame}`, { width: 993, height: 500 });
  }, 20_000);

  it('two frames of wide characters, 1 MiB of them, load within the budget', async () => {
    await expectLoadedQuickly(
      `@fish v1\n@frame\n${block('中'.repeat(500), 500)}@frame\n${block('魚'.repeat(500), 190)}`,
      {
        width: 1000,
        height: 500,
      },
    );
  }, 20_000);

  it('1000 frames of 1000x1 and 10,000 frames of 1x1 load within the budget', async () => {
    await expectLoadedQuickly(`@fish v1\n@frame\n${'x'.repeat(1000)}\n${'@frame\n'.repeat(999)}`, {
      width: 1000,
      height: 1,
    });
    await expectLoadedQuickly(`@fish v1\n${'@frame\nx\n'.repeat(10_000)}`, { width: 1, height: 1 });
  }, 20_000);
});

describe("fish --check on the issue's file", () => {
  it('prints one line and exits 2 within the time, under a 256 MB heap', async () => {
    const path = tempFile('pad.art', paddedFrames(200));
    const child = spawn(
      process.execPath,
      [`--max-old-space-size=${BUDGET_MB}`, FISH_BIN, '--check', '--art', path],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), DEADLINE_MS);
    const status = await new Promise<number | null>((resolve) =>
      child.on('close', (code) => resolve(code)),
    );
    clearTimeout(timer);
    // Killed at the deadline, or by the heap ceiling, the status is not 2.
    expect({ status, stdout }).toEqual({ status: 2, stdout: '' });
    expect(stderr).toMatch(
      new RegExp(
        `^fish: ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:4: the art is too large: [^\n]*\n$`,
      ),
    );
  }, 20_000);
});
