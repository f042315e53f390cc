#!/usr/bin/env node
'use strict';
// CommonJS, as the CLI's bundle is: an ES module would start Node's ES module loader, some
// 10 ms and 2 MiB of every run (see `npm run bench`).
//
// The CLI owns its process, so it may tune Node and V8 for it (the library never touches a
// host's settings).
//
// V8's compiled code of the bundle is kept on disk (in the system's temporary folder, as
// TypeScript's tsc does; NODE_DISABLE_COMPILE_CACHE=1 turns it off), so a start after the
// first compiles less: by Node itself from 22.8 on, and before that (Node 20, where node:module
// would load parts of the ES module loader, 0.4 MiB at the peak) by code-cache.cjs.
const [major, minor] = process.versions.node.split('.').map(Number);
const BUNDLE = '../dist/bundle/cli.cjs';
/** Options that print and end: their run compiles little, and its code would serve no show. */
const ONE_SHOT = ['--help', '-h', '--version', '-v', '--list', '-l', '--check', '-c'];
// V8's memory reducer for small heaps runs up to two full collections 8 s after a heap has
// grown by 1 MiB: for a small animation they cost more CPU (some 30 ms over all threads) than
// the memory they give back. V8 reads the flag when it would start them, so it is set once
// the first frame is out (drawn before main's first wait): loading node:v8 costs the first
// frame 3 to 9 ms. The flag is set only on the Node versions it is known to exist in: V8
// prints an error for a flag it does not know.
const tuneV8 = () => {
  if ([20, 22, 24].includes(major))
    require('node:v8').setFlagsFromString('--no-memory-reducer-for-small-heaps');
};
const argv = process.argv.slice(2);
if (major > 22 || (major === 22 && minor >= 8)) {
  require('node:module').enableCompileCache();
  require(BUNDLE).main(argv);
} else if (argv.some((arg) => ONE_SHOT.includes(arg))) {
  require(BUNDLE).main(argv);
} else {
  // The aquarium compiles other code than the strip: each keeps its own.
  const kind = argv.includes('--aquarium') ? 'aquarium' : 'strip';
  const run = require('./code-cache.cjs').runCached(require.resolve(BUNDLE), require, kind);
  run.exports.main(argv);
  // The code that drew the first frame is compiled by now (main draws it before its first
  // wait), and saved before the flag is set: V8 refuses code made under other flags.
  run.save?.();
}
setImmediate(tuneV8);
