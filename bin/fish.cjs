#!/usr/bin/env node
'use strict';
// CommonJS, as the CLI's bundle is: an ES module would start Node's ES module loader, some
// 10 ms and 2 MiB of every run (see `npm run bench`).
//
// The CLI owns its process, so it may tune Node and V8 for it (the library never touches a
// host's settings).
//
// Node 22.8 and later keep V8's compiled code of the bundle on disk (in the system's
// temporary folder, as TypeScript's tsc does; NODE_DISABLE_COMPILE_CACHE=1 turns it off),
// so a start after the first compiles less. Node 20 does not have it, and there node:module
// loads parts of the ES module loader (0.4 MiB at the peak), so it is not asked.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major > 22 || (major === 22 && minor >= 8)) require('node:module').enableCompileCache();
require('../dist/bundle/cli.cjs').main(process.argv.slice(2));
// V8's memory reducer for small heaps runs up to two full collections 8 s after a heap has
// grown by 1 MiB: for a small animation they cost more CPU (some 30 ms over all threads) than
// the memory they give back. V8 reads the flag when it would start them, so it is set once
// the first frame is out (drawn before main's first wait): loading node:v8 costs the first
// frame 3 to 9 ms. The flag is set only on the Node versions it is known to exist in: V8
// prints an error for a flag it does not know.
if ([20, 22, 24].includes(major))
  setImmediate(() => require('node:v8').setFlagsFromString('--no-memory-reducer-for-small-heaps'));
