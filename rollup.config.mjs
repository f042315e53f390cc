/**
 * The CLI's start-up path as one file, and the library as a small entry and one file it loads
 * on first use (see `entry`): Node's module loaders pay for every module they resolve and
 * read, and tsc's output is one module per source file. Bundling our own modules (and
 * get-east-asian-width, which the art loader needs at once, and ansi-escapes, the escape
 * vocabulary of the surfaces) cuts the time to the first frame and of `import 'fish'`; see
 * `npm run bench`. The CLI's bundle is CommonJS, as its entry (`bin/fish.cjs`) is: starting
 * Node's ES module loader at all costs some 10 ms and 2 MiB.
 *
 * More costs are the loader's, not our code's, and the bundles avoid them:
 * - In the ES module entry, Node's built-in modules are taken with `process.getBuiltinModule`
 *   (Node 20.16 and later; the package needs 20.19): importing one as an ES module builds a
 *   facade that reads every export, and reading `fs.ReadStream` alone loads all of Node's
 *   streams (some 5 ms). `require` has no such facade.
 * - Comments are left out of the bundles (tsc's per-file output in dist/ and the .d.ts files
 *   keep them): Node decodes and V8 scans every byte of the source before it runs a line, and
 *   the TSDoc is 40% of the bytes.
 * - The bundles are ASCII (see `asciiOnly`).
 * The licences of the bundled dependencies head each bundle, as their MIT licences ask.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import ts from 'typescript';

/**
 * Dependencies read on the way to the first frame: bundled, by their resolved file.
 * ansi-escapes is the escape vocabulary, and environment is what it imports.
 */
const INLINE = new Set(['get-east-asian-width', 'ansi-escapes', 'environment']);

/** The licence notices of {@link INLINE}, for the head of each bundle. */
const NOTICES = [...INLINE]
  .map((name) => {
    const folder = new URL(`node_modules/${name}/`, import.meta.url);
    const { version } = JSON.parse(readFileSync(new URL('package.json', folder), 'utf8'));
    return `${name} ${version}:\n\n${readFileSync(new URL('license', folder), 'utf8').trim()}`;
  })
  .join('\n\n---\n\n');
const BANNER = `/*!\n * fish bundles code of these packages, under their licences:\n *\n${NOTICES.split(
  '\n',
)
  .map((line) => ` * ${line}`.trimEnd())
  .join('\n')}\n */\n`;

/**
 * `node:process` as the global it is: ansi-escapes imports it, and Node 20's loader takes
 * longer to import that one module (some 10 ms, measured with the bundle) than the whole
 * escape vocabulary costs. The global is the very same object.
 */
const PROCESS_GLOBAL = '\0process-global';

/** The library's entry, made by {@link entry}. */
const ENTRY = '\0fish-entry';

/** One import of a built-in module in rollup's output: `import x, { a, b as c } from 'node:m';`. */
const BUILTIN_IMPORT = /^import (?:([\w$]+)(?:, )?)?(?:\{ ([^}]*) \})? from '(node:[\w/]+)';$/gm;

/**
 * The bundle's imports of built-in modules, as `process.getBuiltinModule` calls. The names
 * are read once, as the import would bind them: our code never reassigns a built-in's export
 * (fs's methods are hooked by replacing them on the module object, which both forms share).
 */
