/**
 * Files of the package (the built-in art, its compiled files), found relative to this module,
 * which is two folders below the package's root under the tests (`src/art/`), in the package
 * (`dist/art/`) and in the bundles (`dist/bundle/`) alike.
 */

/**
 * A file or folder of the package, by its path from the package's root (`art/`,
 * `art/compiled/bass.art.json`). Asked when needed, not when the module loads: Node builds
 * `import.meta` on first use, and that costs a few milliseconds of every `import 'fish'`.
 *
 * @param path - the path from the package's root
 */
export function packageFile(path: string): URL {
  return new URL(`../../${path}`, import.meta.url);
}
