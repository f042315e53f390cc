/**
 * What `require('fish')` returns (package.json's `require` condition): the `fish` function
 * itself, with every other export of the package root as a property, so that
 * `const fish = require('fish'); fish()` works as it does with ora, and so do
 * `fish.fishPromise(…)`, `fish.listArt()` and the rest. Node (20.19+, 22.12+) takes the export
 * named `module.exports` of an ES module as what `require()` returns.
 *
 * The properties are set on the one `fish` function when a program first requires the
 * package: `import fish from 'fish'` in the same process gets the same function.
 */
import * as api from './index.js';

const { fish } = api;
for (const [name, value] of Object.entries(api)) {
  // `default` too (`fish.default === fish`, as transpiled code asks); a property `fish`
  // already has (its own `promise`) stays.
  if (!Object.hasOwn(fish, name)) {
    Object.defineProperty(fish, name, { value, enumerable: true });
  }
}

export { fish as 'module.exports' };
