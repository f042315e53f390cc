#!/usr/bin/env node
/**
 * `npm run bench`: measured tables, not timed tests. The same frames are rendered three ways:
 * fish's differential encoder, log-update (the full-line redraw most CLI spinners use), and a
 * cell-diff bound computed here independently of the encoder. Each figure is a median over
 * repeated batches: the machine is noisy, so read ratios rather than absolutes.
 */
import { resolveArt } from '../dist/art/index.js';
import { createGrid } from '../dist/render/grid.js';
import { composeScene, swimmer } from '../dist/render/scene.js';
import { detachedTerminal } from '../dist/terminal/stream.js';
import { createLogUpdate } from 'log-update';
import { createAquarium, loadAquariumArt } from '../dist/aquarium/index.js';
import { gridLines } from '../dist/render/lines.js';
import { normalizeStyle, sgrTransition, SGR_RESET } from '../dist/render/escapes.js';
import { fish as fishAnimation } from '../dist/index.js';
import { measureDrift } from './drift.js';
import { memoryRows } from './memory.js';
import { snapshotGrid, steppedPlayer } from './engine.js';
import { schoolTable } from './school.js';
import { otherNodesTable, startupTable } from './startup.js';
import { processTable } from './process.js';
import { pipeTable } from './pipe.js';
import { sparseTable } from './sparse.js';

const FPS = 12.5;
const FRAMES = 1000;
const BATCHES = 7;

/** The scenarios of the issue: creature, terminal width, speed (cells/s), bob (rows). */
const SCENARIOS = [
  { art: 'bass', cols: 80, speed: 8, bob: 1 },
  { art: 'bass', cols: 200, speed: 8, bob: 1 },
  { art: 'bird', cols: 80, speed: 8, bob: 1 },
  { art: 'bird', cols: 100, speed: 8, bob: 2 },
  { art: 'bird', cols: 200, speed: 8, bob: 1 },
];

const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
const utf8 = (text) => Buffer.byteLength(text);

/**
 * The real engine (player, region, encoder) drawing a scenario frame by frame on the step
 * clock, as the CLI and `animate()` do; or, for `log-update`, the same frames composed by the
 * engine and drawn by log-update. Every figure comes from the engine's own `onFrame` hook, or
 * from log-update's own writes.
 */
async function engine({ art: name, cols, speed, bob }, redraw, color = false) {
  if (redraw === 'log-update') return logUpdateEngine({ art: name, cols, speed, bob }, color);
  const art = resolveArt(name);
  const entities = [swimmer(art, { speed, bob })];
  const rows = art.height + 2 * bob;
  return steppedPlayer({
    stream: detachedTerminal(cols, rows + 1),
    compose: (t, into) => composeScene(entities, t, into),
    height: rows,
    fps: FPS,
    redraw,
    color,
  });
}

/** log-update drawing the scenario's frames: each grid as lines of text, as a spinner would. */
function logUpdateEngine({ art: name, cols, speed, bob }, color) {
  const art = resolveArt(name);
  const entities = [swimmer(art, { speed, bob })];
  const rows = art.height + 2 * bob;
  let bytes = 0;
  let frames = 0;
  const stream = {
    ...detachedTerminal(cols, rows + 1),
    write: (chunk) => ((bytes += frames > 0 ? utf8(chunk) : 0), true),
  };
  const update = createLogUpdate(stream, { showCursor: true });
  const grid = createGrid(cols, rows);
  let k = 0;
  const player = {
    drawNow() {
      update(gridLines(composeScene(entities, k++ / FPS, grid), color).join('\n'));
      frames++;
    },
  };
  return { player, bytesPerFrame: () => bytes / Math.max(1, frames - 1) };
}

/** Bytes per frame of a scenario over FRAMES frames. */
async function bytesOf(scenario, redraw, color = false) {
  const run = await engine(scenario, redraw, color);
  for (let k = 0; k <= FRAMES; k++) run.player.drawNow();
  return run.bytesPerFrame();
}

/** The scenario's frames as grids, composed on the same step clock. */
function gridsOf({ art: name, cols, speed, bob }) {
  const art = resolveArt(name);
  const entities = [swimmer(art, { speed, bob })];
  const rows = art.height + 2 * bob;
  const grids = [];
  for (let k = 0; k <= FRAMES; k++)
    grids.push(composeScene(entities, k / FPS, createGrid(cols, rows)));
  return grids;
}

