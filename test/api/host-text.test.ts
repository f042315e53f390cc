/**
 * Host text on its way to the terminal: the sanitizer keeps SGR and removes every other
 * control sequence; labels read SGR into the grid's styles and know their width.
 */
import { describe, expect, it } from 'vitest';
import {
  applySgr,
  labelCharWidth,
  lineText,
  sanitizeText,
  toLabel,
} from '../../src/api/host-text.js';
import { STYLE_BOLD } from '../../src/art/types.js';

const ESC = '\u001B';

describe('sanitizeText', () => {
  it('leaves printable text alone', () => {
    expect(sanitizeText('plain text, 100% ok', true)).toBe('plain text, 100% ok');
    expect(sanitizeText('héllo 漢字 🐟', true)).toBe('héllo 漢字 🐟');
  });

  it('keeps SGR when asked, and drops it otherwise', () => {
    const chalked = `${ESC}[1m${ESC}[31mred${ESC}[39m${ESC}[22m ${ESC}[38;5;208morange${ESC}[0m ${ESC}[38:2::1:2:3mrgb${ESC}[m`;
    expect(sanitizeText(chalked, true)).toBe(chalked);
    expect(sanitizeText(chalked, false)).toBe('red orange rgb');
  });

  it.each([
    ['cursor movement', `a${ESC}[2Ab`],
    ['erase the screen', `a${ESC}[2Jb`],
    ['private modes', `a${ESC}[?25l${ESC}[?1049hb`],
    ['a window title ended by BEL', `a${ESC}]0;pwned\u0007b`],
    ['a window title ended by ST', `a${ESC}]2;pwned${ESC}\\b`],
    ['a title ended by the 8-bit ST', `a${ESC}]2;pwned\u009Cb`],
    ['a hyperlink', `${ESC}]8;;https://evil.example${ESC}\\a${ESC}]8;;${ESC}\\b`],
    ['a device control string', `a${ESC}P1$r0m${ESC}\\b`],
    ['an application program command', `a${ESC}_payload${ESC}\\b`],
    ['a two-byte escape (RIS)', `a${ESC}cb`],
    ['charset designation', `a${ESC}(0b`],
    ['an ESC at the end', `ab${ESC}`],
    ['an unfinished CSI at the end', `ab${ESC}[12`],
    ['the 8-bit CSI', `a\u009Bb`],
    ['BEL and backspace', `a\u0007\u0008b`],
    ['DEL', `a\u007Fb`],
    ['bidi overrides', `a\u202E\u2066b`],
    ['zero-width characters', `a\u200B\uFEFFb`],
  ])('removes %s', (_name, text) => {
    expect(sanitizeText(text, true)).toBe('ab');
  });

  it('turns line breaks and tabs into spaces: the text is one line', () => {
    expect(sanitizeText('one\ntwo\r\nthree\tfour\u2028five', true)).toBe(
      'one two  three four five',
    );
  });

  it('removes a lone ESC, and takes an ESC before a final byte as a sequence, as terminals do', () => {
    expect(sanitizeText(`a${ESC}éb`, true)).toBe('aéb');
    expect(sanitizeText(`a${ESC}bc`, true)).toBe('ac');
  });

  it('removes lone surrogates', () => {
    expect(sanitizeText('a\uD800b', true)).toBe('ab');
  });
});

describe('labels', () => {
  it('read SGR into styles: basic and bright colours, bold, resets', () => {
    const label = toLabel(
      `${ESC}[1;31mA${ESC}[22mB${ESC}[94mC${ESC}[39mD${ESC}[38;5;9;32mE${ESC}[0mF`,
      true,
    );
    expect(label.runs).toEqual([
      { text: 'A', style: STYLE_BOLD | 2 },
      { text: 'B', style: 2 },
      { text: 'C', style: 5 },
      { text: 'D', style: 0 },
      { text: 'E', style: 3 },
      { text: 'F', style: 0 },
    ]);
    expect(label.width).toBe(6);
    expect(label.charWidth).toBeUndefined();
  });

  it('are plain when colour is off', () => {
    expect(toLabel(`${ESC}[31mred${ESC}[39m!`, false).runs).toEqual([
      { text: 'red', style: 0 },
      { text: '!', style: 0 },
    ]);
  });

  it('count wide characters twice and combining marks not at all', () => {
    const label = toLabel('漢字 e\u0301 🐟', false);
    expect(label.width).toBe(2 + 2 + 1 + 1 + 1 + 2);
    expect(label.charWidth).toBe(labelCharWidth);
    expect(labelCharWidth('\u0301')).toBe(0);
  });

  it('skip the arguments of extended colours', () => {
    expect(applySgr(0, '38;2;31;32;33;1')).toBe(STYLE_BOLD);
    expect(applySgr(0, '48;5;31')).toBe(0);
    expect(applySgr(STYLE_BOLD | 3, '')).toBe(0);
  });
});

describe('lineText', () => {
  it('closes styling so that it cannot leak past the line', () => {
    expect(lineText(`${ESC}[31mred`, true)).toBe(`${ESC}[31mred${ESC}[m`);
    expect(lineText(`${ESC}[31mred${ESC}[m`, true)).toBe(`${ESC}[31mred${ESC}[m`);
    expect(lineText(`${ESC}[31mred${ESC}[2J`, false)).toBe('red');
  });
});