function builtinsByCall(code) {
  const replaced = code.replace(BUILTIN_IMPORT, (_, whole, names, id) => {
    const module = `process.getBuiltinModule('${id}')`;
    const lines = [];
    if (whole !== undefined) lines.push(`const ${whole} = ${module};`);
    if (names !== undefined) {
      const bindings = names.split(', ').map((name) => name.replace(' as ', ': '));
      lines.push(`const { ${bindings.join(', ')} } = ${module};`);
    }
    return lines.join('\n');
  });
  // Any other form (a namespace import, an import for effect) is said at build time.
  const left = replaced.match(/^import .* from 'node:.*$/m);
  if (left) throw new Error(`rollup.config.mjs: a built-in import it cannot rewrite: ${left[0]}`);
  return replaced;
}

/**
 * Every character outside ASCII as a `\u` escape (all of them stand in string, template and
 * regular expression literals, where the escape means the same; no `String.raw` reads them).
 * Node holds a module's source as a string while it runs, and one character outside Latin-1
 * makes V8 store all of it at two bytes a character.
 */
const asciiOnly = (code) =>
  code.replace(/[^\x00-\x7f]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** The code without comments, as tsc prints it (no other change: ES2023 in, ES2023 out). */
const withoutComments = (code) =>
  ts.transpileModule(code, {
    compilerOptions: {
      removeComments: true,
      target: ts.ScriptTarget.ES2023,
      module: ts.ModuleKind.ESNext,
    },
  }).outputText;

/**
 * One bundle: `input` (tsc's output, or a name {@link entry} makes) with our modules and the
 * inlined dependencies, written as `output` says (rollup's output options: a `file` or a
 * `dir`, the `format`); `keep` names imports left as they are.
 */
const bundle = (input, output, { keep = [] } = {}) => ({
  input,
  output,
  external: (id) =>
    keep.includes(id) ||
    (!id.startsWith('.') &&
      !id.startsWith('/') &&
      !INLINE.has(id) &&
      id !== 'node:process' &&
      id !== ENTRY),
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
    {
      name: 'entry',
      resolveId: (id) => (id === ENTRY ? ENTRY : null),
      load: async (id) => (id === ENTRY ? await entry() : null),
    },
    {
      name: 'start-up',
      // The CommonJS bundle's `import.meta.url`: its own file, without rollup's browser guesses.
      resolveImportMeta: (property, { format }) =>
        format === 'cjs' && property === 'url'
          ? "require('node:url').pathToFileURL(__filename).href"
          : null,
      renderChunk(code, chunk) {
        const inlined = Object.keys(chunk.modules).some((id) => id.includes('/node_modules/'));
        const lean = asciiOnly(withoutComments(builtinsByCall(code)));
        return { code: inlined ? BANNER + lean : lean, map: null };
      },
    },
  ],
});

/**
 * The library's entry, `dist/bundle/index.js`, made at build time from what the library
 * exports: importing the package reads this small module, not the whole library (V8 reads
 * and scans every byte of a module before it runs; for the whole library that was some 15 ms
 * of `import 'fish'`). It takes the error classes from `errors.cjs` at once, so that
 * `instanceof` works before anything ran, and loads `engine.cjs`, the rest of the library,
 * on the first call of any export: synchronously, as `fish().start()` draws its first frame
 * before it returns. Both are CommonJS: `require` of an ES module prints an experimental
 * warning on some Node versions (20.20, measured) for a package outside node_modules.
 *
 * Each function is a stand-in of the same name and length that calls the engine's; a property
 * of a function that is another export (`fish.promise`) is that export's stand-in; a plain
 * value is written as it is. Anything else fails the build, rather than ship an entry that
 * differs from the library (test/e2e/imports.test.ts compares the two).
 */
async function entry() {
  const library = await import('./dist/index.js');
  const errors = await import('./dist/errors.js');
  const names = Object.keys(library).filter((name) => name !== 'default');
  const stand = (value) => names.find((name) => library[name] === value);
  const lines = [
    "import { createRequire } from 'node:module';",
    'const requireHere = createRequire(import.meta.url);',
    `const { ${Object.keys(errors).join(', ')} } = requireHere('./errors.cjs');`,
    'let engine;',
    "const load = () => (engine ??= requireHere('./engine.cjs'));",
  ];
  for (const name of names) {
    const value = library[name];
    if (name in errors) {
      if (errors[name] !== value) throw new Error(`rollup.config.mjs: ${name} is not errors.js's`);
    } else if (typeof value === 'function') {
      if (/^class\b/.test(Function.prototype.toString.call(value)))
        throw new Error(`rollup.config.mjs: the class ${name} must be exported by errors.js`);
      const params = Array.from({ length: value.length }, (_, i) => `p${i}`).join(', ');
      lines.push(`function ${name}(${params}) { return load().${name}.apply(this, arguments); }`);
      for (const [property, inner] of Object.entries(value)) {
        if (stand(inner) === undefined)
          throw new Error(`rollup.config.mjs: ${name}.${property} is not an export`);
        lines.push(`${name}.${property} = ${stand(inner)};`);
      }
    } else if (isDeepStrictEqual(JSON.parse(JSON.stringify(value)), value)) {
      lines.push(`const ${name} = ${JSON.stringify(value)};`);
    } else {
      throw new Error(`rollup.config.mjs: cannot write the export ${name} into the entry`);
    }
  }
  lines.push(`export { ${names.join(', ')}, ${stand(library.default)} as default };`);
  return lines.join('\n');
}

// The CLI (CommonJS); the library's entry (package.json's `exports`, see entry()) and what it
// loads. `require('fish')` (commonjs.js) imports that same entry, kept as `./index.js` beside
// it, so that import and require give the one `fish` function.
export default [
  bundle('dist/cli/main.js', { file: 'dist/bundle/cli.cjs', format: 'cjs' }),
  bundle(
    { engine: 'dist/index.js', errors: 'dist/errors.js' },
    { dir: 'dist/bundle', format: 'cjs', entryFileNames: '[name].cjs', exports: 'named' },
  ),
  bundle(ENTRY, { file: 'dist/bundle/index.js', format: 'es' }),
  bundle(
    'dist/commonjs.js',
    { file: 'dist/bundle/commonjs.js', format: 'es' },
    { keep: ['./index.js'] },
  ),
];
