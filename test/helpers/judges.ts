/**
 * The judges: real terminals that run an interactive shell, type into it, resize it and read
 * its screen back, behind one interface, so that a scenario is written once and judged by each.
 *
 * - `tmux`: a pane of a private tmux server (test/helpers/tmux.ts). It re-wraps rows on
 *   resize, the cursor's row included, and pushes rows a re-wrap adds into its history.
 * - `xterm.js`: a pseudo-terminal mirrored into @xterm/headless with Unicode 11 widths
 *   (test/helpers/pty.ts). It re-wraps every row but the cursor's.
 * - `xterm.js, truncating`: the same with reflow off, as the X11 xterm, the Linux console and
 *   older Windows consoles behave (see createTerminal's `reflow`).
 *
 * Each runs `bash --norc --noprofile` with a fixed prompt (`$ `), a PATH where `fish` is this
 * checkout's bin/fish.cjs and `host NAME` runs test/fixtures/NAME.mjs, core dumps off, and a
 * PROMPT_COMMAND that appends each command's exit status to a file, so the status of what a
 * test typed can be read whatever the judge.
 */
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { codePointWidth } from '../../src/art/width.js';
import { FISH_BIN, runInPty, type PtyRun } from './pty.js';
import { startTmux, type TmuxPane, type TmuxSnapshot } from './tmux.js';

/** The host programs of library scenarios. */
export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** The shell's prompt (PS1). */
export const PROMPT = '$ ';

/** One logical line: a line as written, its soft-wrapped rows joined back. */
export interface ScreenLine {
  /** The text, trailing blanks trimmed. */
  readonly text: string;
  /** Its first row, counted from the oldest row of the history (0). */
  readonly firstRow: number;
  /** How many rows it spans. */
  readonly rowCount: number;
}

/** What a judge shows at one moment. */
export interface Snapshot {
  /** The judge's name, for messages. */
  readonly judge: string;
  readonly cols: number;
  readonly rows: number;
  /** History and screen as logical lines, oldest first. */
  readonly lines: readonly ScreenLine[];
  /** Rows in the history, above the visible screen (absolute row of the screen's top row). */
  readonly historyRows: number;
  /** Every row of history and screen by absolute row (trailing blanks trimmed). */
  readonly rowTexts: readonly string[];
  /** The visible rows (clipped at the right edge, trailing blanks trimmed), each with the index of its logical line. */
  readonly screen: readonly { readonly text: string; readonly line: number }[];
  /** The cursor on the visible screen, 0-based, and whether it is shown. */
  readonly cursor: { readonly row: number; readonly col: number; readonly visible: boolean };
  /** Whether the alternate screen is active. */
  readonly alternate: boolean;
}

/** Keys by name, as both judges can send them. */
export type Key = 'Enter' | 'C-c' | 'C-z' | 'C-\\';

/** The bytes a key sends (for the pty judge). */
const KEY_BYTES: Record<Key, string> = {
  Enter: '\r',
  'C-c': '\u0003',
  'C-z': '\u001a',
  'C-\\': '\u001c',
};

/** A terminal running the test shell. */
export interface Session {
  /** The judge's name. */
  readonly judge: string;
  /** Whether the judge re-wraps rows on resize. */
  readonly reflows: boolean;
  /** The session's own folder: the shell's FISH_TEST_DIR (statuses, pids, files the hosts are told by). */
  readonly dir: string;
  /** The narrowest width the terminal has had (a truncating terminal clips host lines to it). */
  readonly narrowest: number;
  snapshot(): Promise<Snapshot>;
  /** Type text literally. */
  type(text: string): Promise<void>;
  keys(...keys: Key[]): Promise<void>;
  resize(cols: number, rows: number): Promise<void>;
  /** Close the terminal: its pty master is closed (a window closed, a tmux pane killed). */
  closeTerminal(): Promise<void>;
  /** The shell's process id. */
  shellPid(): Promise<number>;
  /** End everything (the terminal, its processes, the folder); safe after a failure. */
  dispose(): Promise<void>;
}

/** A kind of terminal that opens sessions. */
export interface Judge {
  readonly name: string;
  readonly reflows: boolean;
  open(cols: number, rows: number): Promise<Session>;
}

/** Display width of a string, as the judges count cells (Unicode 11). */
export function cellWidth(text: string): number {
  let width = 0;
  for (const char of text) width += codePointWidth(char.codePointAt(0) ?? 0);
  return width;
}

/** The exit statuses the shell has recorded so far (the first is its first prompt's 0). */
export function statuses(session: Session): number[] {
  const path = join(session.dir, 'status');
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map(Number);
}

/** The processes whose parent is `pid` (from /proc). */
export function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command may hold spaces and parentheses: the fields after its last ')' are fixed.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) children.push(Number(entry));
    } catch {
      // Ended while we looked.
    }
  }
  return children;
}

/** `pid`'s descendants, deepest last. */
function descendantsOf(pid: number): number[] {
  const children = childrenOf(pid);
  return [...children, ...children.flatMap(descendantsOf)];
}

