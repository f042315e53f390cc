/** The lines `fish --progress` reads (issue 13). */
import { describe, expect, it } from 'vitest';
import {
  applyLine,
  countText,
  LineSplitter,
  MAX_LINE_BYTES,
  type ProgressState,
} from '../../src/cli/progress-input.js';

const START: ProgressState = { amount: 0, total: undefined, text: undefined };
const after = (lines: string[], state = START): ProgressState => lines.reduce(applyLine, state);

describe('applyLine', () => {
  it('advances one step per line, empty or text', () => {
    expect(after(['', '', '']).amount).toBe(3);
    expect(after(['a.jpg', 'b.jpg'])).toEqual({ amount: 2, total: undefined, text: 'b.jpg' });
  });
  it('sets the amount from a number, and the total from N/M', () => {
    expect(after(['42'])).toEqual({ amount: 42, total: undefined, text: undefined });
    expect(after([' 42 / 120 '])).toEqual({ amount: 42, total: 120, text: undefined });
    expect(after(['42/120', '43'])).toEqual({ amount: 43, total: 120, text: undefined });
  });
  it('keeps the total at least the amount', () => {
    expect(after(['', ''], { ...START, total: 1 }).total).toBe(2);
    expect(after(['5/3']).total).toBe(5);
  });
  it('says the count as the status line shows it', () => {
    expect(countText(after(['7/10']))).toBe('7/10');
    expect(countText(after(['', '']))).toBe('2');
  });
});

describe('LineSplitter', () => {
  const split = (chunks: string[]): string[] => {
    const lines: string[] = [];
    const splitter = new LineSplitter();
    for (const chunk of chunks) splitter.push(Buffer.from(chunk), (l) => lines.push(l));
    splitter.end((l) => lines.push(l));
    return lines;
  };
  it('splits lines across chunks, drops \\r\\n endings, keeps a last unended line', () => {
    expect(split(['a\nb', 'c\r\n', '\nd'])).toEqual(['a', 'bc', '', 'd']);
  });
  it('keeps at most MAX_LINE_BYTES of a long line, and goes on after it', () => {
    const lines = split(['x'.repeat(MAX_LINE_BYTES * 3), 'y'.repeat(10), '\nnext\n']);
    expect(lines).toEqual(['x'.repeat(MAX_LINE_BYTES), 'next']);
  });
});
