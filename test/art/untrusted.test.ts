import { describe, expect, it } from 'vitest';
import { shorten } from '../../src/art/untrusted.js';

describe('shorten', () => {
  it('keeps short text whole', () => {
    expect(shorten('angelfish')).toBe('angelfish');
  });

  it('never cuts an emoji in half (a lone surrogate is not printable)', () => {
    // 36 units of text, then a shark (two UTF-16 units) straddling the cut at 37.
    const text = `${'a'.repeat(36)}\u{1F988}${'b'.repeat(20)}`;
    const short = shorten(text, 40);
    expect(short).toBe(`${'a'.repeat(36)}...`);
    expect(short).not.toMatch(/\p{Cs}/u);
  });

  it('keeps an emoji that fits before the cut', () => {
    const short = shorten(`${'a'.repeat(30)}\u{1F988}${'b'.repeat(20)}`, 40);
    expect(short.startsWith(`${'a'.repeat(30)}\u{1F988}`)).toBe(true);
    expect(short).not.toMatch(/\p{Cs}/u);
  });
});
