/**
 * The second judge for what a user sees around Ctrl+Z, `fg` and typing: tmux, a real
 * terminal, running an interactive bash that runs `fish`; keys sent with `send-keys`, the
 * screen read back with `capture-pane`. (A small private helper; tmux runs on a server of its
 * own, on a socket of this file's.)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FISH_BIN } from '../helpers/pty.js';
import { waterLineRow } from '../helpers/tank.js';

const BASS = /(>\)\)'>|<'\(\(<)/;
const DIR = mkdtempSync(join(tmpdir(), 'fish-tmux-signals-'));
const SOCKET = join(DIR, 'socket');
const COLS = 60;

/** Run tmux on this file's server; its output. */
const tmux = (...args: string[]): string =>
  execFileSync('tmux', ['-S', SOCKET, '-f', '/dev/null', ...args], { encoding: 'utf8' });

afterAll(() => {
  try {
    tmux('kill-server');
  } catch {
    // No server left.
  }
});

/** A tmux window running an interactive bash (prompt `$ `, `$FISH` the launcher). */
interface Pane {
  /** The visible screen, one string per row, trailing blanks trimmed. */
  screen(): string[];
  /** Whether the cursor is visible, and the alternate screen on. */
  state(): { cursor: boolean; alternate: boolean };
  /** Type text literally. */
  type(text: string): void;
  /** Press keys by tmux's names (`C-z`, `Enter`). */
  press(...keys: string[]): void;
  /** Paste text, as a terminal pastes it: all at once, tmux feeding it as the program reads. */
  paste(text: string): void;
  /** Wait (polling) until `test` holds; fails after `timeout` ms with the screen. */
  waitFor(test: (lines: string[]) => boolean, timeout?: number): Promise<void>;
  close(): void;
}

let panes = 0;

