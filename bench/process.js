/**
 * Whole-process figures, as a user would see them: each command runs in a pseudo-terminal of
 * the given size under GNU time for a few seconds, then gets a Ctrl+C (a host, SIGTERM). Its
 * CPU (user + system, all threads) comes from /proc once it has settled, its peak RSS from GNU
 * time, the bytes it wrote from the pty. The commands take turns run after run (interleaved),
 * so that a burst of load on the machine hits all alike; each figure is the median of the
 * runs, with their spread (lowest to highest).
 */
import { spawn } from '@lydell/node-pty';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const FISH = fileURLToPath(new URL('../bin/fish.cjs', import.meta.url));
/** The package's entry, as `import 'fish'` finds it. */
const PACKAGE = fileURLToPath(new URL('../dist/bundle/index.js', import.meta.url));
/**
 * A host program: node running `code` as an ES module, kept alive as a host at work would be
 * (fish's timers never keep a process alive), and ended by SIGTERM (see runInPty).
 */
const host = (code) => ['--input-type=module', '-e', `${code} setInterval(() => {}, 1e9);`];
/** Seconds each command runs: GNU time counts CPU in 10 ms ticks. */
const SECONDS = 10;
const RUNS = 3;
const FPS = 12.5;

/** What GNU time prints at the end: a marker, then user and system seconds and peak KiB. */
const TIME_FORMAT = 'FISH-BENCH %U %S %M';
const TIME_LINE = /FISH-BENCH ([\d.]+) ([\d.]+) (\d+)/;

/** Seconds left out at the start of the CPU and byte counts: start-up and the first frame. */
const SETTLE = 2;

/**
 * CPU milliseconds a process has used so far, summed over its threads (V8's collector runs
 * on helper threads), from each thread's schedstat: nanoseconds on a CPU, where /proc's other
 * counts are ticks of 10 ms, which over a few seconds is most of a figure. Undefined once the
 * process is gone.
 */
function cpuMsOf(pid) {
  try {
    let nanoseconds = 0;
    for (const thread of readdirSync(`/proc/${pid}/task`)) {
      try {
        nanoseconds += Number(
          readFileSync(`/proc/${pid}/task/${thread}/schedstat`, 'utf8').split(' ')[0],
        );
      } catch {
        // A thread that ended while we looked.
      }
    }
    return nanoseconds / 1e6;
  } catch {
    return undefined;
  }
}

/** The child of process `pid` (node, under GNU time), found by its parent in /proc. */
function childOf(pid) {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The parent's pid is the second field after the command's closing parenthesis.
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) return Number(entry);
    } catch {
      // A process that ended while we looked.
    }
  }
  return undefined;
}

/**
 * Run `args` (after `node`) in a `cols`x`rows` pty for `seconds`, then Ctrl+C: its CPU
 * milliseconds, peak RSS in MiB and the bytes it wrote before the Ctrl+C.
 */
function runInPty(args, { cols, rows, seconds = SECONDS, stop = 'ctrl-c' }) {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, TERM: 'xterm-256color' };
    delete env.CI;
    delete env.NO_COLOR;
    // GNU time ignores the Ctrl+C while it waits, and reports once the command has ended.
    const child = spawn('/usr/bin/time', ['-f', TIME_FORMAT, process.execPath, ...args], {
      cols,
      rows,
      env,
    });
    // Bytes and CPU are counted after SETTLE seconds: the first frame and start-up left out.
    let bytes = 0;
    let counting = false;
    let tail = '';
    child.onData((data) => {
      if (counting) bytes += Buffer.byteLength(data);
      tail = (tail + data).slice(-400);
    });
    let settled;
    let cpuMs;
    setTimeout(() => {
      counting = true;
      settled = cpuMsOf(childOf(child.pid));
    }, SETTLE * 1000);
    // A command that ends by itself (`node -e 0`) is not interrupted.
    if (seconds > 0)
      setTimeout(() => {
        counting = false;
        cpuMs = cpuMsOf(childOf(child.pid)) - settled;
        // A host is ended by SIGTERM: ora reads Ctrl+C from the keyboard itself and only emits
        // a 'SIGINT' event, which ends nothing without a listener.
        const pid = childOf(child.pid);
        if (stop === 'SIGTERM' && pid !== undefined) process.kill(pid, 'SIGTERM');
        else child.write('\u0003');
      }, seconds * 1000);
    // The pty's last output may come after the exit: GNU time's line is read a moment later.
    child.onExit(() => setTimeout(report, 200));
    function report() {
      const match = TIME_LINE.exec(tail);
      if (match === null) reject(new Error(`no figures from ${args.join(' ')}: ${tail}`));
      else
        resolve({
          // From the settled second on: the whole run's (GNU time's) holds the start-up too.
          cpuMs: cpuMs ?? (Number(match[1]) + Number(match[2])) * 1000,
          rssMiB: Number(match[3]) / 1024,
          bytes,
        });
    }
  });
}

