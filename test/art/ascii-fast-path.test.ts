/**
 * ASCII art never needs Intl.Segmenter, nor art of the common characters that are graphemes
 * of their own (box drawing, Latin-1, kana, CJK, Hangul syllables): loading it must not
 * create one. This file parses nothing else before the check, so the module's lazily created
 * segmenter does not exist yet.
 */
import { describe, expect, it, vi } from 'vitest';
import { listArt, parseArt, resolveArt } from '../../src/art/index.js';

describe('the ASCII fast path', () => {
  it('parses ASCII art without Intl.Segmenter, and uses it for the first non-ASCII line', () => {
    const segmenter = vi.spyOn(Intl, 'Segmenter').mockImplementation(function noSegmenter() {
      throw new Error('Intl.Segmenter was created');
    });
    try {
      parseArt(">))'>");
      parseArt('@fish v1\nname: x\ntransparent: .\nmirror: ab\n@frame\n\t<(.)>\n@mask\n r\n');
      for (const { name } of listArt()) if (name !== 'emoji') resolveArt(name);
      parseArt('┌─┐\n│中│ ¡olé! かナ한Ａ\n└─┘');
      expect(segmenter).not.toHaveBeenCalled();
      // The check is not vacuous: other lines do reach for the segmenter.
      expect(() => parseArt('🐟')).toThrow('Intl.Segmenter was created');
      expect(() => parseArt('中\u0301')).toThrow('Intl.Segmenter was created');
    } finally {
      segmenter.mockRestore();
    }
  });
});
