/**
 * `require('fish')` from CommonJS returns the `fish` function itself, with every other export
 * of the package root as a property (src/commonjs.ts), on every Node the package supports
 * (`npm run test:node` runs this file on each).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** A CommonJS program (node -e) in the package's folder: `fish` resolves to the package itself. */
const REQUIRING = `const fish = require('fish');
const stream = { isTTY: false, columns: 80, rows: 24, write: () => true, on() {}, off() {} };
const animation = fish({ stream, text: 'Loading' });
process.stdout.write(
  JSON.stringify({
    type: typeof fish,
    isDefault: fish.default === fish,
    properties: Object.keys(fish).sort(),
    animation: typeof animation.start === 'function' && typeof animation.succeed === 'function',
  }),
);`;

describe("require('fish')", () => {
  it('is the fish function, with every named export as a property, and it works', async () => {
    const result = spawnSync(process.execPath, ['-e', REQUIRING], { encoding: 'utf8', cwd: ROOT });
    expect(result.status, result.stderr).toBe(0);
    const got = JSON.parse(result.stdout) as {
      type: string;
      isDefault: boolean;
      properties: string[];
      animation: boolean;
    };
    const root = (await import('fish')) as Record<string, unknown>;
    const named = Object.keys(root).filter((name) => name !== 'default');
    expect(got.type).toBe('function');
    expect(got.isDefault).toBe(true);
    expect(got.properties).toEqual(expect.arrayContaining([...named, 'default']));
    expect(got.animation).toBe(true);
    // Nothing on stderr but, on Node 22.12 alone (22.13 dropped it), Node's own warning that
    // require() of an ES module is experimental.
    const ours = result.stderr
      .split('\n')
      .filter(
        (line) =>
          !/ExperimentalWarning: CommonJS module .* is loading ES Module|^Support for loading ES Module in require\(\)|^\(Use `node --trace-warnings/.test(
            line,
          ),
      );
    expect(ours.join('\n').trim()).toBe('');
  });

  it('is the same function that import gives', () => {
    const script = `import fish from 'fish';
import { createRequire } from 'node:module';
process.stdout.write(String(createRequire(import.meta.url)('fish') === fish));`;
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
      cwd: ROOT,
    });
    expect(result.stdout, result.stderr).toBe('true');
  });
});
