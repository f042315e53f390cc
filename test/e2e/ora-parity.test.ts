/**
 * ora parity: one host script (test/fixtures/ora-parity.mjs), run against fish and against ora
 * where their APIs overlap, with stdout and stderr pipes (not a TTY); the two outputs must be
 * the same, line by line. One difference is allowed, in fish's favour: ora colours its status
 * symbols on a pipe whenever TERM says the terminal has colours (log-symbols asks yoctocolors,
 * which asks the environment and not the stream), where fish writes not one escape byte off a
 * TTY; ora's SGR is removed before comparing.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const HOST = fileURLToPath(new URL('../fixtures/ora-parity.mjs', import.meta.url));

/** The environment of both runs: a colour terminal's TERM (test/setup.ts removed CI and colour overrides). */
function environment(): NodeJS.ProcessEnv {
  return { ...process.env, TERM: 'xterm-256color' };
}

/** Run the host against `library`, stdout and stderr piped. */
function run(library: 'fish' | 'ora'): { stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [HOST, library], {
    encoding: 'utf8',
    env: environment(),
    timeout: 20_000,
  });
  expect(result.status, result.stderr).toBe(0);
  return { stdout: result.stdout, stderr: result.stderr };
}

const SGR = new RegExp(String.raw`\u001b\[[0-9;]*m`, 'g');
const lines = (text: string): string[] => text.replace(SGR, '').split('\n');

describe('ora parity, off a TTY', () => {
  it('writes what ora writes, line by line, and not one escape byte', () => {
    const fish = run('fish');
    const ora = run('ora');
    expect(fish.stdout + fish.stderr).not.toContain('\u001b');
    expect(lines(fish.stderr)).toEqual(lines(ora.stderr));
    expect(lines(fish.stdout)).toEqual(lines(ora.stdout));
    // The script did run through: its lines are there.
    expect(lines(fish.stderr)).toContain('[2/6] - Second (fast)');
    expect(lines(fish.stderr)).toContain('✖ Failed');
    expect(lines(fish.stdout)).toEqual(['- On stdout', '✔ On stdout', '']);
  });
});
