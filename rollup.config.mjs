/**
 * The CLI's start-up path as one file: Node 20's ES module loader pays for every module it
 * resolves and reads, and tsc's output is one module per source file. Bundling our own modules
 * (and get-east-asian-width, which the art loader needs at once, and ansi-escapes, the escape
 * vocabulary of the surfaces) cuts the time to the first
 * frame; see `npm run bench`. Other dependencies stay external: cli-cursor and log-update are
 * imported later, when needed.
 */
import { fileURLToPath } from 'node:url';

/**
 * Dependencies read on the way to the first frame: bundled, by their resolved file.
 * ansi-escapes is the escape vocabulary, and environment is what it imports.
 */
const INLINE = new Set(['get-east-asian-width', 'ansi-escapes', 'environment']);

/**
 * `node:process` as the global it is: ansi-escapes imports it, and Node 20's loader takes
 * longer to import that one module (some 10 ms, measured with the bundle) than the whole
 * escape vocabulary costs. The global is the very same object.
 */
const PROCESS_GLOBAL = '\0process-global';

export default {
  input: 'dist/cli/main.js',
  output: { file: 'dist/bundle/cli.js', format: 'es' },
  external: (id) =>
    !id.startsWith('.') && !id.startsWith('/') && !INLINE.has(id) && id !== 'node:process',
  plugins: [
    {
      name: 'inline-dependencies',
      resolveId: (id) => (INLINE.has(id) ? fileURLToPath(import.meta.resolve(id)) : null),
    },
    {
      name: 'process-global',
      resolveId: (id) => (id === 'node:process' ? PROCESS_GLOBAL : null),
      load: (id) => (id === PROCESS_GLOBAL ? 'export default process;' : null),
    },
  ],
};
