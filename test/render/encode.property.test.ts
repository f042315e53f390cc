/**
 * The encoder against a real terminal: whatever two frames are, the bytes it emits turn a
 * terminal showing the first into one showing the second, cell for cell, without scrolling.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { STYLE_BOLD, type Sprite, type SpriteCell } from '../../src/art/types.js';
import { clearGrid, createGrid, spansOf, type Grid } from '../../src/render/grid.js';
import { changedArea, composeFrame, drawText, type Placement } from '../../src/render/compose.js';
import { encodeDiff, type Cursor } from '../../src/render/encode.js';
import {
  createTerminal,
  readCells,
  readCursor,
  scrolledLines,
  writeAsync,
  type Terminal,
} from '../helpers/xterm.js';
import { InlineRegion } from '../../src/terminal/region.js';
import { spriteOf as fixtureSprite, testWidth, WIDE_GLYPHS } from './fixtures.js';

const NARROW = [...'abcxyz<>()/\\|_-=~.,;:\'"`^*#@!?0123456789 '];

/** A style: default, a colour, bold, or both. */
const styleArb = fc.oneof(
  fc.constant(0),
  fc.integer({ min: 1, max: 8 }),
  fc.constant(STYLE_BOLD),
  fc.integer({ min: 1, max: 8 }).map((colour) => colour | STYLE_BOLD),
);

/** A piece of text to draw somewhere: narrow and wide glyphs, one style. */
const strokeArb = (cols: number, rows: number) =>
  fc.record({
    x: fc.integer({ min: -2, max: cols }),
    y: fc.integer({ min: 0, max: rows - 1 }),
    text: fc
      .array(
        fc.oneof(
          { weight: 5, arbitrary: fc.constantFrom(...NARROW) },
          { weight: 1, arbitrary: fc.constantFrom(...WIDE_GLYPHS) },
        ),
        {
          minLength: 1,
          maxLength: Math.min(12, cols + 2),
        },
      )
      .map((glyphs) => glyphs.join('')),
    style: styleArb,
  });

interface Stroke {
  x: number;
  y: number;
  text: string;
  style: number;
}

/** `base` (copied) with the strokes drawn over it. */
function paint(base: Grid, strokes: readonly Stroke[]): Grid {
  const grid: Grid = {
    cols: base.cols,
    rows: base.rows,
    glyphs: [...base.glyphs],
    widths: base.widths.slice(),
    styles: base.styles.slice(),
  };
  for (const { x, y, text, style } of strokes) drawText(grid, x, y, text, style, testWidth);
  return grid;
}

/** A scenario: a size, three frames (each a few strokes over the last, or a fresh screen). */
const scenarioArb = fc
  .record({ cols: fc.integer({ min: 1, max: 40 }), rows: fc.integer({ min: 1, max: 12 }) })
  .chain(({ cols, rows }) => {
    const strokes = (max: number) => fc.array(strokeArb(cols, rows), { maxLength: max });
    return fc.record({
      cols: fc.constant(cols),
      rows: fc.constant(rows),
      first: strokes(3 * rows),
      // For each later frame: draw over the previous frame, or start from a blank screen.
      second: fc.record({ fresh: fc.boolean(), strokes: strokes(8) }),
      third: fc.record({ fresh: fc.boolean(), strokes: strokes(8) }),
      color: fc.boolean(),
      synchronized: fc.boolean(),
      convertEol: fc.boolean(),
    });
  });

/**
 * A row of cells as comparable text, one token per cell: glyph (a blank as a space), width,
 * foreground (palette index or -1) and bold. Continuations compare by width only.
 */
function token(glyph: string, width: number, fg: number, bold: boolean): string {
  if (width === 0) return '[0]';
  // A blank looks the same in any colour and weight: the engine writes it in whatever style.
  if ((glyph === '' || glyph === ' ') && width === 1) return '[ ]';
  return `[${glyph}${width}${fg}${bold ? 'B' : ''}]`;
}