// --- The cell-diff bound ---------------------------------------------------------------
// Every changed cell must be written (its glyph's bytes); each run of changed cells must be
// reached, by the cheapest single relative move from where the previous run left the cursor
// (CR, BS, CUF/CUB/CUU/CUD, LF), or by rewriting the unchanged gap when that is cheaper; a
// run that blanks the rest of its row may cost an EL (3 bytes) instead. No markers. With
// colour, every cell's style counts (a blank's too): a cell whose style changed is a changed
// cell, and each written cell in a style other than the pen's pays the cheapest SGR to it; a
// frame that leaves a style set pays a reset.

const csiCost = (n) => (n === 1 ? 3 : 3 + String(n).length);
function moveCost(fromRow, fromCol, toRow, toCol) {
  const dr = toRow - fromRow;
  const vertical = dr === 0 ? 0 : csiCost(Math.abs(dr));
  let along;
  if (toCol === fromCol) along = 0;
  else if (toCol > fromCol) along = csiCost(toCol - fromCol);
  else
    along = Math.min(
      fromCol - toCol,
      csiCost(fromCol - toCol),
      1 + (toCol === 0 ? 0 : csiCost(toCol)),
    );
  const viaCr = 1 + vertical + (toCol === 0 ? 0 : csiCost(toCol));
  const viaLf =
    dr > 0 ? (fromCol === 0 ? 0 : 1) + dr + (toCol === 0 ? 0 : csiCost(toCol)) : Infinity;
  return Math.min(vertical + along, viaCr, viaLf);
}

function boundBytes(grids, color = false) {
  let total = 0;
  let row = 0;
  let col = 0;
  let pen = 0;
  /** Bytes to write cell `j` of `grid`: its glyph, and with colour the SGR to its style. */
  const cellCost = (grid, j) => {
    let cost = utf8(grid.glyphs[j]);
    if (color && normalizeStyle(grid.styles[j]) !== pen) {
      cost += sgrTransition(pen, normalizeStyle(grid.styles[j])).length;
      pen = normalizeStyle(grid.styles[j]);
    }
    return cost;
  };
  const same = (prev, next, j) =>
    prev.glyphs[j] === next.glyphs[j] &&
    prev.widths[j] === next.widths[j] &&
    (!color || prev.styles[j] === next.styles[j]);
  for (let k = 1; k < grids.length; k++) {
    const prev = grids[k - 1];
    const next = grids[k];
    for (let r = 0; r < next.rows; r++) {
      let c = 0;
      // A row that turns wholly blank may be erased whole: the cheapest move to its first
      // column and an EL, when that beats erasing its runs one by one.
      let rowBlank = true;
      let rowChanged = false;
      for (let j = r * next.cols; j < (r + 1) * next.cols; j++) {
        rowBlank &&= next.glyphs[j] === ' ';
        rowChanged ||= !same(prev, next, j);
      }
      const whole = rowBlank && rowChanged ? moveCost(row, col, r, 0) + 3 : Infinity;
      const before = { total, row, col };
      while (c < next.cols) {
        const i = r * next.cols + c;
        if (same(prev, next, i)) {
          c++;
          continue;
        }
        let gap = Infinity;
        const penBefore = pen;
        if (r === row && c >= col) {
          gap = 0;
          for (let g = col; g < c; g++) gap += cellCost(next, r * next.cols + g);
        }
        const move = moveCost(row, col, r, c);
        if (move <= gap) pen = penBefore;
        total += Math.min(gap, move);
        // Write the run of changed cells, or erase the rest of the row when it ends blank.
        let run = 0;
        const runStart = c;
        while (c < next.cols) {
          const j = r * next.cols + c;
          if (same(prev, next, j)) break;
          run += cellCost(next, j);
          c++;
        }
        let blankToEnd = true;
        for (let j = r * next.cols + runStart; j < (r + 1) * next.cols; j++)
          blankToEnd &&= next.glyphs[j] === ' ';
        total += blankToEnd ? Math.min(run, 3) : run;
        row = r;
        // EL leaves the cursor where the erasing began.
        col = blankToEnd && run > 3 ? runStart : Math.min(c, next.cols - 1);
        if (blankToEnd) c = next.cols;
      }
      if (whole < total - before.total) {
        total = before.total + whole;
        row = r;
        col = 0;
      }
    }
    if (pen !== 0) total += SGR_RESET.length;
    pen = 0;
  }
  return total / (grids.length - 1);
}

// --- CPU per frame --------------------------------------------------------------------

/**
 * Median CPU microseconds per call of each of `frames` (say fish's and log-update's), over
 * BATCHES batches of FRAMES calls, after three batches of each to warm up the JIT. The batches take
 * turns and start after a garbage collection (the bench runs with --expose-gc), so that the
 * machine's noise and the heap left by earlier tables fall on both alike.
 */
