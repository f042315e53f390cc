/**
 * docs/art-format.md stays true: its examples parse, and its mirror table is the code's.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listArt, parseArt } from '../../src/art/index.js';
import { DEFAULT_MIRROR_TABLE } from '../../src/art/mirror.js';
import { picture } from './helpers.js';

const doc = readFileSync(new URL('../../docs/art-format.md', import.meta.url), 'utf8');

/** The contents of the doc's ```text blocks. */
const examples = [...doc.matchAll(/```text\n([\s\S]*?)```/g)].map((match) => match[1]);

describe('docs/art-format.md', () => {
  it('has examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(5);
  });

  it.each(examples.map((example, i) => [i + 1, example]))('example %i parses', (_, example) => {
    expect(() => parseArt(example)).not.toThrow();
  });

  it('shows the bass mirrored as the parser does', () => {
    const bass = examples.find((example) => example.includes('name: bass'));
    expect(bass).toBeDefined();
    expect(picture(parseArt(bass ?? '').frames.left[0])).toEqual(["<'((<"]);
  });

  it('documents every default mirror pair', () => {
    const table = doc.slice(doc.indexOf('The default mirror table'), doc.indexOf('So `><{{{*>`'));
    const quote = (c: string): string => (c === '`' ? '`` ` ``' : `\`${c}\``);
    for (const [a, b] of DEFAULT_MIRROR_TABLE) {
      // Each pair is in the table once, in either order.
      const shown = [`${quote(a)} ${quote(b)}`, `${quote(b)} ${quote(a)}`];
      expect(
        shown.some((pair) => table.includes(pair)),
        `${a} ${b}`,
      ).toBe(true);
    }
    expect(table.match(/ · /g)?.length).toBe(DEFAULT_MIRROR_TABLE.size / 2 - 5);
  });

  // Issue 10: the doc said "a number above 0" while the parser refused `1e-3`.
  it('describes durations as the parser reads them', () => {
    const row = doc.split('\n').find((line) => line.startsWith('| `duration` |')) ?? '';
    const reason = (value: string): string => {
      try {
        parseArt(`@fish v1\nduration: ${value}\n@frame\no\n`);
        return '';
      } catch (error) {
        return error instanceof Error ? error.message : '';
      }
    };
    const accepted = [...row.matchAll(/such as `([^`]+)` or `([^`]+)`/g)].flatMap((match) => [
      match[1],
      match[2],
    ]);
    expect(accepted.length).toBeGreaterThan(0);
    for (const value of accepted) expect(reason(value), value).toBe('');
    const refused = [...row.matchAll(/`([^`]+)` is refused/g)].map((match) => match[1]);
    expect(refused).toContain('1e-3');
    for (const value of refused)
      expect(reason(value), value).toContain('a decimal number above 0 and at most 3600');
    expect(row).toContain('a decimal number above 0 and at most 3600');
  });

  it('lists every built-in art', () => {
    for (const { name } of listArt()) expect(doc).toContain(`| \`${name}\` |`);
  });
});
