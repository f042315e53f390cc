/**
 * Start-up: time from spawning a process in a pseudo-terminal to its first output, for bare
 * `node` writing one byte and for `fish` drawing its first frame.
 */
import { spawn } from '@lydell/node-pty';
import { fileURLToPath } from 'node:url';

const FISH = fileURLToPath(new URL('../bin/fish.js', import.meta.url));
const RUNS = 15;
/**
 * What ansi-escapes would cost the CLI as separate files, as the library imports it: the CLI's
 * bundle carries it instead (rollup.config.mjs), so the first frame does not pay this.
 */
const ESCAPES_AS_FILES = [
  '--input-type=module',
  '-e',
  "import 'ansi-escapes'; process.stdout.write('.')",
];

/** Milliseconds from spawn to the first output matching `first`. */
function timeToFirstOutput(args, first) {
  return new Promise((resolve, reject) => {
    const env = { ...process.env };
    delete env.CI;
    const start = performance.now();
    const child = spawn(process.execPath, args, { cols: 80, rows: 24, env });
    let seen = false;
    child.onData((data) => {
      if (seen || !first.test(data)) return;
      seen = true;
      resolve(performance.now() - start);
      child.kill('SIGTERM');
    });
    child.onExit(() => seen || reject(new Error(`no output from ${args.join(' ')}`)));
  });
}

/**
 * Print the start-up table.
 *
 * @param {Function} table - prints a table
 * @param {Function} median - median of numbers
 */
export async function startupTable(table, median) {
  const bare = [];
  const escapes = [];
  const fish = [];
  // Interleaved, so that a burst of load on the machine hits all alike.
  for (let i = 0; i < RUNS; i++) {
    bare.push(await timeToFirstOutput(['-e', "process.stdout.write('.')"], /\./));
    escapes.push(await timeToFirstOutput(ESCAPES_AS_FILES, /\./));
    fish.push(await timeToFirstOutput([FISH], />\)\)'>/));
  }
  const b = median(bare);
  const e = median(escapes);
  const f = median(fish);
  table(
    `Start-up: spawn to first output in a pty (ms, median of ${RUNS})`,
    ['command', 'ms', 'over bare node'],
    [
      ['node -e "process.stdout.write(\'.\')"', b.toFixed(1), ''],
      ["node, importing ansi-escapes' own files", e.toFixed(1), `+${(e - b).toFixed(1)}`],
      ['fish (first frame; ansi-escapes bundled)', f.toFixed(1), `+${(f - b).toFixed(1)}`],
    ],
  );
}