function cpuSideBySide(...frames) {
  const samples = frames.map(() => []);
  for (const frame of frames) for (let k = 0; k < 3 * FRAMES; k++) frame();
  for (let b = 0; b < BATCHES; b++) {
    frames.forEach((frame, i) => {
      globalThis.gc?.();
      const start = process.cpuUsage();
      for (let k = 0; k < FRAMES; k++) frame();
      const used = process.cpuUsage(start);
      samples[i].push((used.user + used.system) / FRAMES);
    });
  }
  return samples.map(median);
}

/** CPU per frame of the engine drawing a scenario: compose, then encode (or log-update), hook. */
async function cpuOf(scenario) {
  const diff = await engine(scenario, 'diff');
  const full = await engine(scenario, 'log-update');
  return cpuSideBySide(
    () => diff.player.drawNow(),
    () => full.player.drawNow(),
  );
}

// --- A full scene ---------------------------------------------------------------------------

/** Several creatures swimming at different depths, speeds and rows of a 200x50 screen. */
async function sceneRows() {
  const cols = 200;
  const rows = 50;
  const names = [
    'whale',
    'shark',
    'submarine',
    'tropical',
    'duck',
    'jellyfish',
    'bird',
    'salmon',
    'bass',
    'flapper',
  ];
  const entities = names.map((name, i) => {
    const art = resolveArt(name);
    const swim = swimmer(art, { speed: 4 + 3 * i, bob: 1 + (i % 3), depth: i });
    const top = Math.round((i * (rows - 8)) / names.length);
    return {
      ...swim,
      pose: (t, stage) => ({ ...swim.pose(t + i * 1.7, stage), y: top + swim.pose(t, stage).y }),
    };
  });
  const { player, bytesPerFrame } = steppedPlayer({
    stream: detachedTerminal(cols, rows),
    compose: (t, into) => composeScene(entities, t, into),
    height: rows,
    fps: FPS,
    redraw: 'diff',
    color: true,
  });
  const [us] = cpuSideBySide(() => player.drawNow());
  return [[`${names.length} creatures, colour on`, us.toFixed(1), bytesPerFrame().toFixed(1)]];
}

// --- The API's animate() ------------------------------------------------------------------

/** CPU per `animate()` call of the embedding API, drawing the bass at 80 columns. */
async function animateRows() {
  const rows = [];
  for (const bob of [0, 1]) {
    const [diff, full] = ['diff', 'full'].map((redraw) =>
      fishAnimation({
        stream: detachedTerminal(80, 24),
        sync: 'step',
        isEnabled: true,
        bob,
        redraw,
      }),
    );
    diff.animate();
    full.animate();
    const [fishUs, logUs] = cpuSideBySide(
      () => diff.animate(),
      () => full.animate(),
    );
    diff.stop();
    full.stop();
    rows.push([
      `bass, 80 cols, bob ${bob}`,
      fishUs.toFixed(2),
      logUs.toFixed(2),
      (fishUs / logUs).toFixed(2),
    ]);
  }
  return rows;
}

// --- The aquarium ---------------------------------------------------------------------

const AQUARIUM = { cols: 200, rows: 50, seed: 1, frames: 400 };

/** The aquarium at 200x50 through the engine in the alternate screen: CPU and bytes per frame. */
async function aquariumEngine(color) {
  const redraw = 'diff';
  const { cols, rows, seed } = AQUARIUM;
  const tank = createAquarium({ cols, rows, seed, art: loadAquariumArt() });
  const grids = [];
  const { player, bytesPerFrame } = steppedPlayer({
    stream: detachedTerminal(cols, rows),
    compose: (t, into) => {
      const grid = tank.compose(t, into);
      if (grids.length < AQUARIUM.frames) grids.push(snapshotGrid(grid));
      return grid;
    },
    height: rows,
    fps: FPS,
    redraw,
    screen: redraw === 'diff' ? 'alternate' : 'inline',
    color,
  });
  for (let k = 0; k < AQUARIUM.frames; k++) player.drawNow();
  // Read before the CPU figure draws more.
  const perFrame = bytesPerFrame();
  const us = redraw === 'diff' ? cpuSideBySide(() => player.drawNow())[0] : undefined;
  return { perFrame, grids, us };
}

/** log-update drawing the same grids, as lines of text, on a terminal of their size. */
function logUpdateBytes(grids, color) {
  let total = 0;
  const stream = {
    ...detachedTerminal(grids[0].cols, grids[0].rows + 1),
    write: (chunk) => ((total += utf8(chunk)), true),
  };
  const update = createLogUpdate(stream, { showCursor: true });
  update(gridLines(grids[0], color).join('\n'));
  total = 0;
  for (const grid of grids.slice(1)) update(gridLines(grid, color).join('\n'));
  return total / (grids.length - 1);
}

