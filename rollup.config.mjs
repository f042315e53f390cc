/**
 * The CLI's start-up path as one file: Node 20's ES module loader pays for every module it
 * resolves and reads, and tsc's output is one module per source file. Bundling our own modules
 * (dependencies stay external) halves the time to the first frame; see `npm run bench`.
 */
const external = (id) => !id.startsWith('.') && !id.startsWith('/');

export default {
  input: 'dist/cli/main.js',
  output: { file: 'dist/bundle/cli.js', format: 'es' },
  external,
};
