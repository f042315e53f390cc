/**
 * The terminal's size as the engine takes it, and the surface's size on it (SurfaceSizer).
 */
import { describe, expect, it } from 'vitest';
import { MAX_TERMINAL, sanitizeSize, SurfaceSizer } from '../../src/terminal/size.js';
import type { TerminalStream } from '../../src/terminal/stream.js';

/** A stream that reports `columns` and `rows`, and, if given, a window size asked of the terminal. */
function terminal(
  size: { columns?: number; rows?: number },
  asked?: () => [number, number],
): TerminalStream & { columns?: number; rows?: number } {
  return {
    ...size,
    write: () => true,
    on: () => undefined,
    off: () => undefined,
    ...(asked === undefined ? {} : { getWindowSize: asked }),
  };
}

describe('sanitizeSize', () => {
  it('takes whole numbers from 1 up to the largest believed, and nothing else', () => {
    expect(sanitizeSize(80.7, 1000)).toBe(80);
    expect(sanitizeSize(1e9, MAX_TERMINAL.columns)).toBe(1000);
    for (const nonsense of [0, -3, Number.NaN, '80', undefined]) {
      expect(sanitizeSize(nonsense, 1000)).toBeUndefined();
    }
  });
});

describe('SurfaceSizer', () => {
  it('caps the rows wanted at the terminal height, and fills it for a whole screen', () => {
    const stream = terminal({ columns: 50, rows: 4 });
    expect(new SurfaceSizer(stream, 6, false).size()).toEqual({ cols: 50, rows: 4 });
    expect(new SurfaceSizer(stream, 2, false).size()).toEqual({ cols: 50, rows: 2 });
    expect(new SurfaceSizer(stream, 2, true).size()).toEqual({ cols: 50, rows: 4 });
  });

  it('takes 80 columns and the rows wanted from a stream that says nothing', () => {
    expect(new SurfaceSizer(terminal({}), 3, true).size()).toEqual({ cols: 80, rows: 3 });
  });

  it('asks the terminal itself before what the stream last heard', () => {
    const stream = terminal({ columns: 50, rows: 4 }, () => [30, 2]);
    expect(new SurfaceSizer(stream, 3, false).size()).toEqual({ cols: 30, rows: 2 });
  });

  it('falls back on what the stream last heard when the terminal cannot be asked', () => {
    const stream = terminal({ columns: 50, rows: 4 }, () => {
      throw new Error('EBADF');
    });
    expect(new SurfaceSizer(stream, 3, false).size()).toEqual({ cols: 50, rows: 3 });
  });

  it("notes the terminal's size, whatever the surface's: a lower terminal is a change", () => {
    const stream = terminal({ columns: 50, rows: 10 });
    const sizer = new SurfaceSizer(stream, 2, false);
    expect(sizer.note()).toBe(true);
    expect(sizer.note()).toBe(false);
    stream.rows = 9; // the surface keeps its 2 rows, but rows below the cursor may be gone
    expect(sizer.changed()).toBe(true);
    expect(sizer.changed()).toBe(true);
    expect(sizer.note()).toBe(true);
    expect(sizer.changed()).toBe(false);
  });
});
