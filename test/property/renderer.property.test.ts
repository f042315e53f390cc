/**
 * The whole engine against a real terminal: for random art, random terminal sizes (1x1 to
 * 300x100), random paths and random resizes between frames, the screen @xterm/headless shows
 * after each frame is the grid the engine meant to show, cell for cell, below a host's prompt
 * that stays intact.
 */
import type { IMarker } from '@xterm/headless';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseArt, type Art } from '../../src/art/index.js';
import { createGrid, type Grid } from '../../src/render/grid.js';
import { composeScene, swimmer, type Entity } from '../../src/render/scene.js';
import { startPlayer } from '../../src/terminal/player.js';
import { strayControls } from '../helpers/controls.js';
import { compareScreen, logicalLine } from '../helpers/screen.js';
import { fakeTerminal } from '../helpers/fake-terminal.js';
import { testWidth } from '../render/fixtures.js';

const NARROW = [...'<>(){}[]/\\|_-=~.,;:\'"`^*#!?oO0x'];
const WIDE = ['あ', '🐟'];
const MASK = [...'krgybmcwKRGYBMCW '];

/** A glyph of art: mostly narrow, some blanks (opaque inside a line), some wide. */
const glyph = fc.oneof(
  { arbitrary: fc.constantFrom(...NARROW), weight: 6 },
  { arbitrary: fc.constant(' '), weight: 2 },
  { arbitrary: fc.constantFrom(...WIDE), weight: 1 },
);

/** A frame: rows of glyphs, and perhaps a mask drawn from a stream of letters. */
const frame = fc.record({
  rows: fc.array(fc.array(glyph, { maxLength: 10 }), { minLength: 1, maxLength: 4 }),
  mask: fc.option(fc.array(fc.constantFrom(...MASK), { minLength: 1, maxLength: 40 }), {
    nil: undefined,
  }),
});

/** Cells of a row up to its last glyph that is not a space: how wide its mask line may be. */
function trimmedWidth(row: readonly string[]): number {
  let last = row.length - 1;
  while (last >= 0 && row[last] === ' ') last--;
  return row.slice(0, last + 1).reduce((n, g) => n + testWidth(g), 0);
}

/**
 * Art text in format v1: a header (facing, perhaps a transparent character and a colour),
 * one to four frames with masks that fit. One visible glyph is put into the first frame so
 * that the art is never blank.
 */
const artText: fc.Arbitrary<string> = fc
  .record({
    frames: fc.array(frame, { minLength: 1, maxLength: 4 }),
    facing: fc.constantFrom('left', 'right'),
    transparent: fc.boolean(),
    color: fc.option(fc.constantFrom(...MASK.filter((m) => m !== ' ')), { nil: undefined }),
    anchor: fc.nat(),
  })
  .map(({ frames, facing, transparent, color, anchor }) => {
    const lines = ['@fish v1', `facing: ${facing}`];
    if (transparent) lines.push('transparent: .');
    if (color !== undefined) lines.push(`color: ${color}`);
    frames.forEach(({ rows, mask }, f) => {
      const drawn = rows.map((row) => [...row]);
      if (f === 0) drawn[0].splice(anchor % (drawn[0].length + 1), 0, 'x');
      lines.push('@frame', ...drawn.map((row) => row.join('')));
      if (mask === undefined) return;
      lines.push('@mask');
      let next = 0;
      for (const row of drawn) {
        const width = trimmedWidth(row);
        lines.push(Array.from({ length: width }, () => mask[next++ % mask.length]).join(''));
      }
    });
    return lines.join('\n');
  });

/** A terminal dimension, biased to small ones, sometimes up to `max`. */
const dimension = (small: number, max: number): fc.Arbitrary<number> =>
  fc.oneof(
    { arbitrary: fc.integer({ min: 1, max: small }), weight: 8 },
    { arbitrary: fc.integer({ min: 1, max }), weight: 1 },
  );

