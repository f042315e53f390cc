/**
 * Start-up: time from spawning a process in a pseudo-terminal to its first output, for bare
 * `node` writing one byte, for `fish` drawing its first frame (inline and the aquarium), and
 * for a host importing the package.
 */
import { spawn } from '@lydell/node-pty';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const FISH = fileURLToPath(new URL('../bin/fish.cjs', import.meta.url));
/** The package's entry, as `import 'fish'` finds it. */
const PACKAGE = fileURLToPath(new URL('../dist/bundle/index.js', import.meta.url));
const RUNS = 31;
/**
 * What ansi-escapes would cost the CLI as separate files, as the library imports it: the CLI's
 * bundle carries it instead (rollup.config.mjs), so the first frame does not pay this.
 */
const ESCAPES_AS_FILES = [
  '--input-type=module',
  '-e',
  "import 'ansi-escapes'; process.stdout.write('.')",
];

/**
 * Milliseconds from spawn to the first output matching `first`, in a `cols`x`rows` pty, of
 * `node` (this one by default) run with `args`.
 */
function timeToFirstOutput(args, first, cols = 80, rows = 24, node = process.execPath) {
  return new Promise((resolve, reject) => {
    const env = { ...process.env };
    delete env.CI;
    const start = performance.now();
    const child = spawn(node, args, { cols, rows, env });
    let took;
    let output = '';
    child.onData((data) => {
      if (took !== undefined) return;
      output += data;
      if (!first.test(output)) return;
      took = performance.now() - start;
      child.kill('SIGTERM');
    });
    // A first output that never comes (a pattern the art no longer shows) fails, not hangs.
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    // Settled once the process is gone: one still ending would take the CPU from the next.
    child.onExit(() => {
      clearTimeout(timer);
      if (took === undefined) reject(new Error(`no first output from ${args.join(' ')}`));
      else resolve(took);
    });
  });
}

/** A host that imports `specifier`, then writes a dot. */
const importThenDot = (specifier) =>
  `import(${JSON.stringify(specifier)}).then(() => process.stdout.write('.'))`;
/** A library host: imports the package, then writes a dot. */
const IMPORT_FISH = importThenDot(PACKAGE);
/** A host that imports `specifier` and starts its default export's spinner with a text. */
const importThenStart = (specifier) =>
  `import(${JSON.stringify(specifier)}).then(({ default: spinner }) => { spinner('Working').start(); setTimeout(() => {}, 5000); })`;
/** A module that exports nothing, and does nothing. */
const EMPTY = fileURLToPath(new URL('empty.mjs', import.meta.url));

/** What is timed, against bare node writing a dot: each run takes turns with the others. */
const COMMANDS = [
  { name: "node, importing ansi-escapes' own files", args: ESCAPES_AS_FILES, first: /\./ },
  {
    name: 'fish (inline bass, first frame; ansi-escapes bundled)',
    args: [FISH],
    first: />\)\)'>/,
  },
  {
    name: 'fish --aquarium 200x50 (first frame)',
    args: [FISH, '--aquarium'],
    // The water line's top row, in either of its frames.
    first: /\.-~\^~-\./,
    cols: 200,
    rows: 50,
  },
  { name: "import('fish'), then a dot", args: ['-e', IMPORT_FISH], first: /\./ },
  // The floor of any ES module package: Node's module loader starts on the first import().
  {
    name: 'import() of an empty ES module, then a dot',
    args: ['-e', importThenDot(EMPTY)],
    first: /\./,
  },
  { name: "import('ora'), then a dot (peer)", args: ['-e', importThenDot('ora')], first: /\./ },
  // The library's engine is read on first use: what a host waits for to see its spinner.
  {
    name: "import('fish'), fish('Working').start(): first frame",
    args: ['-e', importThenStart(PACKAGE)],
    first: /Working/,
  },
  {
    name: "import('ora'), ora('Working').start(): first frame (peer)",
    args: ['-e', importThenStart('ora')],
    first: /Working/,
  },
  {
    name: "import('log-update'), then a dot (peer)",
    args: ['-e', importThenDot('log-update')],
    first: /\./,
  },
];

