#!/usr/bin/env node
/**
 * Compiles the built-in art at build time (run by `npm run build`, after tsc): every `.art`
 * file of `art/` and `art/scenery/` parsed by the package's own loader, and the art written to
 * `art/compiled/FILE.json`, which `src/art/compiled.ts` loads instead of the file.
 * test/art/compiled.test.ts holds them against the files.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { listArt, loadArt, resolveArt } from '../dist/art/index.js';
import { resetCompiledArt } from '../dist/art/compiled.js';

const ART = new URL('../art/', import.meta.url);
const OUT = new URL('compiled/', ART);

// Every file parsed afresh: compiled files left by an earlier build must not compile themselves
// (nor the single table of older builds).
rmSync(OUT, { recursive: true, force: true });
rmSync(new URL('compiled.json', ART), { force: true });
resetCompiledArt(true);

const table = {};
for (const { name } of listArt()) table[`${name}.art`] = resolveArt(name);
for (const file of readdirSync(new URL('scenery/', ART))
  .filter((f) => f.endsWith('.art'))
  .sort()) {
  const path = fileURLToPath(new URL(`scenery/${file}`, ART));
  table[`scenery/${file}`] = loadArt(path);
}
mkdirSync(new URL('scenery/', OUT), { recursive: true });
for (const [file, art] of Object.entries(table))
  writeFileSync(new URL(`${file}.json`, OUT), JSON.stringify(art));