/** Asserts that the terminal shows `grid`, cell for cell. */
function expectScreen(term: Terminal, grid: Grid, color: boolean): void {
  const screen = readCells(term);
  const shown: string[] = [];
  const wanted: string[] = [];
  for (let row = 0; row < grid.rows; row++) {
    let got = '';
    let want = '';
    for (let col = 0; col < grid.cols; col++) {
      const i = row * grid.cols + col;
      const cell = screen[row][col];
      const style = color ? grid.styles[i] : 0;
      got += token(cell.chars, cell.width, cell.fg, cell.bold);
      want += token(grid.glyphs[i], grid.widths[i], (style & 15) - 1, (style & STYLE_BOLD) !== 0);
    }
    shown.push(got);
    wanted.push(want);
  }
  expect(shown).toEqual(wanted);
}

/** Rows 1.. of the screen that are soft-wrapped continuations of the row above (xterm.js's flag). */
function wrappedRows(term: Terminal, rows: number): boolean[] {
  const buffer = term.buffer.active;
  return Array.from(
    { length: rows - 1 },
    (_, row) => buffer.getLine(buffer.baseY + row + 1)?.isWrapped === true,
  );
}

/** The options a scenario encodes with. */
interface Mode {
  readonly color: boolean;
  readonly synchronized: boolean;
  /** The inline region's way: one soft-wrapped logical line, the cursor resting on its first cell. */
  readonly chained: boolean;
}

/** A scenario drawn by {@link scenarioArb}. */
type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

/**
 * A terminal of the scenario's size, and the mode to encode its frames with. A region is
 * chained when `chain` asks for it and the terminal can wrap it (xterm.js is at least 2
 * columns wide: a 1-column region cannot wrap in it); it then starts as the inline region
 * opens it, its rows soft-wrapped into one line. The caller disposes of the terminal.
 */
async function openTerminal(s: Scenario, chain: boolean): Promise<{ term: Terminal; mode: Mode }> {
  const chained = chain && s.cols >= 2;
  const term = createTerminal(s.cols, s.rows, { convertEol: s.convertEol });
  if (chained)
    await writeAsync(
      term,
      new InlineRegion(s.cols, s.rows, { color: s.color }).open('line start', s.cols, s.rows),
    );
  return { term, mode: { color: s.color, synchronized: s.synchronized, chained } };
}

/**
 * Write one frame's diff and check the screen, the cursor, that nothing scrolled, and for a
 * chained region that it is still one logical line with the cursor at rest on its first cell.
 */
