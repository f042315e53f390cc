/**
 * The docs name only what the package exports. The rule, for README.md and docs/*.md (but
 * docs/architecture.md, which describes the source tree):
 *
 * - every name imported from `'fish'` in a code block (`import fish, { a, type B } from 'fish'`);
 * - every declaration at the start of a line in a `ts` code block (`function f(`,
 *   `interface I`, `type T`, `class C`), which is how the docs present the API's shapes;
 * - in a paragraph that says something is exported, every code span that is a bare name or a
 *   call (`createScene`, `loadArt(path)`), but JavaScript's and Node's own (`TypeError`,
 *   `require('fish')`).
 *
 * Each must be an export of the package root (a value or a type), as TypeScript sees
 * src/index.ts. docs/architecture.md names modules and internal functions: each call-shaped
 * code span there (`encodeDiff(prev, next, cursor)`) must at least be a name in the source.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DOCS = ['README.md', ...readdirSync(join(ROOT, 'docs')).map((name) => `docs/${name}`)].filter(
  (path) => path.endsWith('.md'),
);
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** The package root's exports, values and types, by name. */
function rootExports(): Set<string> {
  const entry = join(ROOT, 'src/index.ts');
  const program = ts.createProgram([entry], {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2023,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(entry);
  const module = source && checker.getSymbolAtLocation(source);
  if (module === undefined) throw new Error('src/index.ts has no module symbol');
  return new Set(checker.getExportsOfModule(module).map((symbol) => symbol.name));
}

/** A document's code blocks (with their language) and its paragraphs outside them. */
function split(text: string): { blocks: { lang: string; body: string }[]; paragraphs: string[] } {
  const blocks: { lang: string; body: string }[] = [];
  const prose = text.replace(/^```(\w*)\n([\s\S]*?)^```$/gm, (_, lang: string, body: string) => {
    blocks.push({ lang, body });
    return '\n';
  });
  return { blocks, paragraphs: prose.split(/\n\s*\n/) };
}

/** The names a document presents as importable from the package root (see the rule above). */
export function presentedNames(text: string): Set<string> {
  const names = new Set<string>();
  const { blocks, paragraphs } = split(text);
  for (const { lang, body } of blocks) {
    for (const [, clause] of body.matchAll(/import\s+([^;]*?)\s+from\s+'fish'/g)) {
      const named = /\{([^}]*)\}/.exec(clause)?.[1] ?? '';
      const byDefault = clause
        .replace(/\{[^}]*\}/, '')
        .replace(/,/g, ' ')
        .trim();
      if (byDefault !== '') names.add('default');
      for (const part of named.split(',')) {
        const name = part
          .trim()
          .replace(/^type\s+/, '')
          .split(/\s+as\s+/)[0];
        if (name !== '') names.add(name);
      }
    }
    if (lang === 'ts') {
      for (const [, name] of body.matchAll(
        /^(?:export\s+)?(?:declare\s+)?(?:function|interface|type|class)\s+([A-Za-z_$][\w$]*)/gm,
      )) {
        names.add(name);
      }
    }
  }
  for (const paragraph of paragraphs.filter((p) => /\bexport/.test(p))) {
    for (const [, span] of paragraph.matchAll(/`([^`]+)`/g)) {
      const name = span.replace(/\(.*\)$/, '');
      if (IDENTIFIER.test(name) && !(name in globalThis) && name !== 'require') names.add(name);
    }
  }
  return names;
}

describe('the docs name only what the package exports', () => {
  const exported = rootExports();
  const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');

  it.each(DOCS.filter((path) => path !== 'docs/architecture.md'))('%s', (path) => {
    const names = [...presentedNames(read(path))];
    expect(names.filter((name) => !exported.has(name))).toEqual([]);
  });

  it('finds what the rule says it finds: imports, declarations and the exported lists', () => {
    const readme = presentedNames(read('README.md'));
    for (const name of ['default', 'fishPromise', 'createScene', 'loadArt', 'playScene', 'fish'])
      expect(readme).toContain(name);
    const aquarium = presentedNames(read('docs/aquarium.md'));
    for (const name of ['Entity', 'Scene', 'createAquarium', 'playScene', 'PlaySceneOptions'])
      expect(aquarium).toContain(name);
    // And what is not exported is caught.
    expect(
      presentedNames(
        "```ts\nimport { createPlayer } from 'fish';\nfunction encodeDiff(): void;\n```",
      ),
    ).toEqual(new Set(['createPlayer', 'encodeDiff']));
  });

  it('docs/architecture.md: each function it shows called is a name in the source', () => {
    const { paragraphs } = split(read('docs/architecture.md'));
    const called = paragraphs.flatMap((paragraph) =>
      [...paragraph.matchAll(/`([A-Za-z_$][\w$]*)\(/g)].map((match) => match[1]),
    );
    expect(called.length).toBeGreaterThan(3);
    const source = (dir: string): string[] =>
      readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory()
          ? source(join(dir, entry.name))
          : entry.name.endsWith('.ts')
            ? [read(join(dir, entry.name))]
            : [],
      );
    const all = source('src').join('\n');
    const missing = called.filter((name) => !new RegExp(`\\b${name}\\b`).test(all));
    expect(missing).toEqual([]);
  });
});
