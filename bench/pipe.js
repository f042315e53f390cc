/**
 * `fish --pipe` throughput beside `cat` and `pv`: `head -c SIZE /dev/zero | X > /dev/null`,
 * the three interleaved run after run so that a burst of load on the machine hits all alike;
 * GB/s (GiB/s) as median and spread (min to max). fish's time includes starting Node.
 * FISH_BENCH_PIPE_SIZE (head's size, default 2G) and FISH_BENCH_PIPE_RUNS (default 7).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const FISH = fileURLToPath(new URL('../bin/fish.cjs', import.meta.url));
const SIZE = process.env.FISH_BENCH_PIPE_SIZE ?? '2G';
const RUNS = Number(process.env.FISH_BENCH_PIPE_RUNS ?? 7);
const POWERS = { '': 0, K: 1, k: 1, M: 2, G: 3 };

/** The commands compared; stderr goes to /dev/null (fish and pv then draw nothing). */
const COMMANDS = [
  { name: 'cat', line: 'cat' },
  { name: 'pv -q', line: 'pv -q' },
  { name: 'fish --pipe', line: `"${process.execPath}" "${FISH}" --pipe` },
];

function bytesOf(size) {
  const match = /^(\d+)([kKMG]?)$/.exec(size);
  if (!match) throw new Error(`FISH_BENCH_PIPE_SIZE must be like 2G, got ${size}`);
  return Number(match[1]) * 1024 ** POWERS[match[2]];
}

/** Seconds for one run, or undefined when the command is missing or failed. */
function timeRun(line) {
  const start = performance.now();
  const run = spawnSync('sh', ['-c', `head -c ${SIZE} /dev/zero | ${line} >/dev/null 2>/dev/null`]);
  return run.status === 0 ? (performance.now() - start) / 1000 : undefined;
}

/**
 * Print the throughput table.
 *
 * @param {Function} table - prints a table
 * @param {Function} median - median of numbers
 */
export function pipeTable(table, median) {
  const bytes = bytesOf(SIZE);
  const rates = COMMANDS.map(() => []);
  for (let i = 0; i < RUNS; i++) {
    COMMANDS.forEach((command, c) => {
      const seconds = timeRun(command.line);
      if (seconds !== undefined) rates[c].push(bytes / 1024 ** 3 / seconds);
    });
  }
  const catRate = rates[0].length > 0 ? median(rates[0]) : undefined;
  table(
    `Throughput: head -c ${SIZE} /dev/zero | X > /dev/null (GiB/s, ${RUNS} interleaved runs)`,
    ['X', 'median', 'min', 'max', 'of cat'],
    COMMANDS.map((command, c) => {
      const r = rates[c];
      if (r.length === 0) return [command.name, 'not run (missing?)', '', '', ''];
      const m = median(r);
      const share = catRate === undefined ? '' : `${Math.round((100 * m) / catRate)}%`;
      return [
        command.name,
        m.toFixed(2),
        Math.min(...r).toFixed(2),
        Math.max(...r).toFixed(2),
        share,
      ];
    }),
  );
}

// Alone: `node bench/pipe.js` (after `npm run build`).
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
  pipeTable((title, head, rows) => {
    console.log(`\n${title}\n`);
    for (const row of [head, ...rows]) console.log(`| ${row.join(' | ')} |`);
  }, median);
}
