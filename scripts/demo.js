#!/usr/bin/env node
/**
 * `npm run demo`: the README's pictures, made from fish's own output.
 *
 * - docs/demo.cast: an asciicast recording made by `fish --record` (no terminal needed);
 * - docs/demo.svg: that recording, replayed in a real terminal emulator (@xterm/headless)
 *   frame by frame and drawn as an animated SVG (one frame strip, stepped by CSS);
 * - docs/gallery.svg: `fish --list` as a still, colours included.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import xterm from '@xterm/headless';
import { Unicode11Addon } from '@xterm/addon-unicode11';

const root = fileURLToPath(new URL('..', import.meta.url));
const fish = (args) =>
  execFileSync(process.execPath, [`${root}bin/fish.cjs`, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '1' },
  });

const CELL_W = 8.4;
const CELL_H = 17;
const PAD = 12;
const FG = ['#2e3436', '#cc0000', '#4e9a06', '#c4a000', '#3465a4', '#75507b', '#06989a', '#d3d7cf'];
const FG_BRIGHT = [
  '#555753',
  '#ef2929',
  '#8ae234',
  '#fce94f',
  '#729fcf',
  '#ad7fa8',
  '#34e2e2',
  '#eeeeec',
];
const DEFAULT_FG = '#e5e5e5';
const BACKGROUND = '#1e1e1e';

function emulator(cols, rows) {
  const term = new xterm.Terminal({ cols, rows, allowProposedApi: true, convertEol: true });
  term.loadAddon(new Unicode11Addon());
  term.unicode.activeVersion = '11';
  return term;
}
const write = (term, data) => new Promise((resolve) => term.write(data, resolve));
const escapeXml = (text) =>
  text.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]);

/** The screen as SVG <text> rows at vertical offset `top`, one <tspan> per run of one colour. */
function screenSvg(term, top) {
  const buffer = term.buffer.active;
  let svg = '';
  for (let y = 0; y < term.rows; y++) {
    const line = buffer.getLine(buffer.viewportY + y);
    if (!line || line.translateToString(true).trim() === '') continue;
    let spans = '';
    let run = '';
    let runFill = '';
    let runX = 0;
    const flush = () => {
      if (run.trim() !== '')
        spans += `<tspan x="${(PAD + runX * CELL_W).toFixed(1)}"${runFill === DEFAULT_FG ? '' : ` fill="${runFill}"`}>${escapeXml(run)}</tspan>`;
      run = '';
    };
    for (let x = 0; x < term.cols; x++) {
      const cell = line.getCell(x);
      if (!cell || cell.getWidth() === 0) continue;
      // Blanks end a run: every run is placed by its own x, so none carries padding.
      if (cell.getChars() === '' || cell.getChars() === ' ') {
        flush();
        continue;
      }
      const index = cell.isFgPalette() ? cell.getFgColor() : -1;
      const fill =
        index < 0 ? DEFAULT_FG : (cell.isBold() || index > 7 ? FG_BRIGHT : FG)[index % 8];
      if (fill !== runFill || run === '') {
        flush();
        runFill = fill;
        runX = x;
      }
      run += cell.getChars() || ' ';
    }
    flush();
    svg += `<text y="${(top + PAD + (y + 0.8) * CELL_H).toFixed(1)}">${spans}</text>`;
  }
  return svg;
}

function svgDocument(cols, rows, body, style = '') {
  const width = Math.ceil(cols * CELL_W + 2 * PAD);
  const height = Math.ceil(rows * CELL_H + 2 * PAD);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Menlo, Consolas, 'DejaVu Sans Mono', monospace" font-size="14" fill="${DEFAULT_FG}" xml:space="preserve">
<style>${style}</style><rect width="100%" height="100%" rx="6" fill="${BACKGROUND}"/>${body}</svg>\n`;
}

/** Every frame of a recording made at `fps` as one strip, stepped through by a CSS animation. */
async function animatedSvg(castPath, fps) {
  const [headLine, ...eventLines] = readFileSync(castPath, 'utf8').trimEnd().split('\n');
  const head = JSON.parse(headLine);
  const events = eventLines.map((line) => JSON.parse(line));
  const frameCount = Math.round(events.at(-1)[0] * fps) + 1;
  const term = emulator(head.width, head.height);
  const frameHeight = head.height * CELL_H + 2 * PAD;
  let strip = '';
  let next = 0;
  for (let frame = 0; frame < frameCount; frame++) {
    // Apply every event due by this frame's time, then draw the screen.
    while (next < events.length && events[next][0] * fps <= frame + 1e-6)
      await write(term, events[next++][2]);
    strip += `<g transform="translate(0 ${frame * frameHeight})">${screenSvg(term, 0)}</g>`;
  }
  const seconds = (frameCount / fps).toFixed(2);
  const style = `#strip{animation:swim ${seconds}s steps(${frameCount}) infinite}@keyframes swim{to{transform:translateY(-${frameCount * frameHeight}px)}}`;
  return svgDocument(
    head.width,
    head.height,
    `<svg width="100%" height="${frameHeight}"><g id="strip">${strip}</g></svg>`,
    style,
  );
}

async function gallerySvg() {
  const text = fish(['--list', '--color', 'always']);
  const lines = text.trimEnd().split('\n');
  const cols = 64;
  const term = emulator(cols, lines.length);
  await write(term, lines.join('\n'));
  return svgDocument(cols, lines.length, screenSvg(term, 0));
}

// One full crossing and back: 55 cells of track each way at 12 cells/s is about 9 s.
const FPS = 12.5;
fish([
  '--record',
  'docs/demo.cast',
  '--size',
  '60x5',
  '--speed',
  '12',
  '--fps',
  String(FPS),
  '--sync',
  'step',
  '--duration',
  '9.2',
  '--persist',
]);
writeFileSync(`${root}docs/demo.svg`, await animatedSvg(`${root}docs/demo.cast`, FPS));
writeFileSync(`${root}docs/gallery.svg`, await gallerySvg());
console.log('wrote docs/demo.cast, docs/demo.svg, docs/gallery.svg');
