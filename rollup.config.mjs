/**
 * The CLI's and the library's start-up paths as one file each: Node's module loaders pay for
 * every module they resolve and read, and tsc's output is one module per source file.
 * Bundling our own modules (and get-east-asian-width, which the art loader needs at once, and
 * ansi-escapes, the escape vocabulary of the surfaces) cuts the time to the first frame and of
 * `import 'fish'`; see `npm run bench`. The CLI's bundle is CommonJS, as its entry
 * (`bin/fish.cjs`) is: starting Node's ES module loader at all costs some 10 ms and 2 MiB.
 *
 * More costs are the loader's, not our code's, and the bundles avoid them:
 * - In the ES module bundle, Node's built-in modules are taken with `process.getBuiltinModule`
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
 * One bundle: `input` (tsc's output) with our modules and the inlined dependencies, as an ES
 * module or (`format: 'cjs'`) CommonJS; `keep` names imports left as they are.
 */
const bundle = (input, file, { keep = [], format = 'es' } = {}) => ({
  input,
  output: { file, format },
  external: (id) =>
    keep.includes(id) ||
    (!id.startsWith('.') && !id.startsWith('/') && !INLINE.has(id) && id !== 'node:process'),
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
      name: 'start-up',
      // The CommonJS bundle's `import.meta.url`: its own file, without rollup's browser guesses.
      resolveImportMeta: (property, { format: output }) =>
        output === 'cjs' && property === 'url'
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

// The CLI (CommonJS), and the library's entries (package.json's `exports`): `import 'fish'`
// reads one file. `require('fish')` (commonjs.js) imports that same bundle, kept as
// `./index.js` beside it, so that import and require give the one `fish` function.
export default [
  bundle('dist/cli/main.js', 'dist/bundle/cli.cjs', { format: 'cjs' }),
  bundle('dist/index.js', 'dist/bundle/index.js'),
  bundle('dist/commonjs.js', 'dist/bundle/commonjs.js', { keep: ['./index.js'] }),
];