async function step(
  term: Terminal,
  prev: Grid,
  next: Grid,
  cursor: Cursor,
  mode: Mode,
): Promise<Cursor> {
  const rest = mode.chained ? { row: 0, col: 0 } : undefined;
  const result = encodeDiff(prev, next, cursor, { ...mode, rest });
  await writeAsync(term, result.bytes);
  expect(scrolledLines(term)).toBe(0);
  expectScreen(term, next, mode.color);
  const at = readCursor(term);
  expect(at.row).toBe(result.cursor.row);
  if (result.cursor.col >= 0) expect(at.col).toBe(result.cursor.col);
  else expect(at.col).toBeGreaterThanOrEqual(next.cols - 1);
  if (!mode.color) expect(result.bytes).not.toMatch(/\u001B\[[0-9;]*m/);
  if (mode.chained) {
    if (result.bytes !== '') expect(at).toEqual({ row: 0, col: 0 });
    expect(result.bytes).not.toContain('\n');
    expect(wrappedRows(term, next.rows)).toEqual(new Array(next.rows - 1).fill(true));
  }
  return result.cursor;
}

describe('encodeDiff in a real terminal', () => {
  it('turns any frame into any other, cell for cell, never scrolling, and keeps a chained region one line', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, fc.boolean(), async (s, chain) => {
        const blank = createGrid(s.cols, s.rows);
        const a = paint(blank, s.first);
        const b = paint(s.second.fresh ? blank : a, s.second.strokes);
        const c = paint(s.third.fresh ? blank : b, s.third.strokes);
        const { term, mode } = await openTerminal(s, chain);
        try {
          let cursor: Cursor = { row: 0, col: 0 };
          cursor = await step(term, blank, a, cursor, mode);
          cursor = await step(term, a, b, cursor, mode);
          await step(term, b, c, cursor, mode);
          // No frame leaves a style set: a glyph written now comes out in the default style.
          await writeAsync(term, '\u001B[HZ');
          expect(readCells(term)[0][0]).toMatchObject({ chars: 'Z', fg: -1, bold: false });
        } finally {
          term.dispose();
        }
      }),
      { numRuns: 300 },
    );
  });

  it('moves part of a row sideways (ICH/DCH) where that pays, and the screen is exact', async () => {
    let shifted = 0;
    /** `grid` with row `y`'s cells from `from` to `to` moved `k` cells (the rest kept or moved too). */
    const moved = (
      grid: Grid,
      y: number,
      from: number,
      to: number,
      k: number,
      tail: boolean,
    ): Grid => {
      const out = paint(grid, []);
      const base = y * grid.cols;
      const end = tail ? grid.cols - 1 : to;
      const cells = Array.from({ length: end - from + 1 }, (_, i) => ({
        glyph: grid.glyphs[base + from + i],
        width: grid.widths[base + from + i],
        style: grid.styles[base + from + i],
      }));
      for (let c = from; c <= end; c++) {
        out.glyphs[base + c] = ' ';
        out.widths[base + c] = 1;
        out.styles[base + c] = 0;
      }
      cells.forEach((cell, i) => {
        const c = from + i + k;
        if (c < 0 || c >= grid.cols) return;
        out.glyphs[base + c] = cell.glyph;
        out.widths[base + c] = cell.width;
        out.styles[base + c] = cell.style;
      });
      // A wide glyph cut in two by the edges of the move is not a grid the engine makes.
      for (let c = 0; c < grid.cols; c++) {
        const lead = out.widths[base + c] === 2;
        const follows = c + 1 < grid.cols && out.widths[base + c + 1] === 0;
        const orphan = out.widths[base + c] === 0 && (c === 0 || out.widths[base + c - 1] !== 2);
        if ((lead && !follows) || orphan) {
          out.glyphs[base + c] = ' ';
          out.widths[base + c] = 1;
        }
      }
      return out;
    };
    const arb = scenarioArb.chain((s) =>
      fc.record({
        s: fc.constant(s),
        y: fc.integer({ min: 0, max: s.rows - 1 }),
        from: fc.integer({ min: 0, max: s.cols - 1 }),
        length: fc.integer({ min: 1, max: s.cols }),
        k: fc.integer({ min: -3, max: 3 }),
        tail: fc.boolean(),
        chain: fc.boolean(),
      }),
    );
    await fc.assert(
      fc.asyncProperty(arb, async ({ s, y, from, length, k, tail, chain }) => {
        const blank = createGrid(s.cols, s.rows);
        const a = paint(blank, s.first);
        const b = moved(a, y, from, Math.min(s.cols - 1, from + length - 1), k, tail);
        const { term, mode } = await openTerminal(s, chain);
        try {
          const cursor = await step(term, blank, a, { row: 0, col: 0 }, mode);
          await step(term, a, b, cursor, mode);
          const rest = mode.chained ? { row: 0, col: 0 } : undefined;
          if (/\u001B\[\d*[@P]/.test(encodeDiff(a, b, cursor, { ...mode, rest }).bytes)) shifted++;
        } finally {
          term.dispose();
        }
      }),
      { numRuns: 300 },
    );
    // The property is about shifts: it must have seen the encoder make them.
    expect(shifted).toBeGreaterThan(10);
  });
});