/** End what a terminal's shell still runs (a stopped job, a program that ignored SIGHUP). */
function killDescendants(pid: number): void {
  for (const descendant of descendantsOf(pid)) {
    try {
      process.kill(descendant, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

/** The session folder with its bin/ (fish, host, hangup-status), and the command that starts the shell. */
function prepareFolder(): { dir: string; command: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'fish-judge-'));
  const bin = join(dir, 'bin');
  const scripts: Record<string, string> = {
    // exec: the shell's child is Node itself, so signals and job control reach fish directly.
    fish: `#!/bin/sh\nexec "${process.execPath}" "${FISH_BIN}" "$@"\n`,
    host: `#!/bin/sh\nname=$1; shift\nexec "${process.execPath}" "${FIXTURES}$name.mjs" "$@"\n`,
    // Runs a command with its stderr in a file and records its exit status in another,
    // surviving the terminal's hangup itself (a trap, which its child does not inherit; with
    // --ignore, SIGHUP is ignored, which the child does inherit, as under nohup).
    'hangup-status': [
      '#!/bin/bash',
      'if [ "$1" = --ignore ]; then shift; trap "" HUP; else trap : HUP; fi',
      '"$@" 2>"$FISH_TEST_DIR/stderr"',
      'echo $? >"$FISH_TEST_DIR/hangup-status"',
      '',
    ].join('\n'),
  };
  mkdirSync(bin);
  for (const [name, text] of Object.entries(scripts)) {
    writeFileSync(join(bin, name), text);
    chmodSync(join(bin, name), 0o755);
  }
  const env = {
    FISH_TEST_DIR: dir,
    PATH: `${bin}:${process.env.PATH ?? '/usr/bin:/bin'}`,
    PS1: PROMPT,
    PS2: '> ',
    PROMPT_COMMAND: 'echo $? >>"$FISH_TEST_DIR/status"',
    HISTFILE: '/dev/null',
  };
  // The environment is set by the command itself (tmux sets PATH from its client whatever
  // new-session -e says); no core files in the working tree when a process dumps core.
  const assignments = Object.entries(env).map(([key, value]) => `${key}=${value}`);
  return {
    dir,
    command: [
      '/usr/bin/env',
      ...assignments,
      '/bin/sh',
      '-c',
      'ulimit -c 0; exec bash --norc --noprofile',
    ],
  };
}

/** Wait until the shell shows its first prompt and has recorded its first status. */
async function waitForShell(session: Session): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const snapshot = await session.snapshot();
    if (statuses(session).length > 0 && snapshot.screen[0]?.text === PROMPT.trimEnd()) return;
    if (Date.now() > deadline)
      throw new Error(
        `${session.judge}: the shell did not start; screen:\n${snapshot.screen.map((r) => r.text).join('\n')}`,
      );
    await new Promise((resolve) => setTimeout(resolve, 30));
  }
}

/**
 * A logical line cut into the rows it spans in a terminal `cols` wide: wrapped rows are full,
 * and a wide glyph that does not fit in a row's last cell starts the next one.
 */
function splitRows(line: string, cols: number): string[] {
  const rows: string[] = [];
  let row = '';
  let width = 0;
  for (const char of line) {
    const w = cellWidth(char);
    if (width + w > cols) {
      rows.push(row);
      row = '';
      width = 0;
    }
    row += char;
    width += w;
  }
  rows.push(row);
  return rows;
}

/** A tmux snapshot as a judge's snapshot: logical lines placed on rows. */
function fromTmux(raw: TmuxSnapshot): Snapshot {
  if (raw.alternate) {
    // capture-pane reads the alternate screen alone: one line per row.
    return {
      judge: 'tmux',
      cols: raw.cols,
      rows: raw.rows,
      historyRows: 0,
      alternate: true,
      lines: raw.screen.map((text, row) => ({ text, firstRow: row, rowCount: 1 })),
      rowTexts: raw.screen,
      screen: raw.screen.map((text, row) => ({ text, line: row })),
      cursor: { row: raw.cursorY, col: raw.cursorX, visible: raw.cursorVisible },
    };
  }
  const lines: ScreenLine[] = [];
  const lineOfRow: number[] = [];
  const rowTexts: string[] = [];
  let row = 0;
  for (const [index, rawLine] of raw.rawLines.entries()) {
    const pieces = splitRows(rawLine, raw.cols);
    lines.push({ text: raw.lines[index], firstRow: row, rowCount: pieces.length });
    for (const piece of pieces) {
      lineOfRow.push(index);
      rowTexts.push(piece.trimEnd());
    }
    row += pieces.length;
  }
  if (row !== raw.historySize + raw.rows) {
    throw new Error(
      `tmux judge: ${row} rows from capture-pane -J, but history ${raw.historySize} + screen ${raw.rows}:\n${raw.rawLines.map((l) => JSON.stringify(l)).join('\n')}`,
    );
  }
  // The visible rows as tmux draws them; the history's as the joined lines were cut.
  raw.screen.forEach((text, r) => (rowTexts[raw.historySize + r] = text));
  return {
    judge: 'tmux',
    cols: raw.cols,
    rows: raw.rows,
    historyRows: raw.historySize,
    alternate: false,
    lines,
    rowTexts,
    screen: raw.screen.map((text, r) => ({ text, line: lineOfRow[raw.historySize + r] })),
    cursor: { row: raw.cursorY, col: raw.cursorX, visible: raw.cursorVisible },
  };
}

