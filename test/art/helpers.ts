/**
 * Shared helpers of the art tests: sprites as text, and temporary files.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, expect } from 'vitest';
import { ArtError, MASK_LETTERS, STYLE_BOLD, type Sprite } from '../../src/art/index.js';

/** How {@link picture} shows a transparent cell. */
export const CLEAR = '·';

/**
 * A sprite as lines of text: transparent cells as `·`, continuation cells left out (so a
 * wide glyph shows as itself).
 */
export function picture(sprite: Sprite): string[] {
  return mapRows(sprite, (cell) => (cell === null ? CLEAR : cell.glyph));
}

/**
 * A sprite's styles as lines of mask letters: a space for the default style, `·` for a
 * transparent cell, `_` for a continuation cell.
 */
export function styleLetters(sprite: Sprite): string[] {
  return mapRows(sprite, (cell) => {
    if (cell === null) return CLEAR;
    if (cell.width === 0) return '_';
    if (cell.style === 0) return ' ';
    const letter = MASK_LETTERS[(cell.style & 15) - 1];
    return cell.style & STYLE_BOLD ? letter.toUpperCase() : letter;
  });
}

function mapRows(sprite: Sprite, show: (cell: Sprite['cells'][number]) => string): string[] {
  const rows: string[] = [];
  for (let y = 0; y < sprite.height; y++) {
    let row = '';
    for (let x = 0; x < sprite.width; x++) row += show(sprite.cells[y * sprite.width + x]);
    rows.push(row);
  }
  return rows;
}

/** Runs `fn`, expecting an {@link ArtError}, and returns it. */
export function artError(fn: () => unknown): ArtError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ArtError);
    if (error instanceof ArtError) return error;
    throw error;
  }
  throw new Error('expected an ArtError, but nothing was thrown');
}

/**
 * What `fn` returns, or undefined where it refuses its input with an {@link ArtError} (any
 * other error fails the test): for properties over input that may be refused.
 */
export function unlessRefused<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ArtError);
    return undefined;
  }
}

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** A fresh folder under the system's temporary folder, removed after the tests. */
export function tempFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'fish-art-'));
  folders.push(folder);
  return folder;
}

/**
 * Writes a temporary file and returns its path.
 *
 * @param name - the file name
 * @param content - text (written as UTF-8) or bytes
 */
export function tempFile(name: string, content: string | Uint8Array): string {
  const path = join(tempFolder(), name);
  writeFileSync(path, content);
  return path;
}

/**
 * Characters a terminal draws, of every kind: printable ASCII, wide and combining
 * characters, emoji with their modifiers, joiners and variation selectors (many of which
 * the loader refuses as of disputed width), and any code point at all.
 */
export const drawableChar: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), weight: 4 },
  {
    arbitrary: fc.constantFrom(
      '中',
      '한',
      'Ａ',
      'ｱ',
      '°',
      '─',
      '▌',
      'é',
      '\u0301',
      '\u20e3',
      '\u0e31',
      '\u1160',
      '🐟',
      '🐠',
      '🦈',
      '🪼',
      '👨',
      '🏽',
      '🇫',
      '🇷',
      '❤',
      '☺',
      '⌚',
      '\ufe0f',
      '\ufe0e',
      '\u00a0',
      '\u200d',
    ),
    weight: 4,
  },
  {
    arbitrary: fc.integer({ min: 0xa0, max: 0x10ffff }).map((c) => String.fromCodePoint(c)),
    weight: 1,
  },
);

/** {@link drawableChar}, tabs, line endings, and the controls an art file must not hold. */
export const trickyChar: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: drawableChar, weight: 8 },
  { arbitrary: fc.constantFrom('\t', '\n', '\r\n', '\r', ' '), weight: 2 },
  {
    arbitrary: fc.constantFrom(
      '\u001b',
      '\u0007',
      '\u0000',
      '\u007f',
      '\u009b',
      '\u0085',
      '\u202e',
      '\u2066',
      '\u200b',
      '\u2028',
      '\ufeff',
      '\u00ad',
      '\ud800',
      '\udc1f',
    ),
    weight: 1,
  },
);
