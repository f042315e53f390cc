/**
 * Art files are untrusted: no byte that makes a terminal do anything but draw may pass.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseArt } from '../../src/art/index.js';
import { glyphsOf } from '../../src/art/width.js';
import { artError, trickyChar } from './helpers.js';

/** Every string a terminal would see from an art: every glyph of every frame. */
function everyGlyph(text: string): string {
  const art = parseArt(text);
  return [...art.frames.left, ...art.frames.right]
    .flatMap((sprite) => sprite.cells.map((cell) => cell?.glyph ?? ''))
    .join('');
}

describe('control characters', () => {
  it.each([
    ['ESC', 'a\u001bb', 'control character U+001B (escape)'],
    ['a CSI sequence', 'x\u001b[31mred', 'control character U+001B (escape)'],
    ['an OSC sequence', '\u001b]0;title\u0007', 'control character U+001B (escape)'],
    ['a DCS sequence', '\u001bP+q\u001b\\', 'control character U+001B (escape)'],
    ['BEL', 'ding\u0007', 'control character U+0007 (bell)'],
    ['NUL', 'a\u0000', 'control character U+0000 (null)'],
    ['backspace', 'a\bb', 'control character U+0008 (backspace)'],
    ['form feed', '\f', 'control character U+000C (form feed)'],
    ['vertical tab', 'a\u000bb', 'control character U+000B (vertical tab)'],
    ['a lone CR', 'a\rb', 'control character U+000D (carriage return)'],
    ['a CR before CRLF', 'a\r\r\nb', 'control character U+000D (carriage return)'],
    ['DEL', 'a\u007f', 'control character U+007F (delete)'],
    ['C1 CSI', 'a\u009b31m', 'control character U+009B (control sequence introducer)'],
    ['C1 OSC', '\u009d0;x\u009c', 'control character U+009D (operating system command)'],
    ['C1 DCS', '\u0090x', 'control character U+0090 (device control string)'],
    ['C1 NEL', '\u0085', 'control character U+0085 (next line)'],
    ['U+0080', '\u0080', 'control character U+0080 is not allowed in art'],
    ['right-to-left override', 'abc\u202edef', 'control character U+202E (right-to-left override)'],
    ['left-to-right embedding', '\u202a', 'control character U+202A (left-to-right embedding)'],
    ['pop directional formatting', '\u202c', 'control character U+202C'],
    ['left-to-right isolate', '\u2066x', 'control character U+2066 (left-to-right isolate)'],
    ['pop directional isolate', 'x\u2069', 'control character U+2069 (pop directional isolate)'],
    ['right-to-left mark', 'x\u200f', 'control character U+200F (right-to-left mark)'],
    ['zero width space', 'a\u200bb', 'control character U+200B (zero width space)'],
    ['zero width non-joiner', 'a\u200cb', 'control character U+200C (zero width non-joiner)'],
    ['a lone zero width joiner', 'a\u200db', 'control character U+200D (zero width joiner)'],
    ['line separator', 'a\u2028b', 'control character U+2028 (line separator)'],
    ['paragraph separator', 'a\u2029b', 'control character U+2029 (paragraph separator)'],
    ['a BOM after the start', 'a\ufeffb', 'control character U+FEFF (zero width no-break space)'],
    ['a soft hyphen', 'a\u00adb', 'control character U+00AD (soft hyphen)'],
    ['a word joiner', 'a\u2060b', 'control character U+2060 (word joiner)'],
    ['a tag character', 'a\u{e0041}', 'control character U+E0041 is not allowed in art'],
    ['an unpaired surrogate', 'a\ud800b', 'unpaired surrogate U+D800 is not allowed in art'],
  ])('refuses %s, naming it and its line', (_, bad, reason) => {
    const error = artError(() => parseArt(`ok\n${bad}\n`, { file: 'evil.art' }));
    expect(error.line).toBe(2);
    expect(error.message).toContain(`fish: evil.art:2: ${reason}`);
    expect(error.message).toMatch(/is not allowed in art$/);
  });

  it('gives the message of the example', () => {
    const error = artError(() => parseArt('<><\n\u001b[2J\n', { file: 'evil.art' }));
    expect(error.message).toBe(
      'fish: evil.art:2: control character U+001B (escape) is not allowed in art',
    );
  });

  it.each([
    ['a header comment', '@fish v1\n# \u001b[2J\n@frame\no\n', 2],
    ['a header value', '@fish v1\nname: a\u0007\n@frame\no\n', 2],
    ['a directive line', '@fish v1\n@frame\u001b\no\n', 2],
    ['a mask', '@fish v1\n@frame\no\n@mask\n\u001b\n', 5],
    ['a trailing blank line that is dropped', 'o\n\n  \u0007\n', 3],
    ['a line of the opposite facing', '@fish v1\n@frame\no\n@opposite\n@frame\n\u009b\n', 6],
    ['the first line', '\u001b@fish v1\n', 1],
  ])('checks every line: %s', (_, bad, line) => {
    expect(artError(() => parseArt(bad)).line).toBe(line);
  });

  it('allows tabs, CRLF and printable characters', () => {
    expect(everyGlyph('\ta\r\n\u00e9\u4e2d\ud83d\udc1f\u00a0~')).toContain('\ud83d\udc1f');
  });

  it('guards glyphsOf too, for anyone who uses it directly', () => {
    expect(artError(() => glyphsOf('\u001b[1m')).message).toBe(
      'fish: <text>: control character U+001B (escape) is not allowed in art',
    );
  });

  it('never lets a control character into a parsed art (property)', () => {
    const forbidden = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u;
    fc.assert(
      fc.property(fc.string({ unit: trickyChar, maxLength: 40 }), (input) => {
        let glyphs: string;
        try {
          glyphs = everyGlyph(input);
        } catch {
          return true;
        }
        return !forbidden.test(glyphs);
      }),
      { numRuns: 2000 },
    );
  });
});
