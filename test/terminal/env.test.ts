import { describe, expect, it } from 'vitest';
import { canAnimate, ciVariable, colorEnabled, isCI, stillReason } from '../../src/terminal/env.js';

const tty = { isTTY: true };
const pipe = { isTTY: false };

describe('colorEnabled', () => {
  it('obeys always and never whatever the environment says', () => {
    expect(colorEnabled('always', pipe, { NO_COLOR: '1' })).toBe(true);
    expect(colorEnabled('never', tty, { FORCE_COLOR: '1' })).toBe(false);
  });

  it('in auto, honours NO_COLOR first, then FORCE_COLOR, then the TTY', () => {
    expect(colorEnabled('auto', tty, {})).toBe(true);
    expect(colorEnabled('auto', pipe, {})).toBe(false);
    expect(colorEnabled('auto', tty, { NO_COLOR: '1' })).toBe(false);
    expect(colorEnabled('auto', tty, { NO_COLOR: '' })).toBe(true);
    expect(colorEnabled('auto', tty, { NO_COLOR: '1', FORCE_COLOR: '1' })).toBe(false);
    expect(colorEnabled('auto', pipe, { FORCE_COLOR: '1' })).toBe(true);
    expect(colorEnabled('auto', tty, { FORCE_COLOR: '0' })).toBe(false);
    expect(colorEnabled('auto', tty, { FORCE_COLOR: 'false' })).toBe(false);
    expect(colorEnabled('auto', tty, { TERM: 'dumb' })).toBe(false);
  });
});

describe('canAnimate and isCI', () => {
  it('animates only on a TTY whose TERM is not dumb', () => {
    expect(canAnimate(tty, { TERM: 'xterm-256color' })).toBe(true);
    expect(canAnimate(tty, { TERM: 'dumb' })).toBe(false);
    expect(canAnimate(pipe, {})).toBe(false);
  });

  it('animates nothing under CI even on a TTY, the one rule of the CLI and the library', () => {
    expect(canAnimate(tty, { TERM: 'xterm', CI: '1' })).toBe(false);
    expect(canAnimate(tty, { TERM: 'xterm', CI: 'false' })).toBe(true);
    expect(stillReason(tty, { TERM: 'xterm', GITHUB_ACTIONS: 'true' })).toBe('ci');
    expect(stillReason(tty, { TERM: 'dumb', CI: '1' })).toBe('dumb');
    expect(stillReason(pipe, { CI: '1' })).toBe('not-a-terminal');
    expect(stillReason({ isTTY: true, columns: 0 }, {})).toBe('not-a-terminal');
    expect(stillReason(tty, { TERM: 'xterm' })).toBeUndefined();
    expect(ciVariable({ CI: '', TF_BUILD: 'True' })).toBe('TF_BUILD');
  });

  it('recognises the usual CI variables', () => {
    expect(isCI({})).toBe(false);
    expect(isCI({ CI: 'true' })).toBe(true);
    expect(isCI({ CI: 'false' })).toBe(false);
    expect(isCI({ GITHUB_ACTIONS: 'true' })).toBe(true);
    expect(isCI({ BUILDKITE: 'true' })).toBe(true);
  });
});