describe('encodeDiff over rows the terminal shows blank', () => {
  /** A cell of `grid` broken by hand: half a wide glyph, an empty glyph, or a stray continuation. */
  const breakArb = fc.record({
    at: fc.nat(),
    kind: fc.constantFrom('continuation', 'empty', 'lead'),
    style: styleArb,
  });

  it('paints them with the very bytes, cursor and counts that diffing them gives', () => {
    fc.assert(
      fc.property(
        scenarioArb,
        fc.array(breakArb, { maxLength: 6 }),
        fc.boolean(),
        fc.record({ row: fc.nat(), col: fc.integer({ min: -1, max: 40 }) }),
        (s, breaks, chained, at) => {
          // Rows drawn in `prev` are diffed; the blank ones are painted, but only where the
          // grid's spans say they are blank: an untracked copy of it is diffed whole.
          const tracked = clearGrid(createGrid(s.cols, s.rows));
          for (const { x, y, text, style } of s.second.strokes)
            drawText(tracked, x, y, text, style, testWidth);
          const untracked = paint(tracked, []);
          expect(spansOf(untracked)).toBeUndefined();
          const next = paint(createGrid(s.cols, s.rows), s.first);
          for (const { at: cell, kind, style } of breaks) {
            const i = cell % next.glyphs.length;
            next.glyphs[i] = kind === 'lead' ? WIDE_GLYPHS[0] : '';
            next.widths[i] = kind === 'continuation' ? 0 : kind === 'lead' ? 2 : 1;
            next.styles[i] = style;
          }
          const cursor = { row: at.row % s.rows, col: Math.min(at.col, s.cols - 1) };
          const options = {
            color: s.color,
            synchronized: s.synchronized,
            chained,
            rest: chained ? { row: 0, col: 0 } : undefined,
          };
          expect(encodeDiff(tracked, next, cursor, options)).toEqual(
            encodeDiff(untracked, next, cursor, options),
          );
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('encodeDiff between frames composed from sprites', () => {
  /** A cell of a sprite: transparent, a narrow glyph, or a wide one (and its continuation). */
  const cellArb = fc.oneof(
    { weight: 2, arbitrary: fc.constant(null) },
    { weight: 5, arbitrary: fc.record({ glyph: fc.constantFrom(...NARROW), style: styleArb }) },
    {
      weight: 1,
      arbitrary: fc.record({ glyph: fc.constantFrom(...WIDE_GLYPHS), style: styleArb }),
    },
  );
  const spriteArb = fc
    .record({ width: fc.integer({ min: 1, max: 6 }), height: fc.integer({ min: 1, max: 3 }) })
    .chain(({ width, height }) =>
      fc.array(cellArb, { minLength: width * height, maxLength: width * height }).map((drawn) => {
        const cells: (SpriteCell | null)[] = [];
        for (let i = 0; i < drawn.length; i++) {
          const cell = drawn[i];
          const lastInRow = (i + 1) % width === 0;
          if (cell === null || (testWidth(cell.glyph) === 2 && lastInRow)) cells.push(null);
          else if (testWidth(cell.glyph) === 1) cells.push({ ...cell, width: 1 });
          else {
            cells.push({ ...cell, width: 2 }, { glyph: '', width: 0, style: cell.style });
            i++;
          }
        }
        const sprite: Sprite = { width, height, cells: cells.slice(0, width * height) };
        return sprite;
      }),
    );
  /** What happens to a placement from one frame to the next. */
  const changeArb = fc.record({
    kind: fc.constantFrom('stay', 'stay', 'stay', 'move', 'sprite', 'leave', 'join', 'depth'),
    dx: fc.integer({ min: -2, max: 2 }),
    dy: fc.integer({ min: -1, max: 1 }),
    pick: fc.nat(),
  });
  /** What happens to a placement no change is drawn for. */
  const STAY = { kind: 'stay', dx: 0, dy: 0, pick: 0 } as const;
  const sceneArb = fc
    .record({
      // Wider than 240 columns, a row is read by where the sprites are (see coarseBlocks).
      cols: fc.oneof(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 241, max: 300 })),
      rows: fc.integer({ min: 1, max: 8 }),
    })
    .chain(({ cols, rows }) =>
      fc.record({
        cols: fc.constant(cols),
        rows: fc.constant(rows),
        sprites: fc.array(spriteArb, { minLength: 1, maxLength: 4 }),
        start: fc.array(
          fc.record({
            pick: fc.nat(),
            x: fc.integer({ min: -3, max: cols }),
            y: fc.integer({ min: -2, max: rows }),
            depth: fc.integer({ min: 0, max: 3 }),
          }),
          { maxLength: 8 },
        ),
        frames: fc.array(
          fc.record({
            changes: fc.array(changeArb, { maxLength: 8 }),
            // Drawn on after composing: the grid is no longer what its composition says.
            scribble: fc.option(
              fc.record({ x: fc.nat(), y: fc.nat(), text: fc.constantFrom('#', 'ab', 'あ') }),
              { freq: 4 },
            ),
          }),
          { minLength: 1, maxLength: 6 },
        ),
        color: fc.boolean(),
        chained: fc.boolean(),
      }),
    );
  it('tries shifts over the ink of both frames: a creature that left is still erased', () => {
    // A fish moves a cell right (worth a shift) while, far to its right, a bubble leaves: the
    // shifted row still holds the bubble, and the trial must see it there to erase it.
    const fish = fixtureSprite(['abcdefgh']);
    const bubble = fixtureSprite(['o']);
    // Wide enough (over 240 columns) to be read by where the sprites are, not by blocks.
    const prev = composeFrame(300, 1, [
      { sprite: fish, x: 2, y: 0, depth: 0 },
      { sprite: bubble, x: 250, y: 0, depth: 0 },
    ]);
    const next = composeFrame(300, 1, [{ sprite: fish, x: 3, y: 0, depth: 0 }]);
    const cursor: Cursor = { row: 0, col: 0 };
    const result = encodeDiff(prev, next, cursor);
    expect(result.bytes).toContain('\u001b[@');
    expect(result).toEqual(encodeDiff(paint(prev, []), paint(next, []), cursor));
  });

  it('diffs only where sprites changed, with the very bytes that diffing the whole grids gives', () => {
    let narrowed = 0;
    fc.assert(
      fc.property(sceneArb, (s) => {
        const { cols, rows, sprites } = s;
        const spriteOf = (pick: number): Sprite => sprites[pick % sprites.length];
        let placements: Placement[] = s.start.map(({ pick, x, y, depth }) => ({
          sprite: spriteOf(pick),
          x,
          y,
          depth,
        }));
        // Two grids taking turns, as the player's do.
        const grids = [createGrid(cols, rows), createGrid(cols, rows)];
        let shown = composeFrame(cols, rows, placements, grids[0]);
        let cursor: Cursor = { row: 0, col: 0 };
        const options = {
          color: s.color,
          chained: s.chained,
          rest: s.chained ? { row: 0, col: 0 } : undefined,
        };
        s.frames.forEach(({ changes, scribble }, k) => {
          const after: Placement[] = [];
          placements.forEach((placement, i) => {
            const change = changes[i % Math.max(1, changes.length)] ?? STAY;
            const { kind } = change;
            if (kind === 'leave') return;
            if (kind === 'move')
              after.push({ ...placement, x: placement.x + change.dx, y: placement.y + change.dy });
            else if (kind === 'sprite')
              after.push({ ...placement, sprite: spriteOf(change.pick + 1) });
            else if (kind === 'depth')
              after.push({ ...placement, depth: (placement.depth + 1) % 4 });
            else after.push(placement);
            if (kind === 'join')
              after.push({
                ...placement,
                sprite: spriteOf(change.pick),
                x: placement.x + change.dx,
              });
          });
          placements = after;
          const next = composeFrame(cols, rows, placements, grids[(k + 1) % 2]);
          if (scribble !== null)
            drawText(next, scribble.x % cols, scribble.y % rows, scribble.text, 0, testWidth);
          const area = changedArea(shown, next);
          if (area !== undefined && scribble === null) {
            // Some rows left out of the diff: the case this property is about.
            for (let r = 0; r < rows; r++) if (area.starts[r] === area.starts[r + 1]) narrowed++;
          } else if (scribble !== null) expect(area).toBeUndefined();
          const result = encodeDiff(shown, next, cursor, options);
          // Copies that no composition or span vouches for: the encoder reads them whole.
          expect(result).toEqual(encodeDiff(paint(shown, []), paint(next, []), cursor, options));
          shown = next;
          cursor = result.cursor;
        });
      }),
      { numRuns: 3000 },
    );
    expect(narrowed).toBeGreaterThan(100);
  });
});
