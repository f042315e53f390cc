/**
 * The built-in art compiled at build time (art/compiled/FILE.json, by scripts/compile-art.js):
 * what the loader uses instead of parsing must be what the files parse to, and a file whose
 * text changed since must be parsed again.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compiledArt, resetCompiledArt } from '../../src/art/compiled.js';
import { listArt, resolveArt } from '../../src/art/built-in.js';
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
    expect(compiled).toEqual(parsed);
  });

  it('is used only for the very text it was compiled from', () => {
    const path = fileURLToPath(new URL('bass.art', ART));
    const bytes = readFileSync(path);
    expect(compiledArt('bass.art', bytes, 'built-in:bass')).toEqual(resolveArt('bass'));
    const edited = Buffer.from(bytes);
    edited[edited.indexOf('>'.charCodeAt(0))] = '<'.charCodeAt(0);
    expect(compiledArt('bass.art', edited, 'built-in:bass')).toBeUndefined();
    expect(compiledArt('bass.art', bytes.subarray(1), 'built-in:bass')).toBeUndefined();
    expect(compiledArt('no-such.art', bytes, 'built-in:bass')).toBeUndefined();
  });
});