/**
 * The other Node versions users run, where `npm run test:node` has fetched them (into
 * node_modules/.cache/fish-node): the command's start differs between them (Node 22.8 and
 * later keep its compiled code).
 */
const OTHER_NODES = ['22.12.0', '24']
  .map((version) => ({
    version,
    node: fileURLToPath(
      new URL(`../node_modules/.cache/fish-node/${version}/package/bin/node`, import.meta.url),
    ),
  }))
  .filter(({ node }) => existsSync(node));

/**
 * `median (lowest-highest)` of each run's time over bare node's time in the same round, in
 * ms: the runs take turns, so a difference within a round leaves out a burst of load that a
 * difference of medians (each median taken at other moments) keeps.
 */
function over(values, base, median) {
  const sorted = values.map((value, i) => value - base[i]).sort((a, b) => a - b);
  const plus = (value) => `${value >= 0 ? '+' : ''}${value.toFixed(1)}`;
  return `${plus(median(sorted))} (${plus(sorted[0])} to ${plus(sorted.at(-1))})`;
}

/** Bare node writing a dot: what every command is timed against. */
const BARE = { args: ['-e', "process.stdout.write('.')"], first: /\./ };

/**
 * One round: bare node, then each of `commands`, one after the other on `node` (this one by
 * default); their times in ms, bare node's first.
 */
async function round(commands, node) {
  const times = [];
  for (const { args, first, cols, rows } of [BARE, ...commands])
    times.push(await timeToFirstOutput(args, first, cols, rows, node));
  return times;
}

/** The `k`th time of every round. */
const column = (rounds, k) => rounds.map((times) => times[k]);

/**
 * Print the start-up table.
 *
 * @param {Function} table - prints a table
 * @param {Function} median - median of numbers
 */
export async function startupTable(table, median) {
  // Interleaved, so that a burst of load on the machine hits all alike.
  const rounds = [];
  for (let i = 0; i < RUNS; i++) rounds.push(await round(COMMANDS));
  const bare = column(rounds, 0);
  table(
    `Start-up: spawn to first output in a pty (ms, median of ${RUNS} interleaved runs; over bare node: the median of each round's difference, lowest to highest)`,
    ['command', 'ms', 'over bare node'],
    [
      ['node -e "process.stdout.write(\'.\')"', median(bare).toFixed(1), ''],
      ...COMMANDS.map(({ name }, k) => {
        const times = column(rounds, k + 1);
        return [name, median(times).toFixed(1), over(times, bare, median)];
      }),
    ],
  );
}

/**
 * Print the command's start-up on the other Node versions, each against its own bare start.
 *
 * @param {Function} table - prints a table
 * @param {Function} median - median of numbers
 */
export async function otherNodesTable(table, median) {
  if (OTHER_NODES.length === 0) {
    console.log('\n(Start-up on Node 22 and 24: run `npm run test:node` once to fetch them.)');
    return;
  }
  const shows = COMMANDS.filter(({ args }) => args[0] === FISH);
  const rounds = OTHER_NODES.map(() => []);
  for (let i = 0; i < RUNS; i++)
    for (const [n, { node }] of OTHER_NODES.entries()) rounds[n].push(await round(shows, node));
  table(
    `Start-up on other Node versions: spawn to first output in a pty (ms, median of ${RUNS} interleaved runs; over bare node: as above)`,
    ['node', 'bare node', ...shows.map(({ name }) => `${name}, over bare node`)],
    OTHER_NODES.map(({ version }, n) => {
      const bare = column(rounds[n], 0);
      return [
        version,
        median(bare).toFixed(1),
        ...shows.map((_, k) => over(column(rounds[n], k + 1), bare, median)),
      ];
    }),
  );
}
