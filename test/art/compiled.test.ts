/**
 * The built-in art compiled at build time (art/compiled/FILE.json, by scripts/compile-art.js):
 * what the loader uses instead of parsing must be what the files parse to (an art file edited
 * since the build fails here until the build compiles it again), and where there is no compiled
 * file the art file is parsed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { compiledArt, resetCompiledArt } from '../../src/art/compiled.js';
import { listArt, resolveArt } from '../../src/art/built-in.js';
import { ArtError } from '../../src/art/errors.js';
import { packageFile } from '../../src/art/package-file.js';
import { loadAquariumArt } from '../../src/aquarium/aquarium-art.js';

const ART = new URL('../../art/', import.meta.url);
/** The art files that have a compiled file, relative to the art folder. */
const compiledFiles = (readdirSync(new URL('compiled/', ART), { recursive: true }) as string[])
  .filter((file) => file.endsWith('.json'))
  .map((file) => file.slice(0, -'.json'.length));

afterEach(() => resetCompiledArt());

describe('the compiled built-in art', () => {
  it('has every .art file of the art folder and its scenery, and nothing else', () => {
    const files = [
      ...listArt().map(({ name }) => `${name}.art`),
      ...readdirSync(new URL('scenery/', ART))
        .filter((file) => file.endsWith('.art'))
        .map((file) => `scenery/${file}`),
    ];
    expect(compiledFiles.sort()).toEqual(files.sort());
  });

  it('is what the files parse to, for every built-in art and the aquarium', () => {
    resetCompiledArt();
    const compiled = {
      art: listArt().map(({ name }) => resolveArt(name)),
      tank: loadAquariumArt(),
    };
    resetCompiledArt(true);
    const parsed = { art: listArt().map(({ name }) => resolveArt(name)), tank: loadAquariumArt() };
    expect(compiled, 'the compiled art is stale: npm run build compiles it again').toEqual(parsed);
  });

  it('gives each art the source it is loaded as, and nothing for a file not compiled', () => {
    expect(compiledArt('bass.art', 'built-in:bass')).toEqual(resolveArt('bass'));
    expect(compiledArt('bass.art', 'elsewhere')?.source).toBe('elsewhere');
    expect(compiledArt('bass.art', 'built-in:bass')?.source).toBe('built-in:bass');
    expect(compiledArt('no-such.art', 'built-in:bass')).toBeUndefined();
  });

  it('is looked up only for a plain name: no path reaches a JSON file outside the folder', () => {
    // In lower case: names are looked up in lower case.
    const folder = join(tmpdir(), `fish-compiled-${process.pid}`);
    mkdirSync(folder, { recursive: true });
    try {
      const art = { ...resolveArt('bass'), name: 'evil\u001b[2J' };
      writeFileSync(join(folder, 'evil.art.json'), JSON.stringify(art));
      const path = relative(packageFile('art/compiled'), join(folder, 'evil'));
      expect(path.startsWith('..')).toBe(true);
      // As a path it names no art file: it is refused as one, not read as compiled art.
      expect(() => resolveArt(path)).toThrow(ArtError);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