async function aquariumRows() {
  const rows = [];
  for (const color of [false, true]) {
    const fish = await aquariumEngine(color);
    const log = { perFrame: logUpdateBytes(fish.grids, color) };
    const bound = boundBytes(fish.grids, color);
    rows.push([
      color ? 'colour' : 'no colour',
      (fish.us / 1000).toFixed(3),
      fish.perFrame.toFixed(0),
      `${bound.toFixed(0)} (${(fish.perFrame / bound).toFixed(3)}x)`,
      `${log.perFrame.toFixed(0)} (${(log.perFrame / fish.perFrame).toFixed(1)}x)`,
    ]);
  }
  return rows;
}

// --- Tables -----------------------------------------------------------------------------

function table(title, head, rows) {
  const cells = [head, ...rows].map((row) => row.map(String));
  const widths = head.map((_, i) => Math.max(...cells.map((row) => row[i].length)));
  const line = (row) =>
    `| ${row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join(' | ')} |`;
  console.log(`\n${title}\n`);
  console.log(line(cells[0]));
  console.log(
    `|${widths.map((w, i) => (i === 0 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`,
  );
  for (const row of cells.slice(1)) console.log(line(row));
}

// The drift needs 48 s of wall time: let it run beside the rest.
const drift = measureDrift();

/** Bytes per frame of each scenario, without colour and with (the CLI's default). */
async function bytesRowsOf() {
  const rows = [];
  for (const scenario of SCENARIOS) {
    const grids = gridsOf(scenario);
    for (const color of [false, true]) {
      const name = `${scenario.art}, ${scenario.cols} cols, bob ${scenario.bob}${color ? ', colour' : ''}`;
      const fish = await bytesOf(scenario, 'diff', color);
      const log = await bytesOf(scenario, 'log-update', color);
      const bound = boundBytes(grids, color);
      rows.push([
        name,
        fish.toFixed(2),
        log.toFixed(2),
        bound.toFixed(2),
        `${(fish / bound).toFixed(3)}x`,
        `${(log / fish).toFixed(1)}x`,
      ]);
    }
  }
  return rows;
}

/** Hot-loop CPU per frame of each scenario, in process. */
async function cpuRowsOf() {
  const rows = [];
  for (const scenario of SCENARIOS) {
    const name = `${scenario.art}, ${scenario.cols} cols, bob ${scenario.bob}`;
    const [fishUs, logUs] = await cpuOf(scenario);
    rows.push([name, fishUs.toFixed(2), logUs.toFixed(2), `${(logUs / fishUs).toFixed(1)}x`]);
  }
  return rows;
}

const bytesRows = await bytesRowsOf();
const cpuRows = await cpuRowsOf();

console.log(
  `fish benchmarks: ${FRAMES} frames at ${FPS} fps, speed 8 cells/s, median of ${BATCHES} batches; node ${process.version}`,
);
table(
  'Bytes per frame (same frames)',
  ['scenario', 'fish', 'log-update', 'cell-diff bound', 'fish / bound', 'log-update / fish'],
  bytesRows,
);
table(
  'Hot loop, in process: CPU µs per frame to compose, then encode (fish) or log-update, through the engine',
  ['scenario', 'fish', 'log-update', 'log-update / fish'],
  cpuRows,
);
const scene = await sceneRows();
table(
  'A full scene: 200x50, several creatures, compose + encode per frame (hot loop, in process)',
  ['scene', 'µs per frame', 'bytes per frame'],
  scene,
);
table(
  'The API: CPU per `animate()` (hot loop, in process, µs)',
  ['', 'fish', "redraw: 'full'", 'diff / full'],
  await animateRows(),
);
schoolTable(table, { boundBytes, logUpdateBytes });
table(
  `fish --aquarium at ${AQUARIUM.cols}x${AQUARIUM.rows}, default density, seed ${AQUARIUM.seed}: per frame (${AQUARIUM.frames} frames, hot loop in process)`,
  ['', 'CPU ms', 'fish bytes', 'cell-diff bound (fish / bound)', 'log-update (x fish)'],
  await aquariumRows(),
);
sparseTable(table, median);
await processTable(table);
await startupTable(table, median);
await otherNodesTable(table, median);
pipeTable(table, median);
table('Memory: peak RSS (MiB)', ['process', 'MiB'], memoryRows());
const { rows: driftRows, verdict } = await drift;
table(
  'Tick drift: 600 frames at 12.5 fps, lateness against the absolute schedule (ms, max)',
  ['frames', 'ms late'],
  driftRows,
);
console.log(`\n${verdict}`);
