/**
 * The built-in art compiled at build time: `scripts/compile-art.js` parses every file of the
 * package's `art/` folder (through this very loader) and writes the results, with the text
 * each came from, to `art/compiled.json`. Loading a built-in file then costs reading it and
 * comparing its text, not parsing it: no grapheme segmentation (`Intl.Segmenter` alone costs
 * tens of milliseconds at start-up). A file whose text is not the compiled one (edited since
 * the build, or no compiled table at all) is parsed as any other.
 */
import { readFileSync } from 'node:fs';
import type { Art } from './types.js';

/** One compiled file: its text when it was compiled, and the art it made. */
interface CompiledArt {
  readonly text: string;
  readonly art: Art;
}

/**
 * The compiled table, beside the art folder. Relative to this module, which is two folders
 * below the package's root under the tests, in `dist/art/` and in `dist/bundle/` alike.
 */
const COMPILED_FILE = new URL('../../art/compiled.json', import.meta.url);

/** The table, read on first use; null when there is none (not built, or unreadable). */
let table: Readonly<Record<string, CompiledArt>> | null | undefined;

/** The compiled table, or null. */
function compiledTable(): Readonly<Record<string, CompiledArt>> | null {
  if (table !== undefined) return table;
  try {
    table = JSON.parse(readFileSync(COMPILED_FILE, 'utf8')) as Record<string, CompiledArt>;
  } catch {
    table = null;
  }
  return table;
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
  const entry = compiledTable()?.[file];
  if (entry === undefined || Buffer.byteLength(entry.text) !== bytes.length) return undefined;
  if (entry.text !== Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8'))
    return undefined;
  return { ...entry.art, source };
}

/**
 * Forget the compiled table, so that the next load reads it again (or, with `ignore`, never
 * uses one): for the build script, which must parse every file afresh, and for the test that
 * holds the table against the files.
 *
 * @param ignore - load without any compiled table from now on
 */
export function resetCompiledArt(ignore = false): void {
  table = ignore ? null : undefined;
}
