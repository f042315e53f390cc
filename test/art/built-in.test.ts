import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ART, listArt, loadArt, resolveArt } from '../../src/art/index.js';
import { artError, picture, tempFile, tempFolder } from './helpers.js';

/** Built-in art that must be there (the tank and the tests use it). */
const REQUIRED =
  'bass salmon bird duck whale shark jellyfish submarine tropical flapper emoji'.split(' ');

describe('listArt', () => {
  const list = listArt();

  it('lists the built-in art, the default (bass) first, the rest sorted', () => {
    expect(DEFAULT_ART).toBe('bass');
    expect(list[0].name).toBe(DEFAULT_ART);
    const rest = list.slice(1).map((info) => info.name);
    expect(rest).toEqual([...rest].sort());
    expect(list.map((info) => info.name)).toEqual(expect.arrayContaining(REQUIRED));
  });

  it('gives absolute paths to .art files in the top-level art folder', () => {
    for (const info of list) {
      expect(info.path.endsWith(join('art', `${info.name}.art`))).toBe(true);
      expect(readFileSync(info.path).length).toBeGreaterThan(0);
    }
  });
});

describe('the built-in art', () => {
  it.each(listArt().map((info) => [info.name, info.path]))(
    '%s loads and is well formed',
    (name, path) => {
      const art = loadArt(path);
      // The header name, if any, is the file name, so that names in --list can be resolved.
      expect(art.name).toBe(name);
      expect(art.width).toBeGreaterThan(0);
      // The aquarium's large visitors (the sea monster, the big fish) are the largest.
      expect(art.width).toBeLessThanOrEqual(40);
      expect(art.height).toBeGreaterThan(0);
      expect(art.height).toBeLessThanOrEqual(10);
      expect(art.frames.right.length).toBe(art.frames.left.length);
      for (const sprite of [...art.frames.right, ...art.frames.left]) {
        expect(sprite.width).toBe(art.width);
        expect(sprite.height).toBe(art.height);
        expect(sprite.cells).toHaveLength(art.width * art.height);
      }
      // No column or row is blank in every frame: the art has no margin to trim.
      const frames = art.frames[art.facing];
      const used = (x: number, y: number): boolean =>
        frames.some((sprite) => sprite.cells[y * art.width + x] !== null);
      const columns = Array.from({ length: art.width }, (_, x) =>
        Array.from({ length: art.height }, (_, y) => used(x, y)).some(Boolean),
      );
      expect(columns[0]).toBe(true);
      expect(columns[art.width - 1]).toBe(true);
    },
  );

  it('has the ancestor looks', () => {
    expect(picture(resolveArt('bass').frames.right[0])).toEqual([">))'>"]);
    expect(picture(resolveArt('salmon').frames.right[0])).toEqual(['><{{{*>']);
    const bird = resolveArt('bird');
    expect(bird.height).toBeGreaterThanOrEqual(2);
    expect(bird.height).toBeLessThanOrEqual(4);
    expect(resolveArt('duck').height).toBeGreaterThan(1);
  });

  it('has colour in the tropical fish, two frames in the flapper and a wide emoji', () => {
    expect(resolveArt('tropical').colored).toBe(true);
    const flapper = resolveArt('flapper');
    expect(flapper.frames.right).toHaveLength(2);
    expect(picture(flapper.frames.right[0])).not.toEqual(picture(flapper.frames.right[1]));
    const emoji = resolveArt('emoji');
    expect(emoji.wide).toBe(true);
    expect(emoji.width).toBe(2);
  });

  it('draws everything facing right but the emoji', () => {
    for (const { name } of listArt()) {
      expect(resolveArt(name).facing).toBe(name === 'emoji' ? 'left' : 'right');
    }
  });

  it('keeps the salmon a plain file and most others with a header', () => {
    const texts = listArt().map((info) => readFileSync(info.path, 'utf8'));
    expect(texts.filter((text) => text.startsWith('@fish v1\n')).length).toBeGreaterThan(
      texts.length / 2,
    );
  });
});

describe('resolveArt', () => {
  it('finds built-in art by name, in any case', () => {
    const art = resolveArt('SALMON');
    expect(art.name).toBe('salmon');
    expect(art.source).toBe('built-in:salmon');
  });

  it('loads a file by path otherwise', () => {
    const path = tempFile('my.art', '<><');
    const art = resolveArt(path);
    expect(art.name).toBe('my');
    expect(art.source).toBe(path);
  });

  it('prefers a built-in name to a file of the same name', () => {
    const folder = tempFolder();
    writeFileSync(join(folder, 'bass'), 'OOO');
    const cwd = process.cwd();
    process.chdir(folder);
    try {
      // A file called "bass" in the current folder does not shadow the built-in bass.
      expect(resolveArt('bass').source).toBe('built-in:bass');
      expect(picture(resolveArt('./bass').frames.right[0])).toEqual(['OOO']);
    } finally {
      process.chdir(cwd);
    }
  });

  it('refuses an unknown name, hinting at fish --list', () => {
    const error = artError(() => resolveArt('trout'));
    expect(error.message).toBe(
      'fish: trout: no built-in art by that name and no such file (run fish --list for the built-in art)',
    );
  });

  it('refuses a missing path as a missing file', () => {
    expect(artError(() => resolveArt('./trout.art')).message).toBe(
      'fish: ./trout.art: no such file',
    );
  });

  it('passes on other errors of a file', () => {
    const path = tempFile('bad.art', '\u0007');
    expect(artError(() => resolveArt(path)).reason).toContain('control character U+0007 (bell)');
  });

  it('loads the default art', () => {
    expect(resolveArt(DEFAULT_ART).name).toBe('bass');
  });
});
