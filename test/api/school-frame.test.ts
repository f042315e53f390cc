/**
 * A school's frame as a pure function: the fold, every row in one grid, and what one
 * differential encode of all rows costs.
 */
import { describe, expect, it } from 'vitest';
import { resolveArt } from '../../src/art/index.js';
import { NO_LABEL, toLabel } from '../../src/api/host-text.js';
import {
  composeSchoolFrame,
  foldRows,
  schoolHeight,
  taskScene,
  type TaskRow,
} from '../../src/api/school-frame.js';
import { clearGrid, createGrid } from '../../src/render/grid.js';
import { encodeDiff } from '../../src/render/encode.js';
import { gridLines } from '../../src/render/lines.js';
import { InlineRegion } from '../../src/terminal/region.js';

/** A running task's row: `art` swimming, `text` after the tank. */
function running(text: string, art = 'bass', since = 0): TaskRow {
  const labels = { prefix: NO_LABEL, text: toLabel(text, false), suffix: NO_LABEL };
  const scene = taskScene(resolveArt(art), { speed: 8, width: undefined }, labels, undefined);
  return { scene, status: NO_LABEL, since };
}

/** An ended task's row. */
const ended = (line: string): TaskRow => ({
  scene: undefined,
  status: toLabel(line, false),
  since: 0,
});

const frame = (rows: readonly TaskRow[], t: number, cols: number, height: number): string[] =>
  gridLines(composeSchoolFrame(rows, t, createGrid(cols, height), true), false);

describe('foldRows', () => {
  it('shows every row when they fit, in order', () => {
    const rows = [running('a'), ended('✔ b'), running('c')];
    expect(foldRows(rows, 3)).toEqual({ shown: [0, 1, 2], more: 0 });
  });

  it('shows the running rows that fit, oldest first, and counts the rest on a last line', () => {
    const rows = [running('a'), ended('✔ b'), running('c'), running('d'), running('e')];
    expect(foldRows(rows, 3)).toEqual({ shown: [0, 2], more: 3 });
    expect(foldRows(rows, 1)).toEqual({ shown: [], more: 5 });
  });

  it('counts a tall creature by its rows', () => {
    const rows = [running('a', 'angelfish'), running('b')];
    expect(schoolHeight(rows)).toBe(6);
    expect(foldRows(rows, 5)).toEqual({ shown: [], more: 2 });
    expect(foldRows(rows, 6).more).toBe(0);
  });
});

describe('composeSchoolFrame', () => {
  it('draws each row in its place: fish and text, status line, fold line', () => {
    const rows = [running('one'), ended('✔ two done'), running('three', 'minnow')];
    expect(frame(rows, 0, 30, 3)).toEqual([
      ">))'>".padEnd(27) + 'one',
      '✔ two done',
      '><>'.padEnd(25) + 'three',
    ]);
    const many = [...rows, running('four'), running('five')];
    expect(frame(many, 0, 30, 3)).toEqual([
      ">))'>".padEnd(27) + 'one',
      '><>'.padEnd(25) + 'three',
      '… and 3 more',
    ]);
  });

  it("starts each creature at its task's own time", () => {
    const rows = [running('a', 'bass', 0), running('b', 'bass', 1)];
    const [first, second] = frame(rows, 1, 40, 2);
    expect(first.indexOf('>')).toBe(8); // a second of swimming at 8 cells a second
    expect(second.indexOf('>')).toBe(0); // just started
  });

  it('costs about one fish per swimming task in one differential encode', () => {
    const bytesPerFrame = (count: number): number => {
      const rows = Array.from({ length: count }, (_, i) => running(`task ${i}`, 'bass', -0.37 * i));
      const region = new InlineRegion(80, count, { color: false });
      let total = 0;
      const frames = 200;
      for (let k = 0; k <= frames; k++) {
        const { bytes } = region.draw(
          composeSchoolFrame(rows, k / 12.5, createGrid(80, count), true),
        );
        if (k > 0) total += Buffer.byteLength(bytes);
      }
      return total / frames;
    };
    const one = bytesPerFrame(1);
    const three = bytesPerFrame(3);
    expect(one).toBeGreaterThan(0);
    // Three fish cost about three fish, not three lines: within a fish of 3x.
    expect(three).toBeLessThan(4 * one);
    expect(three).toBeGreaterThan(2 * one);
  });
});

describe('a school frame and the encoder', () => {
  it("draws the tasks' creatures in the grid's drawn spans, so that the encoder sees them", () => {
    // The tasks' frames are copied into the school's grid cell by cell: the encoder looks only
    // inside what the grid says was drawn, and wrote nothing for them when the copy did not say.
    const rows = [running('a'), running('b')];
    const blank = createGrid(30, 2);
    clearGrid(blank);
    const grid = composeSchoolFrame(rows, 0, createGrid(30, 2), true);
    const { bytes } = encodeDiff(blank, grid, { row: 0, col: 0 });
    expect(bytes.match(/>\)\)'>/g)).toHaveLength(2);
  });
});