/** An xterm.js buffer as a judge's snapshot. */
function fromXterm(run: PtyRun, name: string, reflows: boolean): Snapshot {
  const { term } = run;
  const buffer = term.buffer.active;
  const cols = term.cols;
  const rowText = (y: number, trim: boolean): string => {
    const text = buffer.getLine(y)?.translateToString(false, 0, cols) ?? '';
    // Written blanks count as content for xterm.js's own trimming: trim them here.
    return trim ? text.trimEnd() : text.padEnd(cols);
  };
  const lines: ScreenLine[] = [];
  const lineOfRow: number[] = [];
  for (let y = 0; y < buffer.length;) {
    let text = rowText(y, false);
    let rowCount = 1;
    // A truncating terminal joins nothing: each row is a line (its wrap flags are heuristics).
    while (reflows && buffer.getLine(y + rowCount)?.isWrapped === true)
      text += rowText(y + rowCount++, false);
    lines.push({ text: text.trimEnd(), firstRow: y, rowCount });
    for (let k = 0; k < rowCount; k++) lineOfRow.push(lines.length - 1);
    y += rowCount;
  }
  const rowTexts = Array.from({ length: buffer.length }, (_, y) => rowText(y, true));
  const screen = Array.from({ length: term.rows }, (_, r) => ({
    text: rowTexts[buffer.baseY + r],
    line: lineOfRow[buffer.baseY + r],
  }));
  return {
    judge: name,
    cols,
    rows: term.rows,
    historyRows: buffer.baseY,
    lines,
    rowTexts,
    screen,
    cursor: { row: buffer.cursorY, col: buffer.cursorX, visible: run.cursorVisible() },
    alternate: buffer.type === 'alternate',
  };
}

/** tmux 3.3: re-wraps every row, the cursor's included. */
export const tmuxJudge: Judge = {
  name: 'tmux',
  reflows: true,
  async open(cols, rows) {
    const { dir, command } = prepareFolder();
    let narrowest = cols;
    let pane: TmuxPane | undefined;
    try {
      pane = await startTmux({ cols, rows, command });
    } catch (error) {
      rmSync(dir, { recursive: true, force: true });
      throw error;
    }
    const tmux = pane;
    const shell = (await tmux.snapshot()).pid;
    const session: Session = {
      judge: 'tmux',
      reflows: true,
      dir,
      get narrowest() {
        return narrowest;
      },
      snapshot: async () => fromTmux(await tmux.snapshot()),
      type: (text) => tmux.type(text),
      keys: (...keys) => tmux.sendKeys(...keys),
      async resize(newCols, newRows) {
        narrowest = Math.min(narrowest, newCols);
        await tmux.resize(newCols, newRows);
      },
      closeTerminal: () => tmux.killPane(),
      shellPid: async () => shell,
      async dispose() {
        killDescendants(shell);
        await tmux.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
    await waitForShell(session);
    return session;
  },
};

/** An xterm.js judge, re-wrapping (as xterm.js does) or truncating. */
function makeXtermJudge(reflows: boolean): Judge {
  const name = reflows ? 'xterm.js' : 'xterm.js, truncating';
  return {
    name,
    reflows,
    async open(cols, rows) {
      const { dir, command } = prepareFolder();
      const run = runInPty(command.slice(1), {
        command: command[0],
        cols,
        rows,
        scrollback: 10_000,
        reflow: reflows,
      });
      let narrowest = cols;
      let closed = false;
      const session: Session = {
        judge: name,
        reflows,
        dir,
        get narrowest() {
          return narrowest;
        },
        async snapshot() {
          await run.flush();
          return fromXterm(run, name, reflows);
        },
        type: async (text) => run.type(text),
        keys: async (...keys) => run.type(keys.map((key) => KEY_BYTES[key]).join('')),
        async resize(newCols, newRows) {
          narrowest = Math.min(narrowest, newCols);
          run.resize(newCols, newRows);
        },
        async closeTerminal() {
          closed = true;
          run.closeTerminal();
        },
        shellPid: async () => run.pty.pid,
        async dispose() {
          killDescendants(run.pty.pid);
          if (!closed) run.close();
          run.term.dispose();
          rmSync(dir, { recursive: true, force: true });
        },
      };
      try {
        await waitForShell(session);
      } catch (error) {
        await session.dispose();
        throw error;
      }
      return session;
    },
  };
}

/** xterm.js as it is: re-wraps every row but the cursor's. */
export const xtermJudge = makeXtermJudge(true);
/** xterm.js with reflow off: a truncating terminal. */
export const truncatingXtermJudge = makeXtermJudge(false);
