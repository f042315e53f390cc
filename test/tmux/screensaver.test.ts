/**
 * `fish --aquarium --screensaver` judged by tmux: the tank fills the pane in the alternate
 * screen, any key ends it (a letter, an arrow key), with status 0, and the shell's screen
 * comes back exactly as it was. (How it is used: tmux's `lock-command`, see docs/aquarium.md.)
 */
import { describe, expect, it } from 'vitest';
import { FISH_BIN } from '../helpers/pty.js';
import { waterLineRow } from '../helpers/tank.js';
import { startTmux, tmuxVersion, type TmuxSnapshot } from '../helpers/tmux.js';

const version = tmuxVersion();

/** The host's lines on the shell's screen before the screensaver starts. */
const HOST = ['host line one', 'host line two'];

/** Whether the pane shows the tank: the alternate screen, with the water line's waves. */
const showsTank = (snapshot: TmuxSnapshot): boolean =>
  snapshot.alternate && waterLineRow(snapshot.screen, snapshot.cols) >= 0;

/**
 * Start the screensaver after the host's lines, press `key`, and return the pane once the
 * shell has printed the screensaver's exit status after it (the shell then waits, so that
 * its screen is read as it is, before tmux writes anything of its own on a dead pane).
 */
async function endWith(key: readonly string[]): Promise<TmuxSnapshot> {
  const run = `"$0" "$1" --aquarium --screensaver --seed 3`;
  const script = `printf '${HOST.join('\\n')}\\n'; ${run}; echo "status $?"; exec sleep 60`;
  const pane = await startTmux({
    cols: 100,
    rows: 30,
    command: ['sh', '-c', script, process.execPath, FISH_BIN],
  });
  try {
    await pane.waitFor(showsTank, 15_000, 'the tank in the alternate screen');
    await pane.sendKeys(...key);
    return await pane.waitFor(
      (snapshot) => snapshot.screen.some((line) => line.startsWith('status ')),
      10_000,
      'the screensaver to end',
    );
  } finally {
    await pane.close();
  }
}

describe(`fish --aquarium --screensaver in tmux (${version ?? 'tmux missing'})`, () => {
  it('tmux is installed (.ci/run installs it; this suite never skips)', () => {
    if (version === undefined) throw new Error('tmux is not installed: apt-get install -y tmux');
  });

  for (const [name, key] of [
    ['a letter that is not q', ['x']],
    ['an arrow key', ['Up']],
    ['Enter', ['Enter']],
  ] as const) {
    it(`ends on ${name}, status 0, the shell's screen back as it was`, async () => {
      const after = await endWith(key);
      expect(after.alternate).toBe(false);
      expect(after.cursorVisible).toBe(true);
      expect(after.historySize).toBe(0);
      expect(after.screen.slice(0, 3)).toEqual([...HOST, 'status 0']);
      expect(after.screen.slice(3).every((line) => line === '')).toBe(true);
      expect([after.cursorX, after.cursorY]).toEqual([0, 3]);
    }, 40_000);
  }
});
