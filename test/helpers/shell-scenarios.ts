/**
 * Issue 13, the fish for shell scripts: the shell modes (a command, `--pipe`, `--progress`)
 * typed at a real shell's prompt, written once and run by every judge
 * (test/e2e/shell.test.ts for xterm.js, test/tmux/shell.test.ts for tmux). The strip stays
 * below everything written (lines whole, stdout and stderr), the status line follows them,
 * the prompt follows it, and the exit status is the command's.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  check,
  exits,
  host,
  keys,
  like,
  line,
  maybe,
  swimming,
  tell,
  type Condition,
  type Scenario,
  type Strip,
} from './scenario.js';

/** The bass on its row (bob 0: one row), then `rest`. */
const FISH = String.raw`(>\)\)'>|<'\(\(<)`;
const stripOf = (rest: string): Strip => ({
  height: 1,
  inked: 1,
  row: new RegExp(`^ *${FISH} +${rest}$`),
});

/** Kill the job `host job` started (not fish: the command it runs). */
const killJob = (signal: NodeJS.Signals) =>
  check(`the command killed by ${signal}`, (_snapshot, session) => {
    process.kill(Number(readFileSync(join(session.dir, 'job.pid'), 'utf8')), signal);
    return [];
  });

/** Whether a correct screen has shown a percent strictly between 0 and 100. */
const partWay = (): Condition => (snapshot, correct) =>
  correct &&
  snapshot.screen.some((row) => {
    const percent = /(\d+)% /.exec(row.text);
    return percent !== null && Number(percent[1]) > 0 && Number(percent[1]) < 100;
  });

/**
 * Whether a correct screen has shown a count of bytes above 0 (`3/1024 KiB`, `3.0 KiB  `):
 * the producer has started writing. Before that, telling it to end could end it before its
 * first write, and nothing would go through.
 */
const bytesThrough = (): Condition => (snapshot, correct) =>
  correct &&
  snapshot.screen.some((row) => {
    // A known total shows `0% 3/1024 KiB`; an unknown one `3.0 KiB  1.2 KiB/s`.
    const count =
      /% (\d+)\//.exec(row.text) ?? /([\d.]+) (?:B|KiB) {2}[\d.]+ (?:B|KiB)\/s/.exec(row.text);
    return count !== null && Number(count[1]) > 0;
  });

const JOB_OUTPUT = [line('one'), line('two'), line('three on stderr')];

export const SHELL_SCENARIOS: readonly Scenario[] = [
  {
    name: "a command printing lines on stdout and stderr while the fish swims: the lines whole above the strip, its last partial line written when it ends, then '✔ work', status 0",
    cols: 80,
    rows: 20,
    command: 'fish --bob 0 --text work -- host job 0',
    output: JOB_OUTPUT,
    strip: stripOf('work'),
    steps: [swimming(), tell('end'), host(line('four'), line('✔ work')), exits(0)],
  },
  {
    name: "a failing command: '✖ work (exit 3)', and fish's status is the command's",
    cols: 80,
    rows: 20,
    command: 'fish --bob 0 --text work -- host job 3',
    output: JOB_OUTPUT,
    strip: stripOf('work'),
    steps: [swimming(), tell('end'), host(line('four'), line('✖ work (exit 3)')), exits(3)],
  },
  {
    name: "a killed command: '✖ work (signal SIGKILL)', status 128+9",
    cols: 80,
    rows: 20,
    command: 'fish --bob 0 --text work -- host job 0',
    output: JOB_OUTPUT,
    strip: stripOf('work'),
    steps: [swimming(), killJob('SIGKILL'), host(line('✖ work (signal SIGKILL)')), exits(137)],
  },
  {
    name: 'Ctrl+C reaches the command as a foreground job: fish outlives it, reports it, and dies by SIGINT (130)',
    cols: 80,
    rows: 20,
    command: 'fish --bob 0 --text work -- host job 0',
    output: JOB_OUTPUT,
    strip: stripOf('work'),
    steps: [
      swimming(),
      keys('C-c'),
      host(maybe(/^\^C$/), like(/^(\^C)?✖ work \(signal SIGINT\)$/)),
      // Bash's newline after a job killed by SIGINT (where `sleep` leaves its `^C` echo).
      exits(130, [line('')]),
    ],
  },
  {
    name: '--pipe with a known total: the fish follows the bytes, with percent, rate and time left; the bytes reach the next command',
    cols: 100,
    rows: 20,
    command: 'host drip | fish --pipe --bob 0 --total 1M | wc -c',
    output: [],
    strip: stripOf(String.raw`\d+% \d+/\d+ +KiB  [\d.]+ (B|KiB)/s( +\d+:\d\d left)?`),
    steps: [
      swimming('some bytes through', bytesThrough),
      tell('end'),
      host(like(/^✔ [\d.]+ KiB in [\d.]+ s, [\d.]+ (B|KiB)\/s$/), like(/^\d+$/)),
      exits(0),
    ],
  },
  {
    name: "--pipe < FILE: the file's size is the total (1024 KiB), the fish follows a slow reader",
    cols: 100,
    rows: 20,
    command:
      'head -c 1M /dev/zero > "$FISH_TEST_DIR/f"; fish --pipe --bob 0 < "$FISH_TEST_DIR/f" | host slow-read',
    output: [],
    strip: stripOf(String.raw`\d+% \d+/1024 +KiB  [\d.]+ (B|KiB|MiB)/s( +\d+:\d\d left)?`),
    steps: [
      // The count moves with each write the reader takes, not once per megabyte read.
      swimming('the count between 0% and 100%', partWay),
      tell('end'),
      host(like(/^✔ 1\.0 MiB in [\d.]+ s, [\d.]+ (KiB|MiB)\/s$/), line('1048576')),
      exits(0),
    ],
  },
  {
    name: '--pipe with an unknown total: the fish swims beside the bytes and the rate',
    cols: 100,
    rows: 20,
    command: 'host drip | fish --pipe --bob 0 | wc -c',
    output: [],
    strip: stripOf(String.raw`[\d.]+ (B|KiB)  [\d.]+ (B|KiB)/s`),
    steps: [
      swimming('some bytes through', bytesThrough),
      tell('end'),
      host(like(/^✔ [\d.]+ KiB in [\d.]+ s, [\d.]+ (B|KiB)\/s$/), like(/^\d+$/)),
      exits(0),
    ],
  },
  {
    name: "--progress with a count (4/10) and a text line (one more step): '50% 5/10' beside the fish, the text after, then '✔ 10/10'",
    cols: 80,
    rows: 20,
    command: 'host steps | fish --progress --bob 0',
    output: [],
    strip: stripOf(String.raw`50% 5/10 +copying photo\.jpg`),
    steps: [swimming(), tell('end'), host(line('✔ 10/10')), exits(0)],
  },
];
