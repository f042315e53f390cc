/**
 * tmux as a second judge: a private tmux server (its own socket in a temporary folder, so
 * tests run in parallel and never touch a user's tmux), one pane of a given size running a
 * given command, keys sent with `send-keys`, resizes with `resize-window`, and the screen read
 * back with `capture-pane` and `display -p`.
 *
 * tmux re-wraps rows when a pane narrows, as VTE, iTerm2 and kitty do, and unlike xterm.js it
 * re-wraps the cursor's own row too: a program tuned to xterm.js's habits shows its debris
 * here. The server is configured deliberately (see {@link TMUX_CONFIG}), with the defaults real
 * users have left as they are (scroll-on-clear on).
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The tmux server's configuration: only what the tests rely on, each line with its reason. */
export const TMUX_CONFIG = [
  // No status line: the pane is the whole window, so resize-window sizes the pane exactly.
  'set -g status off',
  // Enough history that nothing the tests look for scrolls out of tmux's memory.
  'set -g history-limit 10000',
  // Keys reach the program at once (no wait to tell a lone ESC from a sequence).
  'set -g escape-time 0',
  // A pane whose command ended stays, so that its exit status can be read.
  'set -g remain-on-exit on',
  // scroll-on-clear is left at its default (on), as users have it.
].join('\n');

/** The tmux binary the tests run. */
export const TMUX = process.env.FISH_TEST_TMUX ?? 'tmux';

