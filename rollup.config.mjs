/**
 * The CLI's and the library's start-up paths as one file each: Node 20's ES module loader pays
 * for every module it resolves and reads, and tsc's output is one module per source file.
 * Bundling our own modules (and get-east-asian-width, which the art loader needs at once) cuts
 * the time to the first frame and of `import 'fish'`; see `npm run bench`. Other dependencies stay external: cli-cursor and log-update are
 * imported later, when needed.
 */
import { fileURLToPath } from 'node:url';

/** Dependencies read on the way to the first frame: bundled, by their resolved file. */
const INLINE = new Set(['get-east-asian-width']);

/** One bundle: `input` (tsc's output) with our modules and the inlined dependencies. */
const bundle = (input, file) => ({
  input,
  output: { file, format: 'es' },
  external: (id) => !id.startsWith('.') && !id.startsWith('/') && !INLINE.has(id),
  plugins: [
    {
      name: 'inline-dependencies',
      resolveId: (id) => (INLINE.has(id) ? fileURLToPath(import.meta.resolve(id)) : null),
    },
  ],
});

// The CLI, and the library's entry (package.json's `exports`): `import 'fish'` reads one file.
export default [
  bundle('dist/cli/main.js', 'dist/bundle/cli.js'),
  bundle('dist/index.js', 'dist/bundle/index.js'),
];