/** The commands measured, each with the pty it runs in. */
const COMMANDS = [
  {
    name: 'idle node timer (80 ms)',
    args: ['-e', 'setInterval(() => {}, 80)'],
    cols: 80,
    rows: 24,
  },
  { name: 'node -e 0', args: ['-e', '0'], cols: 80, rows: 24, once: true },
  { name: 'fish (inline bass, 80x24)', args: [FISH], cols: 80, rows: 24 },
  // Spinners with a text, the same frames at the same fps (12.5, ora's 80 ms interval): the
  // library against ora, and log-update redrawing a line of the same text each 80 ms.
  {
    name: "fish('Working').start() (library)",
    args: host(`import { fish } from ${JSON.stringify(PACKAGE)}; fish('Working').start();`),
    cols: 80,
    rows: 24,
    stop: 'SIGTERM',
  },
  {
    name: "ora('Working').start() (peer)",
    args: host("import ora from 'ora'; ora('Working').start();"),
    cols: 80,
    rows: 24,
    stop: 'SIGTERM',
  },
  {
    name: 'log-update, a frame each 80 ms (peer)',
    args: host(
      "import logUpdate from 'log-update'; const f = ['-', '\\\\', '|', '/']; let i = 0; setInterval(() => logUpdate(f[i++ % 4] + ' Working'), 80);",
    ),
    cols: 80,
    rows: 24,
    stop: 'SIGTERM',
  },
  { name: 'fish --aquarium 200x50', args: [FISH, '--aquarium'], cols: 200, rows: 50 },
  {
    name: 'fish --aquarium 200x50 --color never',
    args: [FISH, '--aquarium', '--color', 'never'],
    cols: 200,
    rows: 50,
  },
];

const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];

/** `median (lowest-highest)` of `values`, with `digits` decimals. */
function spread(values, digits) {
  const sorted = [...values].sort((a, b) => a - b);
  const fixed = (value) => value.toFixed(digits);
  return `${fixed(median(sorted))} (${fixed(sorted[0])}-${fixed(sorted.at(-1))})`;
}

/** Every command's runs, interleaved: RUNS rounds, each running every command once. */
async function interleavedRuns() {
  const runs = new Map(COMMANDS.map(({ name }) => [name, []]));
  for (let round = 0; round < RUNS; round++) {
    for (const command of COMMANDS) {
      const seconds = command.once === true ? 0 : SECONDS;
      runs.get(command.name).push(await runInPty(command.args, { ...command, seconds }));
    }
  }
  return runs;
}

/**
 * Print the whole-process table: CPU ms per second above an idle Node timer, bytes per frame,
 * peak RSS over `node -e 0`.
 *
 * @param {Function} table - prints a table
 */
export async function processTable(table) {
  const runs = await interleavedRuns();
  const idle = runs.get(COMMANDS[0].name);
  const bare = runs.get('node -e 0');
  const rows = [];
  for (const { name, once } of COMMANDS) {
    const mine = runs.get(name);
    // Each run against the idle timer's and bare node's of the same round.
    const aboveIdle = mine.map((run, i) => (run.cpuMs - idle[i].cpuMs) / (SECONDS - SETTLE));
    const overBare = mine.map((run, i) => run.rssMiB - bare[i].rssMiB);
    // Everything but the baselines (the idle timer, bare node) animates.
    const animates = !name.startsWith('idle') && once !== true;
    rows.push([
      name,
      once === true
        ? ''
        : spread(
            mine.map((run) => run.cpuMs / (SECONDS - SETTLE)),
            2,
          ),
      animates ? spread(aboveIdle, 2) : '',
      animates
        ? spread(
            mine.map((run) => run.bytes / ((SECONDS - SETTLE) * FPS)),
            0,
          )
        : '',
      spread(
        mine.map((run) => run.rssMiB),
        1,
      ),
      animates ? `+${spread(overBare, 1)}` : '',
    ]);
  }
  table(
    `Whole process in a pty, ${SECONDS} s each, ${RUNS} interleaved runs: median (lowest-highest)`,
    ['command', 'CPU ms/s', 'above idle timer', 'bytes/frame', 'peak RSS MiB', 'over node -e 0'],
    rows,
  );
}
