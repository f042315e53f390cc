/**
 * One frame of an embedded animation, composed purely: the layout of the tank and the texts,
 * and the progress label beside the creature.
 */
import { describe, expect, it } from 'vitest';
import {
  composeSpinnerFrame,
  progressText,
  spinnerHeight,
  spinnerLayout,
  SPINNER_ART_WIDTHS,
  type SpinnerScene,
} from '../../src/api/frame.js';
import { NO_LABEL, toLabel } from '../../src/api/host-text.js';
import { parseArt, resolveArt } from '../../src/art/index.js';
import { createGrid } from '../../src/render/grid.js';
import { gridLines } from '../../src/render/lines.js';

const bass = resolveArt('bass');

function scene(overrides: Partial<SpinnerScene> = {}): SpinnerScene {
  return {
    art: bass,
    speed: 10,
    bob: 0,
    width: undefined,
    indent: 0,
    defaultWidth: 'spinner',
    prefix: NO_LABEL,
    text: NO_LABEL,
    suffix: NO_LABEL,
    progress: undefined,
    ...overrides,
  };
}

const frame = (s: SpinnerScene, t: number, cols = 30): string[] =>
  gridLines(composeSpinnerFrame(s, t, createGrid(cols, spinnerHeight(s))), false);

describe('spinnerLayout', () => {
  it('gives the tank the whole line by default without a text, less the other texts', () => {
    const layout = spinnerLayout(
      scene({ prefix: toLabel('ab', false), suffix: toLabel('s', false) }),
      30,
    );
    expect(layout).toEqual({
      row: 0,
      tankStart: 3,
      tankWidth: 30 - 3 - 2,
      trackWidth: 25,
      textStart: 29,
      suffixStart: 29,
    });
  });

  it('with a text, makes the tank spinner-sized by default: three art widths before the text', () => {
    const layout = spinnerLayout(
      scene({
        prefix: toLabel('ab', false),
        text: toLabel('text', false),
        suffix: toLabel('s', false),
      }),
      80,
    );
    expect(SPINNER_ART_WIDTHS * bass.width).toBe(15);
    expect(layout).toEqual({
      row: 0,
      tankStart: 3,
      tankWidth: 15,
      trackWidth: 15,
      textStart: 19,
      suffixStart: 24,
    });
    // With progress, the label's room is added; on a narrow line, what the texts leave.
    const progress = { amount: 0, total: 10 };
    expect(spinnerLayout(scene({ text: toLabel('t', false), progress }), 80).tankWidth).toBe(
      15 + '100% 10/10'.length + 1,
    );
    expect(spinnerLayout(scene({ text: toLabel('text', false) }), 16).tankWidth).toBe(11);
    // A given width is kept.
    expect(spinnerLayout(scene({ text: toLabel('t', false), width: 40 }), 80).tankWidth).toBe(40);
  });

  it('puts the line after indent blank cells', () => {
    const s = scene({ indent: 2, prefix: toLabel('p', false), text: toLabel('t', false) });
    expect(spinnerLayout(s, 80)).toMatchObject({ tankStart: 4, textStart: 20 });
    expect(frame(s, 0, 30)).toEqual(["  p >))'>           t"]);
  });

  it('keeps a given width, but never narrower than the art', () => {
    expect(spinnerLayout(scene({ width: 12 }), 80).tankWidth).toBe(12);
    expect(spinnerLayout(scene({ width: 2 }), 80).tankWidth).toBe(bass.width);
    expect(spinnerLayout(scene({ text: toLabel('x'.repeat(100), false) }), 40).tankWidth).toBe(
      bass.width,
    );
  });

  it('clips what reaches past the right edge', () => {
    const s = scene({ width: 26, text: toLabel('overflowing text', false) });
    expect(frame(s, 0)).toEqual([">))'>" + ' '.repeat(22) + 'ove']); // the tank is 0-25, the text from 27 to the edge
  });

  it('keeps room for the widest progress label, so the track does not change as numbers grow', () => {
    const at = (amount: number) =>
      spinnerLayout(scene({ width: 30, progress: { amount, total: 250 } }), 80);
    expect(at(0).trackWidth).toBe(30 - '100% 250/250'.length - 1);
    expect(at(249)).toEqual(at(0));
  });

  it('puts the texts on the middle row of tall or bobbing art', () => {
    const tall = parseArt('a\nb\nc');
    expect(spinnerLayout(scene({ art: tall }), 20).row).toBe(1);
    expect(spinnerLayout(scene({ bob: 2 }), 20).row).toBe(2);
    expect(spinnerHeight(scene({ art: tall, bob: 1 }))).toBe(5);
  });
});

describe('composeSpinnerFrame', () => {
  it('swims the creature across the tank, texts fixed beside it', () => {
    const s = scene({ width: 10, text: toLabel('hi', false), prefix: toLabel('>', false) });
    // The tank is cells 2-11 (after "> "), the text at 13.
    expect(frame(s, 0)).toEqual([`> >))'>${' '.repeat(6)}hi`]);
    expect(frame(s, 0.3)).toEqual([`>${' '.repeat(4)}>))'>   hi`]);
    expect(frame(s, 0.6)).toEqual([`>${' '.repeat(5)}<'((<  hi`]);
  });

  it('places the creature by the progress, its label right after it', () => {
    const s = (amount: number) => scene({ width: 25, progress: { amount, total: 10 } });
    expect(frame(s(0), 0)).toEqual([">))'> 0% 0/10"]);
    expect(frame(s(5), 0)).toEqual([`${' '.repeat(5)}>))'> 50% 5/10`]);
    // The track is 25 cells less the label's room (11): the creature goes from 0 to 9.
    expect(frame(s(10), 0)).toEqual([`${' '.repeat(9)}>))'> 100% 10/10`]);
  });

  it('is pure: the same scene and time give the same frame, into any grid', () => {
    const s = scene({ suffix: toLabel('same', false) });
    expect(frame(s, 1.7)).toEqual(frame(s, 1.7));
    expect(frame(s, 1.7, 40)).not.toEqual(frame(s, 1.7, 30));
  });
});

describe('progressText', () => {
  it('is the percentage (rounded down) and the count, or the bare amount', () => {
    expect(progressText({ amount: 42, total: 100 })).toBe('42% 42/100');
    expect(progressText({ amount: 999, total: 1000 })).toBe('99% 999/1000');
    expect(progressText({ amount: 12, total: 10 })).toBe('100% 12/10');
    expect(progressText({ amount: 0, total: 0 })).toBe('100% 0/0');
    expect(progressText({ amount: 7, total: undefined })).toBe('7');
  });
});
