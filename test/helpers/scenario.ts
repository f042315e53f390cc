/**
 * Scenarios written once and judged by every terminal (test/helpers/judges.ts): a command typed
 * at a shell's prompt, steps (wait for a state, resize, type keys, signal, tell a host program
 * what to do) and the checks that say what "correct" means in any terminal:
 *
 * - while an inline animation runs, once a resize has settled: the host's lines are in the
 *   terminal, in order, each exactly once (the terminal may have pushed some into its history,
 *   and may have re-wrapped them), then exactly one strip right below the host's last line, and
 *   nothing else: no creature copy, no blank gap, no debris;
 * - after the program ends: the host's lines, then the shell's own lines if any (`^C`, a job
 *   line), then the prompt directly, nothing below it, the cursor shown on the prompt, the
 *   normal screen.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { sleep } from './wait.js';
import { join } from 'node:path';
import { expect } from 'vitest';
import {
  cellWidth,
  childrenOf,
  PROMPT,
  statuses,
  type Judge,
  type Key,
  type Session,
  type Snapshot,
} from './judges.js';

/** A line the host (or the shell) writes, as a judge should show it. */
export interface HostLine {
  /** For messages. */
  readonly label: string;
  /** Whether `shown` (trailing blanks trimmed) is this line, in a terminal that reflows or not. */
  readonly matches: (shown: string, session: Session) => boolean;
  /** May be absent (a key's echo that the terminal writes only in some states). */
  readonly optional?: boolean;
  /** A partial line (no newline): after the program ends, the shell's prompt may follow on it. */
  readonly partial?: string;
}

/**
 * A line written exactly. A truncating terminal shows it clipped at the narrowest width it has
 * had (its cells past the edge are lost), so there it may read as such a prefix.
 */
export function line(text: string): HostLine {
  return {
    label: JSON.stringify(text),
    matches(shown, session) {
      if (shown === text) return true;
      return !session.reflows && clippedForms(text, session.narrowest).includes(shown);
    },
  };
}

/** The forms of `text` clipped at `narrowest` columns or more, trailing blanks trimmed. */
function clippedForms(text: string, narrowest: number): string[] {
  const forms: string[] = [];
  for (let cut = narrowest; cut < text.length; cut++) forms.push(text.slice(0, cut).trimEnd());
  return forms;
}

/**
 * A partial line the host wrote (no newline). It must stay; after the program ends the prompt
 * may follow on the line below it or, where the cursor was put back after it, on it.
 */
export function partial(text: string): HostLine {
  return {
    label: `partial ${JSON.stringify(text)}`,
    matches: (shown) => shown === text.trimEnd() || shown === `${text}${PROMPT.trimEnd()}`,
    partial: text,
  };
}

/** A line that matches a pattern (a shell's job line, whose spacing is the shell's). */
export function like(pattern: RegExp): HostLine {
  return { label: String(pattern), matches: (shown) => pattern.test(shown) };
}

/** A line that may be absent: a key's echo, written only where the cursor happened to be. */
export function maybe(pattern: RegExp): HostLine {
  return {
    label: `maybe ${String(pattern)}`,
    matches: (shown) => pattern.test(shown),
    optional: true,
  };
}

/** What the strip of an inline animation looks like. */
export interface Strip {
  /** Its rows: the art's height plus twice the bob. */
  readonly height: number;
  /** How many of its rows hold ink at once (the art's height). */
  readonly inked: number;
  /** One inked row, whole: the creature (and the animation's text), nothing else. */
  readonly row: RegExp;
}

/** Pieces of the bass, either way round: none may be on the screen but in the one strip. */
export const BASS_PIECES = /<'\(|\(\(<|>\)\)|\)\)'|'>/;

