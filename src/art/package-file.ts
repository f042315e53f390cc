/**
 * Files of the package (the built-in art, its compiled files), found relative to this module,
 * which is two folders below the package's root under the tests (`src/art/`), in the package
 * (`dist/art/`) and in the bundles (`dist/bundle/`) alike.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package's root folder, found on first use (see {@link packageFile}). */
let root: string | undefined;

/**
 * The path of a file or folder of the package, from the package's root (`art`,
 * `art/compiled/bass.art.json`). The root is found when first needed, not when the module
 * loads (Node builds `import.meta` on first use, and that costs a few milliseconds of every
 * `import 'fish'`), and then once: the aquarium asks for thirty files, and each trip through a
 * file URL costs a tenth of a millisecond at start-up.
 *
 * @param path - the path from the package's root
 */
export function packageFile(path: string): string {
  root ??= fileURLToPath(new URL('../../', import.meta.url));
  return join(root, path);
}
