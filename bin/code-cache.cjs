'use strict';
/**
 * The command's bundle, run with V8's compiled code of it kept on disk, for the Node versions
 * that have no compile cache of their own (before 22.8: Node 20). Compiling the 220 KB bundle
 * and then each function as it first runs costs Node 20 some 10 ms before the inline fish's
 * first frame and 20 before the aquarium's; with the code of an earlier run, V8 reads it
 * instead. Node 22.8 and later do the same with `module.enableCompileCache()` (bin/fish.cjs).
 *
 * The code is V8's to check: it refuses code made by another V8, with other flags or for a
 * source of another length, and the bundle is then compiled as usual and its code written
 * anew. A source of the same length but other text it would take, so each build has its own
 * file, named by the bundle's inode, size and change time (any write of the file changes the
 * last). Code read from a file runs, so the folder must be the user's own, a folder and not a
 * link, that no one else may write (made so, 0700, in the system's temporary folder); anything
 * else, and any failure, leaves the bundle compiled as usual. `NODE_DISABLE_COMPILE_CACHE=1`
 * turns it off, as it does Node's own; `NODE_DEBUG=fish` says what it did.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const vm = require('node:vm');

/** `NODE_DEBUG=fish` prints what became of the code: not found, accepted or rejected, saved. */
const debug = require('node:util').debuglog('fish');

/** The parameters Node gives a CommonJS module, around the bundle's source. */
const WRAPPER = ['(function (exports, require, module, __filename, __dirname) {', '\n})'];

/**
 * The folder of the code, if caching is on (whether it exists, and is safe to use, is
 * {@link safeFolder}'s to say).
 *
 * @returns {string | undefined}
 */
function cacheFolder() {
  if (process.env.NODE_DISABLE_COMPILE_CACHE !== undefined) return undefined;
  // Without a user id (Windows), no folder can be told apart as the user's own.
  if (typeof process.getuid !== 'function') return undefined;
  return path.join(os.tmpdir(), `fish-code-cache-${process.getuid()}`);
}

/**
 * Whether `folder` is a folder (not a link to one) owned by this user that no one else may
 * write: only then is code read from it, or written to it.
 *
 * @param {string} folder
 * @returns {boolean}
 */
function safeFolder(folder) {
  const stats = fs.lstatSync(folder);
  return stats.isDirectory() && stats.uid === process.getuid() && (stats.mode & 0o077) === 0;
}

/**
 * Run the bundle, with its compiled code from the cache when there is code for this build.
 *
 * @param {string} bundle - the bundle's path
 * @param {NodeJS.Require} load - a `require` for the bundle (it requires Node's built-in modules only)
 * @param {string} kind - what the run is (`aquarium`, `strip`): the code saved is what the run
 *   compiled, and the aquarium's is not the inline fish's, so each keeps its own
 * @returns {{ exports: Record<string, unknown>, save: (() => void) | undefined }} the bundle's
 *   exports, and when the cache had no code for this build, `save`, which writes the code
 *   compiled so far (call it once the first frames are out, so that the code that drew them
 *   is in, and before V8's flags change: V8 refuses code made under other flags)
 */
function runCached(bundle, load, kind) {
  const folder = cacheFolder();
  const stats = fs.statSync(bundle);
  const name = `${process.versions.node}-${process.arch}-${kind}-`;
  const file =
    folder && path.join(folder, `${name}${stats.ino}-${stats.size}-${stats.ctimeMs}.code`);
  let cachedData;
  let found = 'not found';
  try {
    if (file === undefined) found = 'off';
    else if (!safeFolder(folder)) found = 'not read: the folder is not private';
    else cachedData = fs.readFileSync(file);
  } catch {
    // No folder yet, or no code for this build: compiled as usual, and saved.
  }
  const source = fs.readFileSync(bundle, 'utf8');
  const script = new vm.Script(WRAPPER[0] + source + WRAPPER[1], { filename: bundle, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, load, module, bundle, path.dirname(bundle));
  if (cachedData !== undefined) found = script.cachedDataRejected ? 'rejected' : 'accepted';
  debug('code of the %s run: %s', kind, found);
  const fresh = cachedData === undefined || script.cachedDataRejected === true;
  return {
    exports: module.exports,
    save: fresh && file !== undefined ? () => write(script, folder, file, name) : undefined,
  };
}

/**
 * Write the script's code to `file`, whole or not at all (a temporary file, renamed), and
 * remove the code of other builds of this kind for this Node.
 *
 * @param {vm.Script} script
 * @param {string} folder
 * @param {string} file
 * @param {string} name - the start of the names of this Node's files of this kind
 */
function write(script, folder, file, name) {
  try {
    try {
      fs.mkdirSync(folder, { mode: 0o700 });
    } catch (error) {
      if (error.code !== 'EEXIST') return;
    }
    if (!safeFolder(folder)) return;
    const temporary = `${file}.${process.pid}`;
    fs.writeFileSync(temporary, script.createCachedData(), { mode: 0o600, flag: 'wx' });
    fs.renameSync(temporary, file);
    debug('code saved: %s', file);
    for (const other of fs.readdirSync(folder)) {
      if (other.startsWith(name) && path.join(folder, other) !== file)
        fs.rmSync(path.join(folder, other), { force: true });
    }
  } catch {
    // The cache only saves time: a full disk or a folder gone leaves the command as it was.
  }
}

module.exports = { runCached };
