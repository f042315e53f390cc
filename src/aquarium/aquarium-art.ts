/**
 * The art an aquarium is made of: the built-in creatures that swim in it, the large visitors,
 * and the scenery (water line, seaweed, bubbles, castle, splat), which lives in `art/scenery/` so that
 * `fish --list` does not offer it as a creature. Loaded from disk here, once, by whoever
 * makes a tank (`createAquarium`): the tank itself reads no file.
 */
import { builtInArt, compiledArt, loadArtFile, packageFile, type Art } from '../art/index.js';

/** The built-in creatures that swim in the tank. */
const TANK_FISH = [
  'bass',
  'salmon',
  'flapper',
  'tropical',
  'jellyfish',
  'emoji',
  'minnow',
  'clownfish',
  'angelfish',
  'pufferfish',
  'swordfish',
  'eel',
  'zebrafish',
] as const;

/** The large visitors' art. */
export interface AquariumVisitors {
  readonly whale: Art;
  readonly shark: Art;
  readonly submarine: Art;
  /** Sails on the surface. */
  readonly ship: Art;
  /** Its forms (at least one): each visit picks one. */
  readonly seaMonster: readonly Art[];
  /** Its forms (at least one): each visit picks one. */
  readonly bigFish: readonly Art[];
}

/** Every piece of art an aquarium draws. */
export interface AquariumArt {
  /** Fish of the tank, any number (at least one). */
  readonly fish: readonly Art[];
  /** The large visitors that pass now and then, one at a time. */
  readonly visitors: AquariumVisitors;
  /** A tile of the water line, repeated across the stage. */
  readonly surface: Art;
  /** The castle on the floor, at the bottom right. */
  readonly castle: Art;
  /** The splash where the shark has eaten a fish: its frames play once. */
  readonly splat: Art;
  /** A flake of food, dropped from the surface (the f key). */
  readonly food: Art;
  /** A tall seaweed, planted with its root below the floor. */
  readonly seaweed: Art;
  /** A bubble: one frame per size, smallest first. */
  readonly bubble: Art;
}

/** Scenery art by name, from the package's `art/scenery/`. */
function scenery(name: string): Art {
  const path = packageFile(`art/scenery/${name}.art`);
  return compiledArt(`scenery/${name}.art`, path) ?? loadArtFile(path, {});
}

/**
 * Load the built-in art of the aquarium, from the package's `art/` folder.
 *
 * @returns the tank's art
 * @throws ArtError if a file is missing or broken (a damaged install)
 */
export function loadAquariumArt(): AquariumArt {
  return {
    fish: TANK_FISH.map((name) => builtInArt(name)),
    visitors: {
      whale: builtInArt('whale'),
      shark: builtInArt('shark'),
      submarine: builtInArt('submarine'),
      ship: builtInArt('ship'),
      seaMonster: [builtInArt('seamonster'), builtInArt('seamonster-kraken')],
      bigFish: [builtInArt('bigfish'), builtInArt('bigfish-long')],
    },
    surface: scenery('surface'),
    castle: scenery('castle'),
    splat: scenery('splat'),
    food: scenery('food'),
    seaweed: scenery('seaweed'),
    bubble: scenery('bubble'),
  };
}
