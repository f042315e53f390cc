/** The shell modes' options on the command line (issue 13). */
import { describe, expect, it } from 'vitest';
import { parseCli, UsageError } from '../../src/cli/args.js';

const refusal = (argv: string[]): string => {
  try {
    parseCli(argv);
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  throw new Error(`accepted: ${argv.join(' ')}`);
};

describe('the shell modes', () => {
  it('takes everything after -- as the command, options of its own included', () => {
    const options = parseCli(['--text', 'x', '--', 'ls', '-la', '--', '--pipe']);
    expect(options.command).toEqual(['ls', '-la', '--', '--pipe']);
    expect(options.text).toBe('x');
  });
  it('reads --total with binary suffixes', () => {
    expect(parseCli(['--pipe', '--total', '2G']).total).toBe(2 * 1024 ** 3);
    expect(parseCli(['--progress', '--total', '120']).total).toBe(120);
  });
  it('refuses what it would ignore, in one line naming the option', () => {
    expect(refusal(['--'])).toBe('-- needs a command to run after it');
    expect(refusal(['--pipe', '--progress'])).toBe('--progress does not go with --pipe');
    expect(refusal(['--pipe', '--', 'ls'])).toBe('--pipe does not go with a command');
    expect(refusal(['--aquarium', '--pipe'])).toBe('--aquarium does not go with --pipe');
    expect(refusal(['--total', '5'])).toBe('--total goes with --pipe or --progress');
    expect(refusal(['--text', 'x'])).toBe(
      '--text goes with --pipe, --progress or a command after --',
    );
    expect(refusal(['--total', '5', '--', 'ls'])).toBe('--total does not go with a command');
    expect(refusal(['--pipe', '--total', '2GB'])).toMatch(/^--total must be a whole number/);
    expect(refusal(['--pipe', '--duration', '3'])).toBe('--duration does not go with --pipe');
  });
});
