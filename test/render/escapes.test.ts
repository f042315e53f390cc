import ansiEscapes from 'ansi-escapes';
import { describe, expect, it } from 'vitest';
import { STYLE_BOLD } from '../../src/art/types.js';
import {
  CURSOR_HOME,
  ED,
  ENTER_ALTERNATE_SCREEN,
  ERASE_SCREEN,
  LEAVE_ALTERNATE_SCREEN,
  cnl,
  cpl,
  BS,
  CR,
  CRLF,
  EL,
  LF,
  SGR_RESET,
  SYNC_BEGIN,
  SYNC_COST,
  SYNC_END,
  backspaces,
  csiMoveCost,
  cub,
  cud,
  cuf,
  cuu,
  normalizeStyle,
  sgr,
  sgrTransition,
  utf8Length,
} from '../../src/render/escapes.js';
import { createTerminal, readCursor, writeAsync } from '../helpers/xterm.js';

const ESC = '\u001B[';

describe('escapes', () => {
  it('has the single-byte controls and the fixed sequences', () => {
    expect([CR, BS, LF, CRLF]).toEqual(['\r', '\b', '\n', '\r\n']);
    expect(EL).toBe(`${ESC}K`);
    expect(SGR_RESET).toBe(`${ESC}m`);
    expect(SYNC_BEGIN).toBe(`${ESC}?2026h`);
    expect(SYNC_END).toBe(`${ESC}?2026l`);
    expect(SYNC_COST).toBe(16);
  });

  it('builds cursor moves with n omitted for 1 and nothing for 0', () => {
    expect([cuf(1), cub(1), cuu(1), cud(1)]).toEqual([`${ESC}C`, `${ESC}D`, `${ESC}A`, `${ESC}B`]);
    expect([cuf(12), cub(3), cuu(2), cud(700)]).toEqual([
      `${ESC}12C`,
      `${ESC}3D`,
      `${ESC}2A`,
      `${ESC}700B`,
    ]);
    expect([cuf(0), cub(-1), backspaces(0)]).toEqual(['', '', '']);
    expect(backspaces(3)).toBe('\b\b\b');
    expect(backspaces(12)).toBe('\b'.repeat(12));
  });

  it('knows what a move costs', () => {
    for (const n of [1, 2, 9, 10, 99, 100, 999, 1000, 12345])
      expect(csiMoveCost(n)).toBe(cuf(n).length);
  });

  it('sets a style absolutely', () => {
    expect(sgr(0)).toBe(SGR_RESET);
    expect(sgr(1)).toBe(`${ESC}0;30m`);
    expect(sgr(8 | STYLE_BOLD)).toBe(`${ESC}0;1;37m`);
    expect(sgr(STYLE_BOLD)).toBe(`${ESC}0;1m`);
  });

  it('changes style with the shortest SGR', () => {
    expect(sgrTransition(0, 0)).toBe('');
    expect(sgrTransition(0, 2)).toBe(`${ESC}31m`);
    expect(sgrTransition(0, 2 | STYLE_BOLD)).toBe(`${ESC}1;31m`);
    expect(sgrTransition(2, 3)).toBe(`${ESC}32m`);
    expect(sgrTransition(2, 2 | STYLE_BOLD)).toBe(`${ESC}1m`);
    expect(sgrTransition(2 | STYLE_BOLD, 2)).toBe(`${ESC}22m`);
    expect(sgrTransition(2 | STYLE_BOLD, 3)).toBe(`${ESC}0;32m`);
    expect(sgrTransition(2 | STYLE_BOLD, STYLE_BOLD)).toBe(`${ESC}39m`);
    expect(sgrTransition(5 | STYLE_BOLD, 0)).toBe(SGR_RESET);
  });

  it('reads unknown style bits and colours as default', () => {
    expect(normalizeStyle(2 | 64)).toBe(2);
    expect(normalizeStyle(12 | STYLE_BOLD)).toBe(STYLE_BOLD);
    expect(sgrTransition(0, 12)).toBe('');
  });

  it('measures UTF-8 bytes', () => {
    expect(utf8Length('abc')).toBe(3);
    expect(utf8Length('°')).toBe(2);
    expect(utf8Length('あ')).toBe(3);
    expect(utf8Length('🐟')).toBe(4);
    expect(utf8Length('\ud800x')).toBe(4);
    for (const text of ['', 'a°あ🐟', '\u001B[31m🐟 fish']) {
      expect(utf8Length(text)).toBe(new TextEncoder().encode(text).length);
    }
  });
});

describe("the vocabulary is ansi-escapes'", () => {
  it('every fixed sequence is the one ansi-escapes writes', () => {
    expect(EL).toBe(ansiEscapes.eraseEndLine);
    expect(ED).toBe(ansiEscapes.eraseDown);
    expect(ERASE_SCREEN).toBe(ansiEscapes.eraseScreen);
    expect(ENTER_ALTERNATE_SCREEN).toBe(ansiEscapes.enterAlternativeScreen);
    expect(LEAVE_ALTERNATE_SCREEN).toBe(ansiEscapes.exitAlternativeScreen);
    expect(SYNC_BEGIN).toBe(ansiEscapes.beginSynchronizedOutput);
    expect(SYNC_END).toBe(ansiEscapes.endSynchronizedOutput);
  });

  /** Our short forms, each with ansi-escapes' form of the same move. */
  const MOVES = [
    ['cuf', cuf, (n: number) => ansiEscapes.cursorForward(n)],
    ['cub', cub, (n: number) => ansiEscapes.cursorBackward(n)],
    ['cuu', cuu, (n: number) => ansiEscapes.cursorUp(n)],
    ['cud', cud, (n: number) => ansiEscapes.cursorDown(n)],
    // ansi-escapes has CNL and CPL by one line only: by n, its cursorMove's rows then column 0.
    [
      'cnl',
      cnl,
      (n: number) =>
        n === 1 ? ansiEscapes.cursorNextLine : ansiEscapes.cursorDown(n) + ansiEscapes.cursorLeft,
    ],
    [
      'cpl',
      cpl,
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
    expect(CURSOR_HOME.length).toBeLessThan(ansiEscapes.cursorTo(0, 0).length);
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
      expect(await landing(middle, CURSOR_HOME)).toEqual(
        await landing(middle, ansiEscapes.cursorTo(0, 0)),
      );
    } finally {
      term.dispose();
    }
  });
});
