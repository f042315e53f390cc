/**
 * ASCII art never needs Intl.Segmenter: loading it must not create one. This file parses
 * nothing else before the check, so the module's lazily created segmenter does not exist yet.
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
      expect(segmenter).not.toHaveBeenCalled();
      // The check is not vacuous: a non-ASCII line does reach for the segmenter.
      expect(() => parseArt('中')).toThrow('Intl.Segmenter was created');
    } finally {
      segmenter.mockRestore();
    }
  });
});