async function openPane(): Promise<Pane> {
  const target = `t${panes++}`;
  tmux(
    'new-session',
    '-d',
    '-s',
    target,
    '-x',
    String(COLS),
    '-y',
    '14',
    '-e',
    'HISTFILE=/dev/null',
    '-e',
    `FISH=${FISH_BIN}`,
    // Through env: tmux runs the command with sh, which would set a PS1 of its own.
    "env 'PS1=$ ' bash --norc --noprofile -i",
  );
  const pane: Pane = {
    screen: () =>
      tmux('capture-pane', '-p', '-t', target)
        .split('\n')
        .slice(0, -1)
        .map((line) => line.trimEnd()),
    state() {
      const [cursor, alternate] = tmux(
        'display',
        '-p',
        '-t',
        target,
        '#{cursor_flag} #{alternate_on}',
      )
        .trim()
        .split(' ');
      return { cursor: cursor === '1', alternate: alternate === '1' };
    },
    type: (text) => void tmux('send-keys', '-t', target, '-l', text),
    press: (...keys) => void tmux('send-keys', '-t', target, ...keys),
    paste(text) {
      // Through a file: a command line holds only so much.
      const file = join(DIR, `${target}.paste`);
      writeFileSync(file, text);
      tmux('load-buffer', '-b', target, file);
      tmux('paste-buffer', '-d', '-b', target, '-t', target);
    },
    async waitFor(test, timeout = 5000) {
      const deadline = Date.now() + timeout;
      while (!test(pane.screen())) {
        if (Date.now() > deadline)
          throw new Error(`timed out waiting; screen was:\n${pane.screen().join('\n')}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    close: () => void tmux('kill-session', '-t', target),
  };
  await pane.waitFor(atPrompt);
  return pane;
}

const inked = (lines: string[]): string[] => lines.filter((line) => line !== '');
const atPrompt = (lines: string[]): boolean => inked(lines).at(-1) === '$';
const fishLines = (lines: string[]): string[] => lines.filter((line) => BASS.test(line));
const stopped = (lines: string[]): boolean =>
  lines.some((line) => line.startsWith('[1]+  Stopped')) && atPrompt(lines);

/** Let some frames be drawn: the screen changes `times` times. */
async function frames(pane: Pane, times = 3): Promise<void> {
  for (let i = 0; i < times; i++) {
    const before = pane.screen().join('\n');
    await pane.waitFor((lines) => lines.join('\n') !== before);
  }
}

describe('in tmux', () => {
  it('inline: typed keys never echo; Ctrl+Z clears the strip and shows the cursor; after fg the job lines stay, one strip; Ctrl+C 130', async () => {
    const pane = await openPane();
    try {
      pane.type('node "$FISH" --bob 0 --fps 25');
      pane.press('Enter');
      await pane.waitFor((lines) => fishLines(lines).length === 1 && !pane.state().cursor);
      pane.type('hello');
      pane.press('Enter');
      await frames(pane);
      expect(pane.screen().join('\n')).not.toContain('hello');
      expect(fishLines(pane.screen())).toHaveLength(1);

      pane.press('C-z');
      await pane.waitFor(stopped);
      expect(pane.state().cursor).toBe(true);
      expect(fishLines(pane.screen())).toEqual([]);

      pane.type('fg');
      pane.press('Enter');
      await pane.waitFor((lines) => fishLines(lines).length === 1 && !pane.state().cursor);
      await frames(pane);
      const lines = pane.screen();
      expect(fishLines(lines)).toHaveLength(1);
      expect(lines.findIndex((line) => BASS.test(line))).toBeGreaterThan(lines.indexOf('$ fg'));
      expect(lines.findIndex((line) => line.startsWith('[1]+  Stopped'))).toBeGreaterThan(0);

      pane.type('world');
      pane.press('Enter');
      await frames(pane);
      expect(pane.screen().join('\n')).not.toContain('world');

      pane.press('C-c');
      await pane.waitFor(atPrompt);
      pane.type('echo "status $?"');
      pane.press('Enter');
      await pane.waitFor((screen) => screen.includes('status 130'));
      expect(fishLines(pane.screen())).toEqual([]);
      expect(pane.state().cursor).toBe(true);
    } finally {
      pane.close();
    }
  });

  it('aquarium: Ctrl+Z gives the shell’s screen back; after fg keys do not echo and q quits at once', async () => {
    const pane = await openPane();
    const tank = (lines: string[]): boolean =>
      waterLineRow(lines, COLS) >= 0 && pane.state().alternate && !pane.state().cursor;
    try {
      pane.type('node "$FISH" --aquarium --seed 7 --fps 25');
      pane.press('Enter');
      await pane.waitFor(tank);
      pane.press('C-z');
      await pane.waitFor((lines) => !pane.state().alternate && stopped(lines));
      expect(pane.state().cursor).toBe(true);

      pane.type('fg');
      pane.press('Enter');
      await pane.waitFor(tank);
      pane.type('%%%%');
      await frames(pane);
      expect(pane.screen().join('\n')).not.toContain('%%%%');
      pane.type('q');
      await pane.waitFor((lines) => !pane.state().alternate && atPrompt(lines), 3000);
      pane.type('echo "status $?"');
      pane.press('Enter');
      await pane.waitFor((screen) => screen.includes('status 0'));
      expect(pane.state().cursor).toBe(true);
    } finally {
      pane.close();
    }
  });

  it('aquarium: a paste of 20,000 spaces costs no frame each, and q after it quits at once', async () => {
    const pane = await openPane();
    try {
      pane.type('node "$FISH" --aquarium --seed 7');
      pane.press('Enter');
      await pane.waitFor((lines) => waterLineRow(lines, COLS) >= 0 && pane.state().alternate);
      pane.paste(' '.repeat(20_000));
      pane.type('q');
      await pane.waitFor((lines) => !pane.state().alternate && atPrompt(lines), 5000);
    } finally {
      pane.close();
    }
  });
});