const size = fc.record({ cols: dimension(40, 300), rows: dimension(12, 100) });

type Step =
  | { readonly kind: 'draw' }
  | { readonly kind: 'resize'; readonly cols: number; readonly rows: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  { arbitrary: fc.constant({ kind: 'draw' as const }), weight: 3 },
  { arbitrary: size.map(({ cols, rows }) => ({ kind: 'resize' as const, cols, rows })), weight: 1 },
);

const scenario = fc.record({
  arts: fc.array(artText, { minLength: 1, maxLength: 2 }),
  start: size,
  steps: fc.array(step, { minLength: 1, maxLength: 8 }),
  speed: fc.integer({ min: 0, max: 80 }),
  bob: fc.integer({ min: 0, max: 3 }),
  fps: fc.integer({ min: 1, max: 60 }),
  color: fc.boolean(),
  // A host's prompt line above the region, or none (the region at the top of the screen).
  prompt: fc.option(fc.stringMatching(/^[!-~][ -~]{0,29}$/), { nil: undefined }),
});

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

/**
 * Plays a scenario on a virtual terminal and checks, after each frame and each resize, that
 * the prompt is intact and the screen from the region's top down is the grid the engine meant
 * (then blank), that the bytes hold no stray control character, and after `stop()` that the
 * region is blank with the cursor at its top.
 */
async function play(s: Scenario): Promise<void> {
  // xterm.js is at least 2 columns wide: a 1-column terminal is emulated by a 2-column one,
  // which reflows differently what reaches past column 1 (a prompt, a row of art drawn at a
  // greater width). So 1 column is tried only without a prompt, at the start or when the
  // terminal already is 1 column wide.
  const cols = (n: number, from = 1): number =>
    n === 1 && (s.prompt !== undefined || from !== 1) ? 2 : n;
  const arts: Art[] = s.arts.map((text) => parseArt(text));
  const entities: Entity[] = arts.map((art, i) =>
    swimmer(art, { speed: s.speed + 7 * i, bob: s.bob, depth: i }),
  );
  const height = Math.max(...arts.map((art) => art.height)) + 2 * s.bob;
  const tty = fakeTerminal(cols(s.start.cols), s.start.rows, { scrollback: 10_000 });
  try {
    if (s.prompt !== undefined) tty.stream.write(`${s.prompt}\r\n`);
    await tty.flush();
    const buffer = tty.term.buffer.active;
    /** A marker `offset` lines from the cursor's: it follows its line through scrolling and reflow. */
    const mark = (offset: number): IMarker => {
      const marker = tty.term.registerMarker(offset);
      if (marker === undefined) throw new Error(`no marker at ${offset} from the cursor`);
      return marker;
    };
    // Where the region's top row is: the cursor's line when the player starts.
    let top = mark(0);
    let meant: Grid | undefined;
    const player = startPlayer({
      stream: tty.stream,
      compose: (t, into) => (meant = composeScene(entities, t, into)),
      height,
      fps: s.fps,
      // Each frame one interval on: a scenario draws the same frames every time it is replayed.
      sync: 'step',
      redraw: 'diff',
      color: s.color,
      tick: false,
    });
    const check = (bytes: string, what: string, grid: Grid | undefined = meant): void => {
      expect(strayControls(bytes), what).toEqual([]);
      if (s.prompt !== undefined) {
        const prompt = logicalLine(tty.term, 0);
        expect(prompt.text, `${what}: the prompt`).toBe(s.prompt.trimEnd());
        expect(top.line, `${what}: the region starts below the prompt`).toBeGreaterThanOrEqual(
          prompt.end,
        );
      }
      if (grid === undefined) return;
      // The region is on the screen, and from its top down the screen is the grid, then blank.
      expect(top.line, `${what}: the region's top is on the screen`).toBeGreaterThanOrEqual(
        buffer.baseY,
      );
      const { shown, wanted } = compareScreen(tty.term, grid, top.line, s.color);
      expect(shown, what).toEqual(wanted);
    };
    /**
     * After the emulator reflowed, the engine finds the region's top again, which is the
     * marked line, unless the terminal pushed it up into the scrollback (a screen lower than
     * the region, with the cursor at the bottom): cursor moves cannot reach the scrollback,
     * so the region starts again at the top of the screen. (The rows left in the scrollback
     * can come back into view when the screen grows again: no program can erase them, so
     * the lines between the prompt and the region are not checked.)
     */
    let newTop = 0;
    const findTop = (): void => {
      newTop = Math.max(top.line, buffer.baseY);
    };
    for (const [i, next] of [...s.steps, { kind: 'draw' as const }].entries()) {
      if (next.kind === 'draw') {
        player.drawNow();
        check(await tty.flush(), `step ${i}: frame`);
      } else {
        const width = cols(next.cols, tty.stream.columns);
        const bytes = await tty.resize(width, next.rows, findTop);
        top.dispose();
        top = mark(newTop - (buffer.baseY + buffer.cursorY));
        check(bytes, `step ${i}: resize to ${width}x${next.rows}`);
      }
    }
    player.stop();
    check(await tty.flush(), 'after stop()', createGrid(tty.stream.columns, 0));
    expect(
      { line: buffer.baseY + buffer.cursorY, col: buffer.cursorX },
      'the cursor after stop()',
    ).toEqual({ line: top.line, col: 0 });
  } finally {
    tty.dispose();
  }
}

