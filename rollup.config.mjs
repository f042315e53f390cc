/**
 * The CLI's start-up path as one file: Node 20's ES module loader pays for every module it
 * resolves and reads, and tsc's output is one module per source file. Bundling our own modules
 * (and get-east-asian-width, which the art loader needs at once) cuts the time to the first
 * frame; see `npm run bench`. Other dependencies stay external: cli-cursor and log-update are
 * imported later, when needed.
 */
import { fileURLToPath } from 'node:url';

/** Dependencies read on the way to the first frame: bundled, by their resolved file. */
const INLINE = new Set(['get-east-asian-width']);

export default {
  input: 'dist/cli/main.js',
  output: { file: 'dist/bundle/cli.js', format: 'es' },
  external: (id) => !id.startsWith('.') && !id.startsWith('/') && !INLINE.has(id),
  plugins: [
    {
      name: 'inline-dependencies',
      resolveId: (id) => (INLINE.has(id) ? fileURLToPath(import.meta.resolve(id)) : null),
    },
  ],
};