/** Whether tmux can be run here, and its version line (`tmux 3.3a`). */
export function tmuxVersion(): string | undefined {
  const result = spawnSync(TMUX, ['-V'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

/** The state of the pane, read in one go with the screen (see {@link TmuxPane.snapshot}). */
export interface TmuxState {
  readonly cols: number;
  readonly rows: number;
  /** The cursor on the visible screen, 0-based. */
  readonly cursorX: number;
  readonly cursorY: number;
  /** Whether the cursor is visible (DECTCEM). */
  readonly cursorVisible: boolean;
  /** Whether the alternate screen is active. */
  readonly alternate: boolean;
  /** Rows in tmux's history (scrollback), above the visible screen. */
  readonly historySize: number;
  /** The process id of the pane's command. */
  readonly pid: number;
  /** Whether the pane's command has ended; then its status or the signal that ended it. */
  readonly dead: boolean;
  readonly deadStatus: number | undefined;
  readonly deadSignal: number | undefined;
}

/** The pane's screen and history, read atomically (one tmux command list). */
export interface TmuxSnapshot extends TmuxState {
  /** The visible rows, trailing blanks trimmed (`capture-pane -p`). */
  readonly screen: string[];
  /**
   * History and screen as logical lines, soft-wrapped rows joined back
   * (`capture-pane -p -J -S - -E -`), trailing blanks trimmed.
   */
  readonly lines: string[];
  /**
   * The same logical lines with trailing blanks kept as tmux reports them: a logical line of
   * `n` cells spans `max(1, ceil(n / cols))` rows (wrapped rows are full).
   */
  readonly rawLines: string[];
}

/** Options of {@link startTmux}. */
export interface TmuxOptions {
  readonly cols: number;
  readonly rows: number;
  /** The pane's command and arguments (run directly, not through a shell). */
  readonly command: readonly string[];
  /** The pane's environment, added to the server's (this process's, rid of CI variables). */
  readonly env?: Readonly<Record<string, string>>;
  /** The pane's working directory (default: this process's). */
  readonly cwd?: string;
}

/** A pane of a private tmux server. */
export interface TmuxPane {
  /** The temporary folder holding the server's socket and configuration. */
  readonly folder: string;
  /** Run a tmux command on this server (the target is not added). */
  tmux(args: readonly string[]): Promise<string>;
  /** Send keys by tmux's names (`Enter`, `C-c`, `C-z`, `C-\\`). */
  sendKeys(...keys: string[]): Promise<void>;
  /** Type text literally (`send-keys -l`). */
  type(text: string): Promise<void>;
  /** Resize the window (and so the pane), as a terminal window resizes. */
  resize(cols: number, rows: number): Promise<void>;
  /** The screen, the history and the pane's state, in one consistent read. */
  snapshot(): Promise<TmuxSnapshot>;
  /** Poll (no fixed sleeps) until `test` holds for a snapshot; rejects after `timeout` ms with the screen. */
  waitFor(
    test: (snapshot: TmuxSnapshot) => boolean,
    timeout?: number,
    what?: string,
  ): Promise<TmuxSnapshot>;
  /** Close the pane (`kill-pane`): its pty's master is closed, as when a terminal window closes. */
  killPane(): Promise<void>;
  /** End the server and remove its folder; safe to call more than once, and after a failure. */
  close(): Promise<void>;
}

/** The format `display -p` prints for {@link TmuxState}, fields separated by spaces. */
const STATE_FORMAT = [
  '#{pane_width}',
  '#{pane_height}',
  '#{cursor_x}',
  '#{cursor_y}',
  '#{cursor_flag}',
  '#{alternate_on}',
  '#{history_size}',
  '#{pane_pid}',
  '#{pane_dead}',
  '#{?pane_dead_status,#{pane_dead_status},-}',
  '#{?pane_dead_signal,#{pane_dead_signal},-}',
].join(' ');

/** A line no program in the tests writes, between the parts of one snapshot's output. */
const SEPARATOR = 'FISH-TEST-SNAPSHOT-PART';

const optionalNumber = (field: string): number | undefined =>
  field === '-' || field === '' ? undefined : Number(field);

/**
 * Start a private tmux server with one detached session of `cols × rows` running `command`.
 *
 * @param options - size, command, environment
 * @returns the pane; call `close()` in a `finally`
 */
export async function startTmux(options: TmuxOptions): Promise<TmuxPane> {
  const folder = mkdtempSync(join(tmpdir(), 'fish-tmux-'));
  const socket = join(folder, 'socket');
  const config = join(folder, 'tmux.conf');
  writeFileSync(config, `${TMUX_CONFIG}\n`);
  let closed = false;

  const tmux = (args: readonly string[]): Promise<string> =>
    new Promise((resolve, reject) => {
      execFile(
        TMUX,
        ['-u', '-S', socket, '-f', config, ...args],
        { encoding: 'utf8', timeout: 10_000, maxBuffer: 64 * 1024 * 1024 },
        (error, stdout, stderr) => {
          if (error) reject(new Error(`tmux ${args.join(' ')}: ${stderr.trim() || error.message}`));
          else resolve(stdout);
        },
      );
    });

  const envArgs = Object.entries(options.env ?? {}).flatMap(([key, value]) => [
    '-e',
    `${key}=${value}`,
  ]);
  await tmux([
    'new-session',
    '-d',
    '-s',
    'judge',
    '-x',
    String(options.cols),
    '-y',
    String(options.rows),
    '-c',
    options.cwd ?? process.cwd(),
    ...envArgs,
    '--',
    ...options.command,
  ]);

  const pane: TmuxPane = {
    folder,
    tmux,
    async sendKeys(...keys) {
      await tmux(['send-keys', '-t', 'judge', ...keys]);
    },
    async type(text) {
      await tmux(['send-keys', '-t', 'judge', '-l', text]);
    },
    async resize(cols, rows) {
      // resize-window on a detached session sets the window's window-size option to manual.
      await tmux(['resize-window', '-t', 'judge', '-x', String(cols), '-y', String(rows)]);
    },
    async snapshot() {
      // One tmux client for the three reads, so that they see the same moment.
      const out = await tmux([
        ...['display', '-p', '-t', 'judge', STATE_FORMAT],
        ...[';', 'display', '-p', SEPARATOR],
        ...[';', 'capture-pane', '-p', '-t', 'judge'],
        ...[';', 'display', '-p', SEPARATOR],
        ...[';', 'capture-pane', '-p', '-J', '-S', '-', '-E', '-', '-t', 'judge'],
      ]);
      const [stateText, screenText, linesText] = out.split(`${SEPARATOR}\n`);
      const fields = stateText.trim().split(' ');
      const [cols, rows, cursorX, cursorY, cursorFlag, alternate, historySize, pid, dead] = fields
        .slice(0, 9)
        .map(Number);
      const rawLines = linesText.replace(/\n$/, '').split('\n');
      return {
        cols,
        rows,
        cursorX,
        cursorY,
        cursorVisible: cursorFlag === 1,
        alternate: alternate === 1,
        historySize,
        pid,
        dead: dead === 1,
        deadStatus: optionalNumber(fields[9]),
        deadSignal: optionalNumber(fields[10]),
        screen: screenText
          .replace(/\n$/, '')
          .split('\n')
          .map((line) => line.trimEnd()),
        lines: rawLines.map((line) => line.trimEnd()),
        rawLines,
      };
    },
    async waitFor(test, timeout = 5000, what = 'the screen') {
      const deadline = Date.now() + timeout;
      for (;;) {
        const snapshot = await pane.snapshot();
        if (test(snapshot)) return snapshot;
        if (Date.now() > deadline)
          throw new Error(
            `tmux: timed out after ${timeout} ms waiting for ${what}; screen was:\n${snapshot.screen.join('\n')}`,
          );
        await new Promise((resolve) => setTimeout(resolve, 40));
      }
    },
    async killPane() {
      await tmux(['kill-pane', '-t', 'judge']);
    },
    async close() {
      if (closed) return;
      closed = true;
      // The server may already be gone (its last pane closed): that is fine.
      await tmux(['kill-server']).catch(() => undefined);
      rmSync(folder, { recursive: true, force: true });
    },
  };
  return pane;
}
