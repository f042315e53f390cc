/**
 * The built-in art compiled at build time: `scripts/compile-art.js` parses every file of the
 * package's `art/` folder (through this very loader) and writes the art it makes to
 * `art/compiled/FILE.json` (`art/compiled/bass.art.json`). The compiled files are the
 * built-in art: loading one costs reading a small JSON file, not reading, checking and parsing
 * its art file (grapheme segmentation alone, through `Intl.Segmenter`, costs tens of
 * milliseconds at start-up), and the aquarium loads 27. They are held against the art files in
 * a test, so an art file edited since the build fails `npm test` (which builds first) until it
 * is compiled again. One file each, so that the inline fish reads a few KiB, not the whole
 * library's 170. Where there is no compiled file (a tree not built yet), the art file is parsed.
 */
import { readFileSync } from 'node:fs';
import { packageFile } from './package-file.js';
import type { Art } from './types.js';

/** The compiled art read so far, by art file; null for a file not compiled. */
const read = new Map<string, Art | null>();
/** Whether to load without compiled art (the build script, and a test). */
let ignored = false;

/**
 * The compiled art of a built-in file, if there is one.
 *
 * @param file - the file, relative to the art folder (`bass.art`, `scenery/bubble.art`)
 * @param source - the art's source, as the parser would give it here ({@link Art.source})
 * @returns the art, or undefined: parse the file
 */
export function compiledArt(file: string, source: string): Art | undefined {
  if (ignored) return undefined;
  let art = read.get(file);
  if (art === undefined) {
    try {
      art = JSON.parse(readFileSync(packageFile(`art/compiled/${file}.json`), 'utf8')) as Art;
    } catch {
      // Not built yet, or a damaged install: the art file is what is left.
      art = null;
    }
    read.set(file, art);
  }
  return art === null ? undefined : { ...art, source };
}

/**
 * Forget the compiled art read, so that the next load reads it again (or, with `ignore`, never
 * uses it): for the build script, which must parse every file afresh, and for the test that
 * holds the compiled art against the art files.
 *
 * @param ignore - load without compiled art from now on
 */
export function resetCompiledArt(ignore = false): void {
  read.clear();
  ignored = ignore;
}
