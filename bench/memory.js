/**
 * Memory of the CLI after 10,000 frames: the real command, recording the default fish at
 * 80x24 without a terminal (the same engine path: scene, compositor, encoder, region, recorder),
 * its peak resident set size read by GNU time.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const FISH = fileURLToPath(new URL('../bin/fish.cjs', import.meta.url));

function peakRssMiB(args) {
  const result = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...args], {
    encoding: 'utf8',
  });
  const kib = Number(result.stderr.trim().split('\n').at(-1));
  return Number.isFinite(kib) ? (kib / 1024).toFixed(1) : 'n/a';
}

/**
 * Table rows: bare node, the CLI after 100 frames, after 10,000 frames.
 */
export function memoryRows() {
  /** The CLI recording `frames` frames of the bass to nowhere, at 80x24 on the step clock. */
  const cli = (frames) =>
    peakRssMiB([
      FISH,
      '--record',
      '/dev/null',
      '--size',
      '80x24',
      '--sync',
      'step',
      '--frames',
      String(frames),
    ]);
  return [
    ['node -e 0', peakRssMiB(['-e', '0'])],
    ['fish, 100 frames', cli(100)],
    ['fish, 10,000 frames', cli(10000)],
  ];
}
