import ansiEscapes from 'ansi-escapes';
import { describe, expect, it } from 'vitest';
import { STYLE_BOLD } from '../../src/art/types.js';
import * as escapes from '../../src/render/escapes.js';
import { createTerminal, readCursor, writeAsync } from '../helpers/xterm.js';

const ESC = '\u001B[';

describe('escapes', () => {
  it('has the single-byte controls and the fixed sequences', () => {
    expect([escapes.CR, escapes.BS, escapes.LF, escapes.CRLF]).toEqual(['\r', '\b', '\n', '\r\n']);
    expect(escapes.EL).toBe(`${ESC}K`);
    expect(escapes.SGR_RESET).toBe(`${ESC}m`);
    expect(escapes.SYNC_BEGIN).toBe(`${ESC}?2026h`);
    expect(escapes.SYNC_END).toBe(`${ESC}?2026l`);
    expect(escapes.SYNC_COST).toBe(16);
  });

  it('builds cursor moves with n omitted for 1 and nothing for 0', () => {
    expect([escapes.cuf(1), escapes.cub(1), escapes.cuu(1), escapes.cud(1)]).toEqual([
      `${ESC}C`,
      `${ESC}D`,
      `${ESC}A`,
      `${ESC}B`,
    ]);
    expect([escapes.cuf(12), escapes.cub(3), escapes.cuu(2), escapes.cud(700)]).toEqual([
      `${ESC}12C`,
      `${ESC}3D`,
      `${ESC}2A`,
      `${ESC}700B`,
    ]);
    expect([escapes.cuf(0), escapes.cub(-1), escapes.backspaces(0)]).toEqual(['', '', '']);
    expect(escapes.backspaces(3)).toBe('\b\b\b');
    expect(escapes.backspaces(12)).toBe('\b'.repeat(12));
  });

  it('knows what a move costs', () => {
    for (const n of [1, 2, 9, 10, 99, 100, 999, 1000, 12345])
      expect(escapes.csiMoveCost(n)).toBe(escapes.cuf(n).length);
  });

  it('sets a style absolutely', () => {
    expect(escapes.sgr(0)).toBe(escapes.SGR_RESET);
    expect(escapes.sgr(1)).toBe(`${ESC}0;30m`);
    expect(escapes.sgr(8 | STYLE_BOLD)).toBe(`${ESC}0;1;37m`);
    expect(escapes.sgr(STYLE_BOLD)).toBe(`${ESC}0;1m`);
  });

  it('changes style with the shortest SGR', () => {
    expect(escapes.sgrTransition(0, 0)).toBe('');
    expect(escapes.sgrTransition(0, 2)).toBe(`${ESC}31m`);
    expect(escapes.sgrTransition(0, 2 | STYLE_BOLD)).toBe(`${ESC}1;31m`);
    expect(escapes.sgrTransition(2, 3)).toBe(`${ESC}32m`);
    expect(escapes.sgrTransition(2, 2 | STYLE_BOLD)).toBe(`${ESC}1m`);
    expect(escapes.sgrTransition(2 | STYLE_BOLD, 2)).toBe(`${ESC}22m`);
    expect(escapes.sgrTransition(2 | STYLE_BOLD, 3)).toBe(`${ESC}0;32m`);
    expect(escapes.sgrTransition(2 | STYLE_BOLD, STYLE_BOLD)).toBe(`${ESC}39m`);
    expect(escapes.sgrTransition(5 | STYLE_BOLD, 0)).toBe(escapes.SGR_RESET);
  });

  it('reads unknown style bits and colours as default', () => {
    expect(escapes.normalizeStyle(2 | 64)).toBe(2);
    expect(escapes.normalizeStyle(12 | STYLE_BOLD)).toBe(STYLE_BOLD);
    expect(escapes.sgrTransition(0, 12)).toBe('');
  });

  it('measures UTF-8 bytes', () => {
    expect(escapes.utf8Length('abc')).toBe(3);
    expect(escapes.utf8Length('°')).toBe(2);
    expect(escapes.utf8Length('あ')).toBe(3);
    expect(escapes.utf8Length('🐟')).toBe(4);
    expect(escapes.utf8Length('\ud800x')).toBe(4);
    for (const text of ['', 'a°あ🐟', '\u001B[31m🐟 fish']) {
      expect(escapes.utf8Length(text)).toBe(new TextEncoder().encode(text).length);
    }
  });
});

