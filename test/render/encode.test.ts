import { describe, expect, it } from 'vitest';
import { STYLE_BOLD } from '../../src/art/types.js';
import { createGrid, type Grid } from '../../src/render/grid.js';
import { drawText } from '../../src/render/compose.js';
import { encodeDiff, moveCursor, SYNC_MIN_BYTES, type Cursor } from '../../src/render/encode.js';
import { SYNC_BEGIN, SYNC_END } from '../../src/render/escapes.js';
import { gridOf, testWidth } from './fixtures.js';

const ESC = '\u001B[';
const HOME: Cursor = { row: 0, col: 0 };

/** `grid` copied with `text` drawn at (x, y). */
function edit(grid: Grid, x: number, y: number, text: string, style = 0): Grid {
  const copy: Grid = {
    ...grid,
    glyphs: [...grid.glyphs],
    widths: grid.widths.slice(),
    styles: grid.styles.slice(),
  };
  drawText(copy, x, y, text, style, testWidth);
  return copy;
}

/** The bytes of a diff from `prev` to `next` with the cursor at `cursor`. */
function bytes(prev: Grid, next: Grid, cursor: Cursor = HOME, color = false): string {
  return encodeDiff(prev, next, cursor, { color }).bytes;
}

describe('encodeDiff', () => {
  const blank = createGrid(10, 3);

  it('returns nothing for a frame that changes nothing', () => {
    const grid = gridOf(10, 3, ['abc']);
    expect(encodeDiff(grid, gridOf(10, 3, ['abc']), { row: 2, col: -1 })).toEqual({
      bytes: '',
      cursor: { row: 2, col: -1 },
      cellsChanged: 0,
      rowsChanged: 0,
    });
  });

  it('writes a single changed cell after the cheapest move', () => {
    expect(encodeDiff(blank, edit(blank, 4, 1, 'x'), HOME)).toEqual({
      bytes: `\n${ESC}4Cx`,
      cursor: { row: 1, col: 5 },
      cellsChanged: 1,
      rowsChanged: 1,
    });
    expect(bytes(blank, edit(blank, 0, 0, 'x'))).toBe('x');
  });

  it('throws on grids of different sizes', () => {
    expect(() => encodeDiff(createGrid(3, 1), createGrid(4, 1), HOME)).toThrow(RangeError);
  });

  describe('moves', () => {
    const row = gridOf(30, 3, []);
    it('forward: CUF, with n omitted for 1', () => {
      expect(bytes(row, edit(row, 5, 0, 'x'))).toBe(`${ESC}5Cx`);
      expect(bytes(row, edit(row, 1, 0, 'x'))).toBe(`${ESC}Cx`);
      expect(bytes(row, edit(row, 12, 0, 'x'))).toBe(`${ESC}12Cx`);
    });

    it('back: CR to column 0, backspaces for short moves, CUB or CR + CUF for longer', () => {
      expect(bytes(row, edit(row, 0, 0, 'x'), { row: 0, col: 7 })).toBe('\rx');
      expect(bytes(row, edit(row, 5, 0, 'x'), { row: 0, col: 7 })).toBe('\b\bx');
      expect(bytes(row, edit(row, 4, 0, 'x'), { row: 0, col: 7 })).toBe('\b\b\bx');
      expect(bytes(row, edit(row, 2, 0, 'x'), { row: 0, col: 8 })).toBe(`${ESC}6Dx`);
      expect(bytes(row, edit(row, 1, 0, 'x'), { row: 0, col: 20 })).toBe(`\r${ESC}Cx`);
      expect(bytes(row, edit(row, 15, 0, 'x'), { row: 0, col: 25 })).toBe(`${ESC}10Dx`);
    });

    it('down: LF only from column 0 or as CR LF, else IND (a row, keeping the column) or CUD', () => {
      expect(bytes(row, edit(row, 0, 1, 'x'), { row: 0, col: 0 })).toBe('\nx');
      expect(bytes(row, edit(row, 0, 2, 'x'), { row: 0, col: 0 })).toBe('\n\nx');
      expect(bytes(row, edit(row, 0, 1, 'x'), { row: 0, col: 5 })).toBe('\r\nx');
      expect(bytes(row, edit(row, 5, 1, 'x'), { row: 0, col: 5 })).toBe(`\u001BDx`);
      expect(bytes(row, edit(row, 4, 2, 'x'), { row: 0, col: 5 })).toBe(`${ESC}2B\bx`);
      expect(bytes(row, edit(row, 3, 1, 'x'), { row: 0, col: 0 })).toBe(`\n${ESC}3Cx`);
    });

    it('up: CUU, or CPL where the target is column 0', () => {
      expect(bytes(row, edit(row, 3, 0, 'x'), { row: 2, col: 3 })).toBe(`${ESC}2Ax`);
      expect(bytes(row, edit(row, 0, 0, 'x'), { row: 1, col: 3 })).toBe(`${ESC}Fx`);
    });

    it('from an unknown column (pending wrap): CR first', () => {
      expect(bytes(row, edit(row, 3, 0, 'x'), { row: 0, col: -1 })).toBe(`\r${ESC}3Cx`);
      expect(bytes(row, edit(row, 0, 1, 'x'), { row: 0, col: -1 })).toBe('\r\nx');
      // CPL lands on column 0 from anywhere, a pending wrap included: no CR needed.
      expect(bytes(row, edit(row, 2, 1, 'x'), { row: 2, col: -1 })).toBe(`${ESC}F${ESC}2Cx`);
      // A column past the region is unknown too.
      expect(bytes(row, edit(row, 2, 0, 'x'), { row: 0, col: 99 })).toBe(`\r${ESC}2Cx`);
    });

    it('moveCursor picks the cheapest and returns nothing when already there', () => {
      expect(moveCursor(1, 4, 1, 4)).toBe('');
      expect(moveCursor(0, 9, 3, 0)).toBe('\r\n\n\n');
      expect(moveCursor(0, 9, 5, 0)).toBe(`${ESC}5E`);
      expect(moveCursor(0, 0, 6, 0)).toBe(`${ESC}6B`);
      // Without line feeds (a chained region): CUD or CNL.
      expect(moveCursor(0, 9, 3, 0, false)).toBe(`${ESC}3E`);
      expect(moveCursor(0, 0, 1, 4, false)).toBe(`\u001BD${ESC}4C`);
      // Up a row, keeping the column: RI.
      expect(moveCursor(1, 4, 0, 4)).toBe(`\u001BM`);
    });

    it('a chained region: never a line feed, a blank row emptied with ECH across it, and back to rest', () => {
      const prev = gridOf(10, 3, ['ab', 'cd', 'ef']);
      const next = gridOf(10, 3, ['ab', '', 'e']);
      const out = encodeDiff(
        prev,
        next,
        { row: 0, col: 0 },
        { chained: true, rest: { row: 0, col: 0 } },
      );
      // Row 1 turns blank: ECH across it (EL from column 0 would unwrap it in xterm.js); row 2
      // loses one cell, written as a space.
      expect(out.bytes).toBe(`\u001BD${ESC}10X\u001BD${ESC}C ${ESC}2F`);
      expect(out.cursor).toEqual({ row: 0, col: 0 });
    });

    it('a chained region: its first row, turning blank, is emptied with EL, cheaper than ECH', () => {
      const prev = gridOf(80, 2, ['ab', '']);
      const next = gridOf(80, 2, ['', '  c']);
      const out = encodeDiff(
        prev,
        next,
        { row: 0, col: 0 },
        { chained: true, rest: { row: 0, col: 0 } },
      );
      // EL from column 0 unwraps only the row it is on, and the first row continues no row.
      expect(out.bytes).toBe(`${ESC}K\u001BD${ESC}2Cc${ESC}F`);
      // A lower row that turns blank still gets ECH across it.
      const back = encodeDiff(
        next,
        prev,
        { row: 0, col: 0 },
        { chained: true, rest: { row: 0, col: 0 } },
      );
      expect(back.bytes).toBe(`ab${ESC}E${ESC}80X\u001BM`);
    });
  });

  it('writes runs left to right, rows top to bottom', () => {
    const next = gridOf(10, 3, ['ab', '', '   cd']);
    expect(bytes(blank, next)).toBe(`ab\r\n\n${ESC}3Ccd`);
  });

  describe('merging runs', () => {
    const prev = gridOf(20, 1, ['abcdefghijklmnopqrst']);

    it('rewrites a gap that costs fewer bytes than the move over it', () => {
      expect(bytes(prev, edit(prev, 3, 0, 'X'), { row: 0, col: 0 })).toBe(`${ESC}3CX`);
      // Gap of 2: 'bc' (2 bytes) beats CUF 2 (4 bytes).
      expect(bytes(prev, edit(edit(prev, 0, 0, 'X'), 3, 0, 'X'))).toBe('XbcX');
      // Gap of 3: 3 bytes beat 4.
      expect(bytes(prev, edit(edit(prev, 0, 0, 'X'), 4, 0, 'X'))).toBe('XbcdX');
      // Gap of 4: a tie keeps the move.
      expect(bytes(prev, edit(edit(prev, 0, 0, 'X'), 5, 0, 'X'))).toBe(`X${ESC}4CX`);
    });

    it('counts a gap in UTF-8 bytes and SGR', () => {
      const wide = gridOf(20, 1, ['aあbcd🐟e']);
      // 'あ' is 3 bytes for 2 cells: cheaper than CUF 2.
      expect(bytes(wide, edit(edit(wide, 0, 0, 'X'), 3, 0, 'X'))).toBe('XあX');
      // '🐟' is 4 bytes: a tie with CUF 2, so the move.
      expect(bytes(wide, edit(edit(wide, 5, 0, 'X'), 8, 0, 'X'), { row: 0, col: 5 })).toBe(
        `X${ESC}2CX`,
      );
      // A coloured gap needs SGR around it: moving is cheaper.
      const red = gridOf(20, 1, ['a']);
      drawText(red, 1, 0, 'bc', 2);
      expect(bytes(red, edit(edit(red, 0, 0, 'X'), 3, 0, 'X'), HOME, true)).toBe(`X${ESC}2CX`);
    });
  });

  describe('wide glyphs', () => {
    it('writes a wide glyph once, from its lead', () => {
      const next = gridOf(6, 1, ['ab🐟']);
      expect(encodeDiff(createGrid(6, 1), next, HOME)).toMatchObject({
        bytes: 'ab🐟',
        cursor: { row: 0, col: 4 },
        cellsChanged: 4,
      });
    });

    it('rewrites a whole wide glyph when only its second half changed', () => {
      const prev = gridOf(6, 1, ['xあ']);
      const next = gridOf(6, 1, ['x', ' ', ' ']);
      drawText(next, 2, 0, 'y');
      // Column 2 held the continuation; the write starts at column 1 (its lead).
      expect(bytes(prev, next, { row: 0, col: 3 })).toBe('\b\b y');
    });

    it('replaces narrow cells by a wide glyph and back', () => {
      const narrow = gridOf(6, 1, ['abcd']);
      const wide = gridOf(6, 1, ['a漢d']);
      expect(bytes(narrow, wide, { row: 0, col: 0 })).toBe(`${ESC}C漢`);
      expect(bytes(wide, narrow, { row: 0, col: 0 })).toBe(`${ESC}Cbc`);
    });
  });

  describe('SGR', () => {
    it('sets a style only where it changes and resets at the end of the frame', () => {
      const next = createGrid(10, 1);
      drawText(next, 0, 0, 'ab', 2);
      drawText(next, 2, 0, 'c', 2 | STYLE_BOLD);
      drawText(next, 3, 0, 'd');
      expect(bytes(createGrid(10, 1), next, HOME, true)).toBe(`${ESC}31mab${ESC}1mc${ESC}md`);
      drawText(next, 3, 0, 'd', 5);
      expect(bytes(createGrid(10, 1), next, HOME, true)).toBe(
        `${ESC}31mab${ESC}1mc${ESC}0;34md${ESC}m`,
      );
    });

    it('uses bold alone, and colour with bold', () => {
      const next = createGrid(3, 1);
      drawText(next, 0, 0, 'a', STYLE_BOLD);
      drawText(next, 1, 0, 'b', 8 | STYLE_BOLD);
      expect(bytes(createGrid(3, 1), next, HOME, true)).toBe(`${ESC}1ma${ESC}37mb${ESC}m`);
    });

    it('never emits SGR without colour, and ignores style-only changes', () => {
      const plain = gridOf(5, 1, ['abc']);
      const red = gridOf(5, 1, ['abc'], 2);
      expect(bytes(createGrid(5, 1), red, HOME, false)).toBe('abc');
      expect(bytes(plain, red, HOME, false)).toBe('');
      expect(encodeDiff(plain, red, HOME).bytes).toBe('');
      expect(bytes(plain, red, HOME, true)).toBe(`${ESC}31mabc${ESC}m`);
    });
  });

  describe('the last column', () => {
    it('leaves the cursor in pending wrap (col -1) after writing it', () => {
      const prev = createGrid(5, 2);
      const result = encodeDiff(prev, edit(prev, 4, 0, 'x'), HOME);
      expect(result).toMatchObject({ bytes: `${ESC}4Cx`, cursor: { row: 0, col: -1 } });
      const after = edit(edit(prev, 4, 0, 'x'), 0, 1, 'y');
      expect(encodeDiff(edit(prev, 4, 0, 'x'), after, result.cursor).bytes).toBe('\r\ny');
    });

    it('leaves pending wrap after a wide glyph that ends in the last column', () => {
      const prev = createGrid(4, 1);
      expect(encodeDiff(prev, gridOf(4, 1, ['abあ']), HOME).cursor).toEqual({ row: 0, col: -1 });
    });
  });

  describe('erase to the end of the line', () => {
    it('erases a row that turns blank with EL when that is cheaper', () => {
      const prev = gridOf(12, 1, ['hello world']);
      expect(encodeDiff(prev, gridOf(12, 1, ['hello']), HOME)).toMatchObject({
        bytes: `${ESC}6C${ESC}K`,
        cursor: { row: 0, col: 6 },
        cellsChanged: 5,
      });
    });

    it('writes what is left of a shrinking label, then erases', () => {
      const prev = gridOf(12, 1, ['Loading...']);
      expect(bytes(prev, gridOf(12, 1, ['Done']))).toBe(`Done${ESC}K`);
    });

    it('writes a blank or two instead of EL', () => {
      const prev = gridOf(12, 1, ['abcde']);
      expect(bytes(prev, gridOf(12, 1, ['abcd']), { row: 0, col: 4 })).toBe(' ');
      expect(bytes(prev, gridOf(12, 1, ['abc']), { row: 0, col: 3 })).toBe('  ');
      expect(bytes(prev, gridOf(12, 1, ['ab']), { row: 0, col: 2 })).toBe(`${ESC}K`);
    });

    it('erases right after a run when only scattered blanks are left', () => {
      const prev = gridOf(12, 1, ['a b c d']);
      expect(bytes(prev, gridOf(12, 1, ['X']))).toBe(`X${ESC}K`);
    });

    it('erases in the style it is in (erased cells take only the background, which the engine never sets), and resets at the end', () => {
      const prev = gridOf(12, 1, ['abcdefgh']);
      const next = gridOf(12, 1, ['xy'], 3);
      expect(bytes(prev, next, HOME, true)).toBe(`${ESC}32mxy${ESC}K${ESC}m`);
    });

    it('writes blanks in the style it is in: a space looks the same in any colour', () => {
      const prev = gridOf(12, 1, ['a b']);
      const next = gridOf(12, 1, ['x y'], 3);
      // Not `x`, reset, ` `, green again, `y`: the space is written green, and looks no different.
      expect(bytes(prev, next, HOME, true)).toBe(`${ESC}32mx y${ESC}m`);
    });
  });

  describe('synchronized output', () => {
    const wide = createGrid(100, 3);
    const twoRows = edit(edit(wide, 0, 0, 'a'.repeat(80)), 0, 1, 'b'.repeat(80));
    const smallTwoRows = edit(edit(wide, 0, 0, 'a'.repeat(10)), 0, 1, 'b'.repeat(10));
    const oneRow = edit(wide, 0, 0, 'a'.repeat(100));

    it('wraps a frame of 2+ rows and 160+ bytes in the 2026 markers', () => {
      const { bytes: out } = encodeDiff(wide, twoRows, HOME);
      expect(out.startsWith(SYNC_BEGIN)).toBe(true);
      expect(out.endsWith(SYNC_END)).toBe(true);
      expect(out.slice(SYNC_BEGIN.length, -SYNC_END.length)).toBe(
        `${'a'.repeat(80)}\r\n${'b'.repeat(80)}`,
      );
    });

    it('leaves small frames and one-row frames alone', () => {
      expect(encodeDiff(wide, smallTwoRows, HOME).bytes).not.toContain(SYNC_BEGIN);
      expect(encodeDiff(wide, oneRow, HOME).bytes).not.toContain(SYNC_BEGIN);
    });

    it('applies the threshold to the bytes exactly, in UTF-8', () => {
      // 2 rows: 77 + 2 (CR LF) + 81 = 160 bytes.
      const at = edit(edit(wide, 0, 0, 'a'.repeat(77)), 0, 1, 'b'.repeat(81));
      const below = edit(edit(wide, 0, 0, 'a'.repeat(77)), 0, 1, 'b'.repeat(80));
      expect(SYNC_MIN_BYTES).toBe(160);
      expect(encodeDiff(wide, at, HOME).bytes).toContain(SYNC_BEGIN);
      expect(encodeDiff(wide, below, HOME).bytes).not.toContain(SYNC_BEGIN);
      // 'あ' is one UTF-16 unit but three bytes: 27 × 3 + 2 + 27 × 3 = 164.
      const utf8 = edit(edit(wide, 0, 0, 'あ'.repeat(27)), 0, 1, 'あ'.repeat(27));
      expect(encodeDiff(wide, utf8, HOME).bytes).toContain(SYNC_BEGIN);
    });

    it('never wraps with synchronized: false', () => {
      expect(encodeDiff(wide, twoRows, HOME, { synchronized: false }).bytes).not.toContain(
        SYNC_BEGIN,
      );
    });
  });

  it('writes half a wide glyph (a broken grid) as a space, so the terminal never wraps', () => {
    const broken = createGrid(3, 1);
    broken.glyphs[2] = 'あ';
    broken.widths[2] = 2;
    broken.glyphs[0] = '';
    broken.widths[0] = 0;
    expect(encodeDiff(createGrid(3, 1), broken, HOME)).toMatchObject({
      bytes: '   ',
      cursor: { row: 0, col: -1 },
    });
  });

  it('counts changed cells and rows', () => {
    const prev = gridOf(10, 3, ['abc', 'def', 'ghi']);
    const next = gridOf(10, 3, ['abX', 'def', 'Yhi']);
    expect(encodeDiff(prev, next, HOME)).toMatchObject({ cellsChanged: 2, rowsChanged: 2 });
  });

  it('moves a small fish by one cell with a few bytes, the terminal shifting what it can', () => {
    const fish = ['  ,', '><(((°>', "  '"];
    const at = (x: number): Grid => {
      const grid = createGrid(80, 3);
      fish.forEach((line, y) => drawText(grid, x, y, line));
      return grid;
    };
    const result = encodeDiff(at(10), at(11), { row: 2, col: 14 });
    expect(result).toMatchObject({ rowsChanged: 3, cellsChanged: 10, cursor: { row: 2, col: 14 } });
    // Up 2 and back 2; ' ,'; CR LF; the body moved a cell right by inserting one blank at the
    // row's start, before the blanks that lead to it (ICH, 3 bytes against 8 written and a
    // move); LF and forward 12; ' …
    expect(result.bytes).toBe(`${ESC}2A\b\b ,\r\n${ESC}@\n${ESC}12C '`);
  });
});
