import { it } from 'vitest';
import { createAquarium, loadAquariumArt } from '../src/aquarium/index.js';
import { createGrid } from '../src/render/grid.js';
it('feeds', () => {
  for (const seed of [3, 4, 5]) {
    const aq = createAquarium({ seed, art: loadAquariumArt(), cols: 120, rows: 40 });
    aq.compose(0, createGrid(120, 40));
    const flake = aq.feed()!;
    const fish = aq.scene.ofKind('fish');
    const start = new Map(fish.map((f) => [f, aq.scene.poseOf(f)]));
    let k = 1;
    for (; k <= 40 * 12.5; k++) {
      aq.compose(k / 12.5, createGrid(120, 40));
      if (!aq.scene.poseOf(flake)) break;
    }
    const turned = fish.filter(
      (f) =>
        start.get(f) && aq.scene.poseOf(f) && start.get(f)!.facing !== aq.scene.poseOf(f)!.facing,
    ).length;
    console.log('seed', seed, 'food gone at', k / 12.5, 'turned', turned);
  }
});
