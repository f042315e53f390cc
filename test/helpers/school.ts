/**
 * Issue 14, a school of tasks in one region, as scenarios that every judge runs
 * (test/e2e/school.test.ts for xterm.js, test/tmux/school.test.ts for tmux): tasks ending in a
 * random order, more tasks than rows, the host's lines while it runs, resizes, Ctrl+C. The
 * host program is test/fixtures/school.mjs.
 */
import {
  exits,
  host,
  keys,
  line,
  like,
  maybe,
  resize,
  swimming,
  tell,
  type HostLine,
  type Scenario,
  type Strip,
} from './scenario.js';

/**
 * A row of a school: a task's fish (any of the built-in fish it cycles through, either way
 * round) and its text, its status line, or the fold's line.
 */
const SCHOOL_ROW = /^( *[<>'(){}*]{3,7} +task \d+|[✔+] task \d+ done|(…|\.\.\.) and \d+ more)$/;

/** A school of `rows` rows. */
const strip = (rows: number): Strip => ({ height: rows, inked: rows, row: SCHOOL_ROW });

/** The success lines of tasks `from` to `to`, in that order. */
function done(from: number, to: number): HostLine[] {
  return Array.from({ length: to - from + 1 }, (_, i) =>
    like(new RegExp(`^[✔+] task ${from + i} done$`)),
  );
}

/** The shell's echo of Ctrl+C, left where the cursor was if nothing erased it. */
const CTRL_C_ECHO = maybe(/^\^C$/);

/** Every scenario of issue 14. */
export const SCHOOL_SCENARIOS: readonly Scenario[] = [
  {
    name: '5 tasks ending in a random order: 5 status lines, in the order added',
    cols: 60,
    rows: 20,
    command: 'host school five',
    output: [],
    strip: strip(5),
    steps: [swimming(), tell('end'), host(...done(1, 5)), exits(0)],
  },
  {
    name: '30 tasks in a 10-row terminal: the rows that fit and a fold line, never a scroll; every status line once',
    cols: 40,
    rows: 10,
    command: 'host school thirty',
    output: [],
    strip: strip(10),
    steps: [
      swimming(
        'nine tasks and the fold line',
        () => (snapshot) => snapshot.screen.at(-1)?.text.match(/^(…|\.\.\.) and 21 more$/) !== null,
      ),
      tell('end'),
      host(...done(1, 30)),
      exits(0),
    ],
  },
  {
    name: "the host's lines while it runs land above the school, whole and in order",
    cols: 60,
    rows: 20,
    command: 'host school host',
    output: [],
    strip: strip(3),
    steps: [
      swimming(),
      tell('log'),
      host(line('log 1'), line('log 2'), line('log 3')),
      swimming('below the log lines'),
      tell('end'),
      host(...done(1, 3)),
      exits(0),
    ],
  },
  {
    name: 'resized narrower, lower and wider while it runs: one school below the command, then its status lines',
    cols: 60,
    rows: 20,
    command: 'host school resize',
    output: [line('one'), line('two'), line('three'), line('four')],
    strip: strip(3),
    steps: [
      swimming(),
      resize(40, 20),
      resize(40, 12),
      resize(70, 16),
      tell('end'),
      host(...done(1, 3)),
      exits(0),
    ],
  },
  {
    name: 'Ctrl+C: the region cleared, the ended task’s status line kept, the cursor shown, status 130',
    cols: 60,
    rows: 20,
    command: 'host school interrupt',
    output: [],
    strip: strip(3),
    steps: [
      swimming(),
      keys('C-c'),
      host(CTRL_C_ECHO, like(/^[✔+] task 2 done$/)),
      exits(130, [CTRL_C_ECHO]),
    ],
  },
];
