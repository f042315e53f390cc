/**
 * `fish -- COMMAND` without a terminal (a CI log, a redirect): the command's output passes
 * untouched, `- TEXT` comes first and the status line last on stderr, no escape byte; fish's
 * status is the command's (issue 13).
 */
import { describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FISH_BIN } from '../helpers/pty.js';

const ENV = { ...process.env, NO_COLOR: '1' };
const fish = (...args: string[]) =>
  spawnSync(process.execPath, [FISH_BIN, ...args], { encoding: 'utf8', env: ENV, timeout: 30_000 });

describe('fish -- COMMAND off a terminal', () => {
  it('passes stdout and stderr through untouched, each on its own stream, with its status', () => {
    const run = fish('--', 'sh', '-c', 'printf out; echo err >&2; printf " tail"; exit 3');
    expect(run.status).toBe(3);
    expect(run.stdout).toBe('out tail');
    expect(run.stderr).toBe(
      `- sh -c printf out; echo err >&2; printf " tail"; exit 3\nerr\n✖ sh -c printf out; echo err >&2; printf " tail"; exit 3 (exit 3)\n`,
    );
    expect(run.stderr + run.stdout).not.toContain('\u001b');
  });

  it("says '✔ TEXT' for status 0, with --text", () => {
    const run = fish('--text', 'build', '--', 'true');
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('- build\n✔ build\n');
  });

  it('passes stdin through to the command', () => {
    const run = spawnSync(process.execPath, [FISH_BIN, '--', 'cat'], {
      encoding: 'utf8',
      env: ENV,
      input: 'from stdin\n',
    });
    expect(run.stdout).toBe('from stdin\n');
  });

  it('says one fish: line and gives 127 for a command not found', () => {
    const run = fish('--', 'no-such-command-13');
    expect(run.status).toBe(127);
    expect(run.stderr).toBe('fish: no-such-command-13: command not found\n');
  });

  it('says one fish: line and gives 126 for a file that cannot be run', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fish-command-'));
    const file = join(dir, 'script');
    writeFileSync(file, '#!/bin/sh\necho hi\n');
    chmodSync(file, 0o644);
    const run = fish('--', file);
    expect(run.status).toBe(126);
    expect(run.stderr).toBe(`fish: ${file}: permission denied\n`);
    expect(fish('--', dir).stderr).toBe(`fish: ${dir}: is a folder\n`);
    expect(fish('--', join(dir, 'absent')).status).toBe(127);
  });

  it("quotes a command's control characters in its text, never writing them", () => {
    const run = fish('--', 'sh', '-c', 'exit 0', '\u001b[2J');
    expect(run.stderr).not.toContain('\u001b');
  });

  it('passes SIGTERM on to the command, then reports it and exits 143', async () => {
    const child = spawn(process.execPath, [FISH_BIN, '--text', 'wait', '--', 'sleep', '30'], {
      env: ENV,
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      // Started: the first line is out. Once: a second SIGTERM, after the command ended, is fish's.
      if (stderr === '' && chunk.toString().startsWith('- wait\n')) child.kill('SIGTERM');
      stderr += chunk.toString();
    });
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(status).toBe(143);
    expect(stderr).toBe('- wait\n✖ wait (signal SIGTERM)\n');
  }, 30_000);
});
