/**
 * The art an aquarium is made of: the built-in creatures that swim in it, the large visitors,
 * and the scenery (surface, seaweed, bubbles), which lives in `art/scenery/` so that
 * `fish --list` does not offer it as a creature. Loaded from disk here, once, by whoever
 * makes a tank (`createAquarium`): the tank itself reads no file.
 */
import { fileURLToPath } from 'node:url';
import { compiledArt, loadArtFile, resolveArt, type Art } from '../art/index.js';

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
] as const;

/** Every piece of art an aquarium draws. */
export interface AquariumArt {
  /** Fish of the tank, any number (at least one). */
  readonly fish: readonly Art[];
  /** The large visitors that pass now and then, one at a time. */
  readonly visitors: { readonly whale: Art; readonly shark: Art; readonly submarine: Art };
  /** A tile of the water's surface, repeated across the stage. */
  readonly surface: Art;
  /** A tall seaweed, planted with its root below the floor. */
  readonly seaweed: Art;
  /** A bubble: one frame per size, smallest first. */
  readonly bubble: Art;
}

/**
 * The scenery folder. Relative to this module, which is `src/aquarium/` under the tests,
 * `dist/aquarium/` in the package and `dist/bundle/` in the CLI's bundle: all two folders
 * below the root, as the built-in art's loader assumes too.
 */
const SCENERY_FOLDER = new URL('../../art/scenery/', import.meta.url);

/** Scenery art by name, from {@link SCENERY_FOLDER}. */
function scenery(name: string): Art {
  const path = fileURLToPath(new URL(`${name}.art`, SCENERY_FOLDER));
  return loadArtFile(path, {}, (bytes) => compiledArt(`scenery/${name}.art`, bytes, path));
}

/**
 * Load the built-in art of the aquarium, from the package's `art/` folder.
 *
 * @returns the tank's art
 * @throws ArtError if a file is missing or broken (a damaged install)
 */
export function loadAquariumArt(): AquariumArt {
  return {
    fish: TANK_FISH.map((name) => resolveArt(name)),
    visitors: {
      whale: resolveArt('whale'),
      shark: resolveArt('shark'),
      submarine: resolveArt('submarine'),
    },
    surface: scenery('surface'),
    seaweed: scenery('seaweed'),
    bubble: scenery('bubble'),
  };
}
