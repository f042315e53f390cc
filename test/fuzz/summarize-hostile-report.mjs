// Sums up a report of hostile art inputs (see test/helpers/hostile-report.ts):
//
//   rm -f /tmp/hostile.jsonl
//   npm run build && FISH_HOSTILE_REPORT=/tmp/hostile.jsonl npx vitest run test/fuzz test/art
//   node test/fuzz/summarize-hostile-report.mjs /tmp/hostile.jsonl
//
// Prints how many inputs were tried and how they ended, the slowest refusal, the slowest
// accepted art, and the most memory a child process took for one input.
import { readFileSync } from 'node:fs';

const path = process.argv[2];
if (path === undefined) {
  process.stderr.write('usage: node test/fuzz/summarize-hostile-report.mjs REPORT.jsonl\n');
  process.exit(2);
}
const records = readFileSync(path, 'utf8')
  .split('\n')
  .filter((line) => line !== '')
  .map((line) => JSON.parse(line));

const count = (test) => records.filter(test).length;
const max = (items, key) =>
  items.reduce((best, item) => ((item[key] ?? -1) > (best?.[key] ?? -1) ? item : best), undefined);
const show = (record) =>
  record === undefined
    ? 'none'
    : `${record.ms.toFixed(0)} ms` +
      (record.cpuMs === undefined ? '' : ` (${record.cpuMs.toFixed(0)} ms of CPU)`) +
      (record.peakMb === undefined
        ? ''
        : `, ${record.peakMb.toFixed(0)} MB peak (${record.baseMb.toFixed(0)} MB before the parse)`) +
      (record.bytes === undefined ? '' : `, ${record.bytes} bytes, ${record.kind}`);

const isolated = records.filter((record) => record.peakMb !== undefined);
// What the parse itself added to the process: its peak over what it held before.
for (const record of isolated) record.growthMb = record.peakMb - record.baseMb;
const refused = records.filter((record) => record.kind === 'art-error');
const loaded = records.filter((record) => record.kind === 'art');
const lines = [
  `inputs tried: ${records.length} (${count((r) => r.kind === 'art-error')} refused, ${count((r) => r.kind === 'art')} loaded, ${count((r) => r.kind !== 'art' && r.kind !== 'art-error')} other)`,
  `  in a child process with a 256 MB heap and a deadline: ${isolated.length}`,
  `slowest refusal: ${show(max(refused, 'ms'))}`,
  `slowest refusal in CPU time: ${show(max(refused, 'cpuMs'))}`,
  `slowest accepted art: ${show(max(loaded, 'ms'))}`,
  `most memory for one input (whole process, Node's own and the input's included): ${show(max(isolated, 'peakMb'))}`,
  `most memory a parse added: ${show(max(isolated, 'growthMb'))}`,
];
process.stdout.write(`${lines.join('\n')}\n`);
