#!/usr/bin/env node
/**
 * Compiles the built-in art at build time (run by `npm run build`, after tsc): every `.art`
 * file of `art/` and `art/scenery/` parsed by the package's own loader, written with the text
 * it came from to `art/compiled.json`, which `src/art/compiled.ts` reads instead of parsing a
 * file whose text is unchanged. test/art/compiled.test.ts holds the table against the files.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { listArt, loadArt, resolveArt } from '../dist/art/index.js';
import { resetCompiledArt } from '../dist/art/compiled.js';

const ART = new URL('../art/', import.meta.url);
const OUT = new URL('compiled.json', ART);

// Every file parsed afresh: a table left by an earlier build must not compile itself.
rmSync(OUT, { force: true });
resetCompiledArt(true);

const table = {};
for (const { name, path } of listArt()) {
  table[`${name}.art`] = { text: readFileSync(path, 'utf8'), art: resolveArt(name) };
}
for (const file of readdirSync(new URL('scenery/', ART))
  .filter((f) => f.endsWith('.art'))
  .sort()) {
  const path = fileURLToPath(new URL(`scenery/${file}`, ART));
  table[`scenery/${file}`] = { text: readFileSync(path, 'utf8'), art: loadArt(path) };
}
writeFileSync(OUT, JSON.stringify(table));
