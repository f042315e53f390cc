// Your own art: `node examples/custom-art.js`.
//
// Art lives in files (see docs/art-format.md): load one with loadArt(), or pass its path as
// `art`. Here a two-frame crab scuttles across a small tank while a loop drives it.
import { fileURLToPath } from 'node:url';
import fish, { loadArt } from 'fish';

const crab = loadArt(fileURLToPath(new URL('crab.art', import.meta.url)));
const animation = fish({
  art: crab,
  text: `${crab.name}: ${crab.width}x${crab.height} cells`,
  width: 30,
  speed: 10,
});

// Driven from our own loop: one animate() per step of the work.
for (let step = 0; step < 60; step++) {
  await new Promise((resolve) => setTimeout(resolve, 50));
  animation.animate();
}
animation.stopAndPersist({ symbol: '🦀', text: 'the crab went home' });
