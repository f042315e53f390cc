/**
 * The built-in art compiled at build time: `scripts/compile-art.js` parses every file of the
 * package's `art/` folder (through this very loader) and writes each result, with the text it
 * came from, to `art/compiled/FILE.json` (`art/compiled/bass.art.json`). Loading a built-in
 * file then costs reading it and its compiled file and comparing the text, not parsing it: no
 * grapheme segmentation (`Intl.Segmenter` alone costs tens of milliseconds at start-up). One
 * file each, so that the inline fish reads a few KiB, not the whole library's 180. A file
 * whose text is not the compiled one (edited since the build, or not compiled) is parsed as
 * any other.
 */
import { readFileSync } from 'node:fs';
import { packageFile } from './package-file.js';
import type { Art } from './types.js';

/** One compiled file: its text when it was compiled, and the art it made. */
interface CompiledArt {
  readonly text: string;
  readonly art: Art;
}

/** The compiled files read so far, by art file; null for one that is not there. */
const read = new Map<string, CompiledArt | null>();
/** Whether to load without compiled art (the build script, and a test). */
let ignored = false;

/**
 * The compiled file of an art file, or null.
 *
 * @param file - the art file, relative to the art folder
 */
function compiledFile(file: string): CompiledArt | null {
  if (ignored) return null;
  let entry = read.get(file);
  if (entry === undefined) {
    try {
      const path = packageFile(`art/compiled/${file}.json`);
      entry = JSON.parse(readFileSync(path, 'utf8')) as CompiledArt;
    } catch {
      entry = null;
    }
    read.set(file, entry);
  }
  return entry;
}

/**
 * The compiled art of a built-in file, if `bytes` are the very text it was compiled from.
 *
 * @param file - the file, relative to the art folder (`bass.art`, `scenery/bubble.art`)
 * @param bytes - what the file holds now
 * @param source - the art's source, as the parser would give it here ({@link Art.source})
 * @returns the art, or undefined: parse the file
 */
export function compiledArt(file: string, bytes: Uint8Array, source: string): Art | undefined {
  const entry = compiledFile(file);
  if (entry === null || Buffer.byteLength(entry.text) !== bytes.length) return undefined;
  if (entry.text !== Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8'))
    return undefined;
  return { ...entry.art, source };
}

/**
 * Forget the compiled files read, so that the next load reads them again (or, with `ignore`,
 * never uses them): for the build script, which must parse every file afresh, and for the
 * test that holds the compiled files against the art.
 *
 * @param ignore - load without compiled art from now on
 */
export function resetCompiledArt(ignore = false): void {
  read.clear();
  ignored = ignore;
}
