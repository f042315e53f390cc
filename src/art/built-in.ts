/**
 * The built-in art: the files in the package's top-level `art/` folder, by name.
 */
import { readdirSync } from 'node:fs';
import { extname, join } from 'node:path';
import { compiledArt } from './compiled.js';
import { ArtError } from './errors.js';
import { loadArtFile } from './load.js';
import { packageFile } from './package-file.js';
import type { Art } from './types.js';

/** The art shown when none is asked for: the ancestor's bass, `>))'>`. */
export const DEFAULT_ART = 'bass';

/** The extension of art files in the built-in folder. */
const ART_EXTENSION = '.art';

/** A name that may be a built-in art's: letters, digits and hyphens (`bigfish-long`). */
const PLAIN_NAME = /^[a-z0-9-]+$/;

/** A built-in art file. */
export interface ArtInfo {
  /** Its name: the file name without {@link ART_EXTENSION}. */
  readonly name: string;
  /** The file's absolute path. */
  readonly path: string;
}

/**
 * The built-in folder's art files, listed once: the package's files do not change while it
 * runs, and a host may resolve names again and again.
 */
let builtInFiles: readonly ArtInfo[] | undefined;

/**
 * The built-in art, sorted by name with {@link DEFAULT_ART} first.
 *
 * @returns one entry per file in the built-in folder; none if the folder is missing
 */
export function listArt(): ArtInfo[] {
  builtInFiles ??= readBuiltIn();
  return [...builtInFiles];
}

/** The built-in folder's art files, sorted (see {@link listArt}). */
function readBuiltIn(): ArtInfo[] {
  const folder = packageFile('art');
  let files: string[];
  try {
    files = readdirSync(folder);
  } catch {
    // A package without its art folder still runs with art files given by path.
    return [];
  }
  return files
    .filter((file) => extname(file) === ART_EXTENSION)
    .map((file) => ({ name: file.slice(0, -ART_EXTENSION.length), path: join(folder, file) }))
    .sort((a, b) => rank(a.name) - rank(b.name) || compare(a.name, b.name));
}

/**
 * Built-in art by name (any case), or else an art file by path. A built-in name wins over a
 * file of the same name in the current folder; `./bass` names the file.
 *
 * @param nameOrPath - a built-in name such as `salmon`, or a path
 * @returns the art; built-in art has the source `built-in:NAME`
 * @throws ArtError for an unknown name that is not a file (hinting at `fish --list`), or
 *   anything {@link loadArt} refuses
 */
export function resolveArt(nameOrPath: string): Art {
  const wanted = nameOrPath.toLowerCase();
  // A built-in name is its file's name, and the build compiles every built-in file: a word
  // with compiled art is found without listing the folder. Only a plain word is looked up
  // there, so that no path can lead the lookup out of the compiled folder.
  const compiled = PLAIN_NAME.test(wanted) ? compiledBuiltIn(wanted) : undefined;
  if (compiled !== undefined) return compiled;
  const builtIn = listArt().find((info) => info.name.toLowerCase() === wanted);
  if (builtIn !== undefined) return builtInArt(builtIn.name);
  try {
    return loadArtFile(nameOrPath, {});
  } catch (error) {
    // A bare word that is no file was most likely meant as a built-in name.
    const bareWord = !/[/\\.]/.test(nameOrPath);
    if (bareWord && error instanceof ArtError && error.reason === 'no such file') {
      throw new ArtError(
        error.file,
        0,
        'no built-in art by that name and no such file (run fish --list for the built-in art)',
      );
    }
    throw error;
  }
}

/**
 * A built-in art by its exact name: its compiled art (see `compiled.ts`), or else its file,
 * parsed. For callers that know the name is built in (the aquarium), so that the folder is
 * not listed to find it.
 *
 * @param name - the file's name without its extension (`bass`)
 * @returns the art, with the source `built-in:NAME`
 * @throws ArtError if there is no compiled art and the file is missing or broken
 */
export function builtInArt(name: string): Art {
  return (
    compiledBuiltIn(name) ??
    loadArtFile(packageFile(`art/${name}${ART_EXTENSION}`), { name, source: `built-in:${name}` })
  );
}

/** The compiled art of the built-in art `name`, with its source `built-in:NAME`, if compiled. */
function compiledBuiltIn(name: string): Art | undefined {
  return compiledArt(`${name}${ART_EXTENSION}`, `built-in:${name}`);
}

/** Sorts the default art before all others. */
function rank(name: string): number {
  return name === DEFAULT_ART ? 0 : 1;
}

/** Code unit order: the same on every machine, whatever its locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