describe("the vocabulary is ansi-escapes'", () => {
  it('every fixed sequence is the one ansi-escapes writes', () => {
    expect(escapes.EL).toBe(ansiEscapes.eraseEndLine);
    expect(escapes.ED).toBe(ansiEscapes.eraseDown);
    expect(escapes.ERASE_SCREEN).toBe(ansiEscapes.eraseScreen);
    expect(escapes.ENTER_ALTERNATE_SCREEN).toBe(ansiEscapes.enterAlternativeScreen);
    expect(escapes.LEAVE_ALTERNATE_SCREEN).toBe(ansiEscapes.exitAlternativeScreen);
    expect(escapes.SYNC_BEGIN).toBe(ansiEscapes.beginSynchronizedOutput);
    expect(escapes.SYNC_END).toBe(ansiEscapes.endSynchronizedOutput);
  });

  /** Our short forms, each with ansi-escapes' form of the same move. */
  const MOVES = [
    ['cuf', escapes.cuf, (n: number) => ansiEscapes.cursorForward(n)],
    ['cub', escapes.cub, (n: number) => ansiEscapes.cursorBackward(n)],
    ['cuu', escapes.cuu, (n: number) => ansiEscapes.cursorUp(n)],
    ['cud', escapes.cud, (n: number) => ansiEscapes.cursorDown(n)],
    // ansi-escapes has CNL and CPL by one line only: by n, its cursorMove's rows then column 0.
    [
      'cnl',
      escapes.cnl,
      (n: number) =>
        n === 1 ? ansiEscapes.cursorNextLine : ansiEscapes.cursorDown(n) + ansiEscapes.cursorLeft,
    ],
    [
      'cpl',
      escapes.cpl,
      (n: number) =>
        n === 1 ? ansiEscapes.cursorPrevLine : ansiEscapes.cursorUp(n) + ansiEscapes.cursorLeft,
    ],
  ] as const;
  const COUNTS = [...Array.from({ length: 300 }, (_, i) => i + 1), 999, 1000, 4096];

  it("our cursor moves are never longer than ansi-escapes' for any count", () => {
    for (const [name, ours, theirs] of MOVES) {
      for (const n of COUNTS) {
        expect(ours(n).length, `${name}(${n})`).toBeLessThanOrEqual(theirs(n).length);
      }
      // One cell or row: the default count is left out, a byte fewer.
      expect(ours(1).length, name).toBeLessThan(ansiEscapes.cursorForward(1).length);
    }
    expect(escapes.CURSOR_HOME.length).toBeLessThan(ansiEscapes.cursorTo(0, 0).length);
  });

  it('and a terminal (xterm.js) moves the cursor the same way for each', async () => {
    const term = createTerminal(300, 300);
    const landing = async (start: string, move: string): Promise<{ row: number; col: number }> => {
      await writeAsync(term, `${ansiEscapes.cursorTo(0, 0)}${start}${move}`);
      return readCursor(term);
    };
    try {
      // From the middle of the screen, so that every move has room (and a large one stops at the edge).
      const middle = ansiEscapes.cursorTo(150, 150);
      for (const [name, ours, theirs] of MOVES) {
        for (const n of [1, 2, 9, 10, 99, 100, 149, 150, 151, 255, 256, 1000]) {
          expect(await landing(middle, ours(n)), `${name}(${n})`).toEqual(
            await landing(middle, theirs(n)),
          );
        }
      }
      expect(await landing(middle, escapes.CURSOR_HOME)).toEqual(
        await landing(middle, ansiEscapes.cursorTo(0, 0)),
      );
    } finally {
      term.dispose();
    }
  });
});