/** The bass alone on a row of the strip. */
export const BASS_ROW = /^ *(>\)\)'>|<'\(\(<)$/;

/** Where a scenario's host lines are in a snapshot: the first logical line of the block, and one past its last. */
interface HostBlock {
  readonly start: number;
  readonly end: number;
}

/**
 * Find the host's lines: consecutive logical lines (optional ones may be missing), exactly one
 * such block in history and screen.
 *
 * @returns the block, or the faults
 */
function findHostBlock(
  snapshot: Snapshot,
  host: readonly HostLine[],
  session: Session,
  skippable: (index: number) => boolean = () => false,
): HostBlock | string[] {
  const texts = snapshot.lines.map((l) => l.text);
  const matchAt = (start: number): number | undefined => {
    let at = start;
    for (const expected of host) {
      // Inside the block, lines that may be left in the history (the terminal pushed them
      // there) stand between the host's lines without breaking them apart.
      let probe = at;
      while (
        probe > start &&
        probe < texts.length &&
        skippable(probe) &&
        !expected.matches(texts[probe], session)
      )
        probe++;
      if (probe < texts.length && expected.matches(texts[probe], session)) at = probe + 1;
      else if (!expected.optional) return undefined;
    }
    return at;
  };
  const blocks: HostBlock[] = [];
  for (let start = 0; start < texts.length; start++) {
    const end = matchAt(start);
    if (end !== undefined && end > start) blocks.push({ start, end });
  }
  if (blocks.length === 1) return blocks[0];
  if (blocks.length > 1)
    return [
      `the host's lines are shown ${blocks.length} times (at lines ${blocks.map((b) => b.start).join(', ')})`,
    ];
  // Say which line is missing: the longest run of the host's lines found in order.
  const missing = host.find(
    (expected) => !expected.optional && !texts.some((text) => expected.matches(text, session)),
  );
  return [
    missing
      ? `a host line is erased: ${missing.label} is nowhere in history or screen`
      : `the host's lines are not together in order (${host.map((h) => h.label).join(', ')}): something was inserted between them or one was changed`,
  ];
}

/** The faults of the lines above the host's: the buffer starts with the command line. */
function faultsAbove(snapshot: Snapshot, block: HostBlock): string[] {
  return snapshot.lines
    .slice(0, block.start)
    .filter((l) => l.text !== '')
    .map(
      (l) =>
        `debris above the host's lines, row ${l.firstRow - snapshot.historyRows}: ${JSON.stringify(l.text)}`,
    );
}

/**
 * What may be in the terminal's history below the host's lines, rows no cursor move can reach:
 *
 * - `'blank'`: blank rows only. A narrowing re-wraps rows and pushes the top rows of the screen
 *   into the history, host rows first; a scenario with this policy keeps enough host rows above
 *   the strip (or does not narrow) that the terminal cannot push an inked row of the strip so.
 *   An inked row there was put by the program: by writing past the bottom row, or by an erase
 *   down from the top-left corner, which tmux (scroll-on-clear, on by default) turns into a
 *   scroll of the screen into the history.
 * - `'any'`: anything. The narrowing may re-wrap the strip so that the terminal itself pushes
 *   rows holding the creature into its history before the program hears of the resize
 *   (issue 9: such rows cannot be erased). The visible screen must still be exact.
 */
export type HistoryBelowHost = 'blank' | 'any';

/** The absolute row right below the host's last line. */
function hostEnd(snapshot: Snapshot, block: HostBlock): number {
  const last = snapshot.lines[block.end - 1];
  return last.firstRow + last.rowCount;
}

/**
 * The absolute row where what follows the host's lines must begin: right below them, or the
 * screen's top row when every row between is in the history and may be left there.
 */
function stripTop(snapshot: Snapshot, block: HostBlock, history: HistoryBelowHost): number {
  const end = hostEnd(snapshot, block);
  if (end >= snapshot.historyRows) return end;
  const between = snapshot.rowTexts.slice(end, snapshot.historyRows);
  return history === 'any' || between.every((text) => text === '') ? snapshot.historyRows : end;
}

/** The rows below the host's lines that are checked (row by row: a strip may be one soft-wrapped line). */
function rowsBelow(
  snapshot: Snapshot,
  block: HostBlock,
  history: HistoryBelowHost,
): { readonly row: number; readonly text: string }[] {
  const end = hostEnd(snapshot, block);
  const below: { row: number; text: string }[] = [];
  for (
    let row = history === 'any' ? Math.max(end, snapshot.historyRows) : end;
    row < snapshot.rowTexts.length;
    row++
  ) {
    below.push({ row, text: snapshot.rowTexts[row] });
  }
  return below;
}

/**
 * What is wrong with the screen of a running inline animation (empty when correct): the host's
 * lines once, in order, then exactly one strip right below them, then blank rows.
 */
export function inlineFaults(
  snapshot: Snapshot,
  host: readonly HostLine[],
  strip: Strip,
  session: Session,
  history: HistoryBelowHost,
): string[] {
  if (snapshot.alternate) return ['the alternate screen is active'];
  const block = findHostBlock(snapshot, host, session);
  if (Array.isArray(block)) return block;
  const faults = faultsAbove(snapshot, block);
  const top = stripTop(snapshot, block, history);
  let inked = 0;
  for (const { row: absolute, text } of rowsBelow(snapshot, block, history)) {
    if (text === '') continue;
    const row = absolute - snapshot.historyRows;
    const where = `row ${row}${row < 0 ? ' (in the history)' : ''}`;
    if (absolute >= top + strip.height) {
      const kind = strip.row.test(text) ? 'a creature' : 'debris';
      faults.push(
        `${kind} outside the strip's place (rows ${top - snapshot.historyRows}..${top - snapshot.historyRows + strip.height - 1}, right below the host's last line), ${where}: ${JSON.stringify(text)}`,
      );
    } else if (!strip.row.test(text))
      faults.push(`a strip row that is not one whole creature, ${where}: ${JSON.stringify(text)}`);
    else if (row < 0)
      faults.push(
        `a creature left in the history below the host's lines, ${where}: ${JSON.stringify(text)}`,
      );
    else inked++;
  }
  if (inked !== strip.inked && faults.length === 0)
    faults.push(`${inked} inked strip rows, expected ${strip.inked}`);
  return faults;
}

/**
 * What is wrong with the screen after the program ended and the shell took over (empty when
 * correct): the host's lines, the shell's, then the prompt directly, and nothing below it.
 */
export function exitFaults(
  snapshot: Snapshot,
  host: readonly HostLine[],
  session: Session,
  history: HistoryBelowHost,
): string[] {
  const faults: string[] = [];
  if (snapshot.alternate) faults.push('the alternate screen is still active');
  if (!snapshot.cursor.visible) faults.push('the cursor is hidden');
  // Lines wholly in the history that may be left there are passed over.
  const leftInHistory = (l: Snapshot['lines'][number]): boolean =>
    l.firstRow + l.rowCount <= snapshot.historyRows && (history === 'any' || l.text === '');
  // When the terminal pushed the host's lines into its history, tmux may leave a blank row at
  // the top of the screen on widening again: above the cursor, where no program can reach
  // without erasing a user's line (measured after a resize storm). Passed over only where
  // history is 'any', and only blank.
  const blankAtTop = (l: Snapshot['lines'][number]): boolean =>
    history === 'any' && l.text === '' && l.firstRow === snapshot.historyRows;
  const block = findHostBlock(snapshot, host, session, (index) => {
    const l = snapshot.lines[index];
    return leftInHistory(l) || blankAtTop(l);
  });
  if (Array.isArray(block)) return [...faults, ...block];
  faults.push(...faultsAbove(snapshot, block));
  // The prompt on the host's partial line, where the program put the cursor back after it.
  const last = snapshot.lines[block.end - 1];
  const glued = host.find(
    (h) => h.partial !== undefined && last.text === `${h.partial}${PROMPT.trimEnd()}`,
  );
  const below = snapshot.lines.slice(block.end).filter((l) => !leftInHistory(l));
  const after = glued ? [last, ...below] : below;
  const promptText = glued ? last.text : PROMPT.trimEnd();
  const promptCol = glued ? cellWidth(`${glued.partial}${PROMPT}`) : PROMPT.length;
  const prompt = after[0];
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- after[0] may be past the end
  if (prompt?.text !== promptText) {
    const gap = after.findIndex((l) => l.text === PROMPT.trimEnd());
    faults.push(
      gap > 0
        ? `the prompt does not follow the host's last line: ${after
            .slice(0, gap)
            .map((l) => JSON.stringify(l.text))
            .join(', ')} between them`
        : // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- as above
          `no prompt after the host's last line (next: ${JSON.stringify(prompt?.text)})`,
    );
    return faults;
  }
  if (!glued && prompt.firstRow !== stripTop(snapshot, block, history)) {
    faults.push(
      `a blank gap of ${prompt.firstRow - stripTop(snapshot, block, history)} rows above the prompt`,
    );
  }
  for (const l of after.slice(1))
    if (l.text !== '')
      faults.push(
        `debris below the prompt, row ${l.firstRow - snapshot.historyRows}: ${JSON.stringify(l.text)}`,
      );
  const promptRow = prompt.firstRow - snapshot.historyRows;
  if (snapshot.cursor.row !== promptRow || snapshot.cursor.col !== promptCol) {
    faults.push(
      `the cursor is at ${snapshot.cursor.row},${snapshot.cursor.col}, not after the prompt at ${promptRow},${promptCol}`,
    );
  }
  return faults;
}

/** The screen as a failure message shows it: each visible row with its number. */
export function describeScreen(snapshot: Snapshot): string {
  const rows = snapshot.screen.map((r, y) => `${String(y).padStart(3)}|${r.text}`);
  const history = snapshot.lines
    .filter((l) => l.firstRow < snapshot.historyRows && l.text !== '')
    .map((l) => `   h|${l.text}`);
  return [
    `${snapshot.judge}, ${snapshot.cols}x${snapshot.rows}, cursor ${snapshot.cursor.row},${snapshot.cursor.col} ${snapshot.cursor.visible ? 'shown' : 'hidden'}${snapshot.alternate ? ', alternate screen' : ''}, history ${snapshot.historyRows} rows:`,
    ...history.slice(-8),
    ...rows,
  ].join('\n');
}

/** A step of a scenario. */
export type Step =
  | { readonly kind: 'swimming'; readonly what?: string; readonly condition?: () => Condition }
  | { readonly kind: 'tank' }
  | {
      readonly kind: 'resize';
      readonly cols: number;
      readonly rows: number;
      readonly check: boolean;
    }
  | {
      readonly kind: 'storm';
      readonly sizes: readonly (readonly [number, number])[];
      readonly apartMs: number;
    }
  | { readonly kind: 'keys'; readonly keys: readonly Key[] }
  | { readonly kind: 'type'; readonly text: string }
  | { readonly kind: 'typed'; readonly text: string }
  | { readonly kind: 'signal'; readonly signal: NodeJS.Signals }
  | { readonly kind: 'tell'; readonly what: string }
  | { readonly kind: 'host'; readonly lines: readonly HostLine[] }
  | {
      readonly kind: 'exits';
      readonly status: number | readonly number[];
      readonly within?: number;
      readonly shell: readonly HostLine[];
    }
  | { readonly kind: 'close' }
  | { readonly kind: 'hangup'; readonly status: number }
  | {
      readonly kind: 'check';
      readonly what: string;
      readonly check: (snapshot: Snapshot, session: Session) => string[] | Promise<string[]>;
    };

/**
 * A test of a running animation, called with every snapshot and whether that snapshot was
 * correct: it may remember what it has seen.
 */
export type Condition = (snapshot: Snapshot, correct: boolean) => boolean;

/**
 * Wait until the animation is drawn and correct, and (if given) `what` holds: `condition()`
 * makes its test afresh for each run.
 */
export const swimming = (what?: string, condition?: () => Condition): Step => ({
  kind: 'swimming',
  what,
  condition,
});
/** Wait until the aquarium's tank is drawn in the alternate screen. */
export const tank = (): Step => ({ kind: 'tank' });
/** Resize; then (unless `check` is false) the screen must be correct once the size settles. */
export const resize = (cols: number, rows: number, check = true): Step => ({
  kind: 'resize',
  cols,
  rows,
  check,
});
/** Resizes `apartMs` apart, then the screen must be correct once the last has settled. */
export const storm = (sizes: readonly (readonly [number, number])[], apartMs: number): Step => ({
  kind: 'storm',
  sizes,
  apartMs,
});
export const keys = (...names: Key[]): Step => ({ kind: 'keys', keys: names });
/** Type text (no Enter). */
export const type = (text: string): Step => ({ kind: 'type', text });
/** Type a command at the shell's prompt and Enter: the prompt line becomes a host line. */
export const typed = (text: string): Step => ({ kind: 'typed', text });
/** Send a signal to the program the shell runs (its one child). */
export const signal = (name: NodeJS.Signals): Step => ({ kind: 'signal', signal: name });
/** Tell a host program to go on (it waits for a file of this name in FISH_TEST_DIR). */
export const tell = (what: string): Step => ({ kind: 'tell', what });
/** Lines the host (or the shell) has written since, to be shown from now on. */
export const host = (...lines: HostLine[]): Step => ({ kind: 'host', lines });
/**
 * The command ends (or stops) with `status`, or one of them (within `within` ms), and the
 * shell's lines (`shell`) then its prompt follow the host's directly.
 */
export const exits = (
  status: number | readonly number[],
  shell: readonly HostLine[] = [],
  within?: number,
): Step => ({ kind: 'exits', status, shell, within });
/** Close the terminal (its pty master). */
export const closeTerminal = (): Step => ({ kind: 'close' });
/** After the terminal closed: `hangup-status` recorded `status`, and nothing was written on stderr. */
export const hangup = (status: number): Step => ({ kind: 'hangup', status });
/** A check of the scenario's own; returns faults. */
export const check = (
  what: string,
  fn: (snapshot: Snapshot, session: Session) => string[] | Promise<string[]>,
): Step => ({ kind: 'check', what, check: fn });

/** A scenario: the command typed at the prompt, what it writes, what it draws, the steps. */
export interface Scenario {
  /** The test's name: the defect it proves. */
  readonly name: string;
  readonly cols: number;
  readonly rows: number;
  /** Typed at the prompt, then Enter. */
  readonly command: string;
  /** The lines the command writes before (and while) it animates, after the command line. */
  readonly output: readonly HostLine[];
  /** The inline animation's strip (none for the aquarium). */
  readonly strip?: Strip;
  readonly steps: readonly Step[];
  /** What may be left in the history below the host's lines (default `'blank'`). */
  readonly history?: HistoryBelowHost;
  /** Whether the scenario resizes, so that a truncating terminal has something to say (default: it has a resize step). */
  readonly resizes?: boolean;
}

/** Whether a scenario resizes the terminal. */
export const resizes = (scenario: Scenario): boolean =>
  scenario.resizes ??
  scenario.steps.some((step) => step.kind === 'resize' || step.kind === 'storm');

/** How long a state may take to appear on a busy machine. */
const DEADLINE = 10_000;
/** How long a correct screen must stay correct (frames being drawn) to count as settled. */
const SETTLED = 400;
/** How long a resize may take to settle: short enough that the animation still runs at the deadline. */
const SETTLE_DEADLINE = 4000;

/**
 * Poll until `faultsOf` finds nothing, `dwell` ms in a row (0: once); throw the last faults and
 * the screen after `timeout`.
 */
async function until(
  session: Session,
  what: string,
  faultsOf: (snapshot: Snapshot) => string[],
  dwell = 0,
  timeout = DEADLINE,
): Promise<Snapshot> {
  const deadline = Date.now() + timeout;
  let cleanSince: number | undefined;
  // The first wrong screen too: by the deadline the program may have moved on (or ended).
  let first: { faults: string[]; screen: string } | undefined;
  for (;;) {
    const snapshot = await session.snapshot();
    const faults = faultsOf(snapshot);
    if (faults.length === 0) {
      cleanSince ??= Date.now();
      if (Date.now() - cleanSince >= dwell) return snapshot;
    } else {
      cleanSince = undefined;
      first ??= { faults, screen: describeScreen(snapshot) };
    }
    if (Date.now() > deadline) {
      const last = `${(faults.length > 0 ? faults : ['(correct, but not for long enough)']).join('\n  ')}\n${describeScreen(snapshot)}`;
      const earlier =
        first && first.faults.join() !== faults.join()
          ? `\nfirst seen wrong as:\n  ${first.faults.join('\n  ')}\n${first.screen}`
          : '';
      throw new Error(`${session.judge}: ${what}:\n  ${last}${earlier}`);
    }
    // Each snapshot runs a tmux client or flushes the emulator: not too often on 2 cores.
    await sleep(60);
  }
}

/** The program the shell runs: its one child process. */
async function program(session: Session): Promise<number> {
  const shell = await session.shellPid();
  const deadline = Date.now() + DEADLINE;
  for (;;) {
    const children = childrenOf(shell);
    if (children.length === 1) return children[0];
    if (Date.now() > deadline)
      throw new Error(
        `${session.judge}: expected the shell to run one program, found ${children.length}`,
      );
    await sleep(20);
  }
}

/**
 * Run a scenario in a judge: open a terminal, type the command, run the steps, close it all
 * (even when a step fails).
 *
 * @param judge - the terminal
 * @param scenario - what to do and what must hold
 */
export async function runScenario(judge: Judge, scenario: Scenario): Promise<void> {
  const session = await judge.open(scenario.cols, scenario.rows);
  try {
    const hostLines: HostLine[] = [line(`${PROMPT}${scenario.command}`), ...scenario.output];
    const history = scenario.history ?? 'blank';
    let seen = statuses(session).length;
    await session.type(scenario.command);
    await session.keys('Enter');
    const settledInline = (what: string): Promise<Snapshot> => {
      const { strip } = scenario;
      if (!strip) throw new Error(`${scenario.name}: an inline check needs the scenario's strip`);
      return until(
        session,
        what,
        (snapshot) => inlineFaults(snapshot, hostLines, strip, session, history),
        SETTLED,
        SETTLE_DEADLINE,
      );
    };
    for (const step of scenario.steps) {
      switch (step.kind) {
        case 'swimming': {
          const { strip } = scenario;
          if (!strip) throw new Error(`${scenario.name}: swimming needs the scenario's strip`);
          // The condition sees every snapshot (it may remember them), correct or not.
          const condition = step.condition?.();
          await until(
            session,
            `the animation drawn below the host's lines${step.what ? `, ${step.what}` : ''}`,
            (snapshot) => {
              const faults = inlineFaults(snapshot, hostLines, strip, session, history);
              const holds = condition?.(snapshot, faults.length === 0) ?? true;
              return faults.length === 0 && !holds
                ? [`not yet: ${step.what ?? 'the condition'}`]
                : faults;
            },
          );
          break;
        }
        case 'tank':
          await until(session, 'the tank drawn in the alternate screen', (snapshot) =>
            !snapshot.alternate
              ? ['not in the alternate screen']
              : snapshot.screen.filter((r) => r.text.trim() !== '').length < snapshot.rows / 2
                ? ['the tank is not drawn']
                : [],
          );
          break;
        case 'resize':
          await session.resize(step.cols, step.rows);
          if (step.check)
            await settledInline(`after resizing to ${step.cols}x${step.rows}, once settled`);
          else {
            // Nothing to check at this size (a strip lower than the terminal cannot be whole):
            // give the program the time to draw here before the next step. Any timing must
            // leave a correct screen, so this wait cannot make a correct program fail.
            await until(
              session,
              `the terminal at ${step.cols}x${step.rows}`,
              (s) => (s.cols === step.cols && s.rows === step.rows ? [] : ['not resized yet']),
              SETTLED,
            );
          }
          break;
        case 'storm':
          for (const [cols, rows] of step.sizes) {
            await session.resize(cols, rows);
            await sleep(step.apartMs);
          }
          await settledInline(
            `after ${step.sizes.length} resizes ${step.apartMs} ms apart (${step.sizes.map(([c, r]) => `${c}x${r}`).join(' ')}), once settled`,
          );
          break;
        case 'keys':
          await session.keys(...step.keys);
          break;
        case 'type':
          await session.type(step.text);
          break;
        case 'typed':
          seen = statuses(session).length;
          await session.type(step.text);
          await session.keys('Enter');
          hostLines.push(line(`${PROMPT}${step.text}`));
          break;
        case 'signal':
          process.kill(await program(session), step.signal);
          break;
        case 'tell':
          writeFileSync(join(session.dir, step.what), '');
          break;
        case 'host':
          hostLines.push(...step.lines);
          break;
        case 'exits': {
          const within = step.within ?? DEADLINE;
          const deadline = Date.now() + within;
          while (statuses(session).length <= seen && Date.now() < deadline) await sleep(25);
          const recorded = statuses(session);
          if (recorded.length <= seen) {
            throw new Error(
              `${session.judge}: the command did not end (or stop) within ${within} ms\n${describeScreen(await session.snapshot())}`,
            );
          }
          const expected = typeof step.status === 'number' ? [step.status] : step.status;
          if (!expected.includes(recorded[seen])) {
            throw new Error(
              `${session.judge}: exit status ${recorded[seen]}, expected ${expected.join(' or ')}\n${describeScreen(await session.snapshot())}`,
            );
          }
          seen++;
          hostLines.push(...step.shell);
          await until(
            session,
            "after it ended: the host's lines, then the prompt directly, nothing else",
            (snapshot) => exitFaults(snapshot, hostLines, session, history),
            0,
            3000,
          );
          break;
        }
        case 'close':
          await session.closeTerminal();
          break;
        case 'hangup': {
          const path = join(session.dir, 'hangup-status');
          const deadline = Date.now() + DEADLINE;
          while (!existsSync(path) && Date.now() < deadline) await sleep(25);
          if (!existsSync(path))
            throw new Error(
              `${session.judge}: the program did not end within ${DEADLINE} ms of the terminal closing`,
            );
          // The status is written by a shell after its command ended: wait for the whole line.
          let status = '';
          while (!status.endsWith('\n') && Date.now() < deadline) {
            status = readFileSync(path, 'utf8');
            await sleep(10);
          }
          const stderr = readFileSync(join(session.dir, 'stderr'), 'utf8');
          expect(
            { status: Number(status), stderr },
            `${session.judge}: how it ended after the terminal closed`,
          ).toEqual({ status: step.status, stderr: '' });
          break;
        }
        case 'check': {
          const snapshot = await session.snapshot();
          const faults = await step.check(snapshot, session);
          if (faults.length > 0)
            throw new Error(
              `${session.judge}: ${step.what}:\n  ${faults.join('\n  ')}\n${describeScreen(snapshot)}`,
            );
          break;
        }
      }
    }
  } finally {
    await session.dispose();
  }
}