/** A case of {@link play} with a still creature (no swimming, no bob), uncoloured. */
const playStill = (s: Omit<Scenario, 'speed' | 'bob' | 'color'>): Promise<void> =>
  play({ ...s, speed: 0, bob: 0, color: false });

describe('the engine in a real terminal', () => {
  it('shows exactly the grid it meant after every frame and every resize, leaves the prompt intact, and clears up', async () => {
    await fc.assert(fc.asyncProperty(scenario, play), { numRuns: 100 });
  }, 60_000);

  it('finds the region again after a resize that re-wraps a row of wide glyphs early', async () => {
    // A terminal does not split a wide glyph over two lines: one that would start in the
    // last column goes whole to the next line, so "xあxあ" (6 cells) takes 4 lines at width 2,
    // not 3. The region must climb all of them to erase its top row.
    await playStill({
      arts: ['xあxあ\n<'],
      start: { cols: 8, rows: 4 },
      steps: [{ kind: 'draw' }, { kind: 'resize', cols: 2, rows: 6 }],
      fps: 10,
      prompt: '$ fish',
    });
  });

  it('finds the region again after a resize that re-wraps a row below the cursor', async () => {
    // The second frame changes only the top row, so the cursor stays there, above a long
    // row. Narrowed, xterm.js wraps that row onto two lines and, the screen not being
    // scrolled, moves the cursor down a line as it does so: the region must still find its
    // top row, one line above the cursor.
    await playStill({
      arts: ['@fish v1\nduration: 0.25\n@frame\na\nbbbbbbbb\n@frame\nc\nbbbbbbbb'],
      start: { cols: 10, rows: 6 },
      steps: [{ kind: 'draw' }, { kind: 'draw' }, { kind: 'resize', cols: 4, rows: 6 }],
      fps: 4,
      prompt: '$ fish',
    });
  });

  it('makes the region anew when the terminal gets lower, even where the region keeps its height', async () => {
    // A 4-row terminal holds the prompt and a 3-row region; at 3 rows the region is still 3
    // rows, but the terminal dropped the rows below the cursor, which rests on the region's
    // top: the bottom row of art is gone from the screen and must be drawn again.
    await playStill({
      arts: ['@fish v1\nfacing: left\n@frame\nx\n\nあ'],
      start: { cols: 38, rows: 4 },
      steps: [{ kind: 'draw' }, { kind: 'resize', cols: 38, rows: 3 }, { kind: 'draw' }],
      fps: 1,
      prompt: '!',
    });
  });
});
