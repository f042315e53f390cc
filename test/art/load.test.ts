import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadArt, parseArtBytes } from '../../src/art/index.js';
import { MAX_ART_BYTES } from '../../src/art/limits.js';
import { artError, picture, tempFile, tempFolder } from './helpers.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('loadArt', () => {
  it('loads a plain file, named after the file', () => {
    const path = tempFile('perch.art', '<><\n');
    const art = loadArt(path);
    expect(art.name).toBe('perch');
    expect(art.source).toBe(path);
    expect(picture(art.frames.right[0])).toEqual(['<><']);
  });

  it('loads a file with a header, BOM and CRLF line endings', () => {
    const path = tempFile('x.txt', '\uFEFF@fish v1\r\nname: trout\r\n@frame\r\n<><\r\n');
    const art = loadArt(path);
    expect(art.name).toBe('trout');
    expect(picture(art.frames.right[0])).toEqual(['<><']);
  });

  it('refuses a missing file', () => {
    const path = join(tempFolder(), 'my.art');
    expect(artError(() => loadArt(path)).message).toBe(`fish: ${path}: no such file`);
  });

  it('names the file as the user did', () => {
    const error = artError(() => loadArt('no/such/dir/my.art'));
    expect(error.message).toBe('fish: no/such/dir/my.art: no such file');
    expect(error.file).toBe('no/such/dir/my.art');
    expect(error.line).toBe(0);
  });

  it('refuses a path through a file', () => {
    const path = join(tempFile('plain.art', 'o'), 'x.art');
    expect(artError(() => loadArt(path)).reason).toContain('no such file');
  });

  it('refuses the empty path', () => {
    expect(artError(() => loadArt('')).message).toBe('fish: "": no such file');
  });

  it('refuses a directory', () => {
    const folder = tempFolder();
    expect(artError(() => loadArt(folder)).message).toBe(
      `fish: ${folder}: is a directory, not an art file`,
    );
  });

  it('refuses something that is not a regular file', () => {
    expect(artError(() => loadArt('/dev/null')).reason).toBe('not a regular file');
  });

  it('refuses an empty file', () => {
    const path = tempFile('empty.art', '');
    expect(artError(() => loadArt(path)).message).toBe(`fish: ${path}: the file is empty`);
  });

  it('refuses a file of only blank lines as art with no visible character', () => {
    const path = tempFile('blank.art', '\n  \n');
    expect(artError(() => loadArt(path)).reason).toBe('art has no visible character');
  });

  it('refuses a file over 1 MiB without reading it', () => {
    const path = tempFile('big.art', new Uint8Array(MAX_ART_BYTES + 1).fill(0x41));
    expect(artError(() => loadArt(path)).reason).toBe(
      'the file is too large (1048577 bytes; art files are at most 1 MiB)',
    );
  });

  it('loads a file of exactly 1 MiB', () => {
    const bytes = new Uint8Array(MAX_ART_BYTES).fill(0x20);
    bytes[0] = 0x6f;
    expect(loadArt(tempFile('max.art', bytes)).width).toBe(1);
  });

  it.skipIf(process.getuid?.() === 0 || process.platform === 'win32')(
    'refuses a file it may not read',
    () => {
      const path = tempFile('secret.art', 'o');
      chmodSync(path, 0o000);
      expect(artError(() => loadArt(path)).reason).toBe('permission denied');
    },
  );

  it.skipIf(process.platform === 'win32')('refuses a symbolic link loop', () => {
    const folder = tempFolder();
    const path = join(folder, 'loop.art');
    symlinkSync(path, path);
    expect(artError(() => loadArt(path)).reason).toBe('too many symbolic links');
  });

  it('refuses binary data', () => {
    const path = tempFile(
      'fish.png',
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00]),
    );
    expect(artError(() => loadArt(path)).message).toBe(
      `fish: ${path}: binary data, not a text art file`,
    );
  });

  it('refuses invalid UTF-8 with the offset and line', () => {
    const path = tempFile('latin1.art', new Uint8Array([0x6f, 0x0a, 0x3c, 0xe9, 0x3e, 0x0a]));
    const error = artError(() => loadArt(path));
    expect(error.message).toBe(`fish: ${path}:2: invalid UTF-8 at byte 3; save the file as UTF-8`);
  });

  it('refuses a control character with the line it is on', () => {
    const path = tempFile('evil.art', 'ok\n\u001b[31mred\n');
    expect(artError(() => loadArt(path)).message).toBe(
      `fish: ${path}:2: control character U+001B (escape) is not allowed in art`,
    );
  });

  it('shows a hostile file name escaped', () => {
    const folder = tempFolder();
    const name = 'a\u001b[2Jb.art';
    writeFileSync(join(folder, name), '');
    const error = artError(() => loadArt(join(folder, name)));
    expect(error.message).not.toContain('\u001b');
    expect(error.message).toContain('a\\u{1b}[2Jb.art');
  });

  it('never lets a Node error out', () => {
    const folder = tempFolder();
    mkdirSync(join(folder, 'sub.art'));
    for (const path of [
      join(folder, 'sub.art'),
      join(folder, 'nope'),
      '\u0000',
      'a'.repeat(5000),
    ]) {
      artError(() => loadArt(path));
    }
  });
});

describe('parseArtBytes', () => {
  it('decodes UTF-8 and parses', () => {
    const art = parseArtBytes(utf8('<中>'), { file: 'x.art' });
    expect(art.width).toBe(4);
    expect(art.name).toBe('x');
  });

  it('strips a UTF-8 BOM', () => {
    const art = parseArtBytes(
      new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('@fish v1\nname: b\n@frame\no\n')]),
    );
    expect(art.name).toBe('b');
  });

  it('refuses binary data', () => {
    expect(artError(() => parseArtBytes(new Uint8Array([0x41, 0x00, 0x42]))).message).toBe(
      'fish: <text>: binary data, not a text art file',
    );
  });

  it('refuses UTF-16', () => {
    const le = new Uint8Array([0xff, 0xfe, 0x3c, 0x00, 0x3e, 0x00]);
    const be = new Uint8Array([0xfe, 0xff, 0x00, 0x3c, 0x00, 0x3e]);
    for (const bytes of [le, be]) {
      expect(artError(() => parseArtBytes(bytes)).reason).toBe(
        'UTF-16 text, not UTF-8; save the file as UTF-8',
      );
    }
  });

  it.each([
    ['a stray continuation byte', [0x61, 0x80], 1],
    ['a truncated sequence', [0x61, 0x62, 0xe4, 0xb8], 2],
    ['a truncated sequence before ASCII', [0xe4, 0x41, 0x41], 0],
    ['an overlong encoding', [0xc0, 0xaf], 0],
    ['an overlong three-byte encoding', [0xe0, 0x80, 0xaf], 0],
    ['an encoded surrogate', [0x41, 0xed, 0xa0, 0x80], 1],
    ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
    ['an invalid lead byte', [0xff, 0x41], 0],
  ])('refuses invalid UTF-8: %s', (_, bytes, offset) => {
    const error = artError(() => parseArtBytes(new Uint8Array(bytes)));
    expect(error.reason).toBe(`invalid UTF-8 at byte ${offset}; save the file as UTF-8`);
  });

  it('counts lines up to the bad byte', () => {
    const error = artError(() => parseArtBytes(new Uint8Array([...utf8('a\nb\nc'), 0xc3])));
    expect(error.line).toBe(3);
    expect(error.reason).toContain('at byte 5');
  });

  it('accepts every valid UTF-8 form', () => {
    const art = parseArtBytes(utf8('é中🐟'));
    expect(art.width).toBe(5);
  });
});
