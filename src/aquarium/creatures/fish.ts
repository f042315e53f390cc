/**
 * Fish: each crosses the tank once, in a lane of the water, at a depth, speed and direction of
 * its own, half of them bobbing, all of them breathing bubbles. Each wears the built-in art or
 * people's own, in a colour of its own if the art has none.
 */
import { STYLE_BOLD, type Art, type Style } from '../../art/types.js';
import type { Random } from '../../motion/index.js';
import type { Entity, SceneContext } from '../../render/scene.js';
import { DEPTH, laneRow } from '../layout.js';
import { hasRandomColors, paintRandomColors, tintArt } from '../tint.js';
import type { TankContext } from './context.js';
import { crossing } from './crossing.js';

/** Cells per second. */
const SPEED = [2, 10] as const;
/** Colours a fish drawn without colour is given: red to white (black would not show). */
const TINTS: readonly Style[] = [2, 3, 4, 5, 6, 7, 8];
/** Chance that a fish wears one of people's own creatures, when there are any. */
const OWN_ART_SHARE = 0.5;

/**
 * Where a fish starts: just outside the edge it enters by (`edge`), anywhere along its
 * crossing (`anywhere`: a tank is laid already swimming), or wholly in the tank when it is
 * wide enough (`inside`: to be seen at once).
 */
export type FishStart = 'edge' | 'anywhere' | 'inside';

/** Options of {@link fish}. */
export interface FishOptions {
  /** What it looks like (see {@link fishArtPicker}). */
  readonly art: Art;
  readonly start: FishStart;
  /** What the tank does once it has swum out. */
  readonly onLeave: (context: SceneContext) => void;
}

/**
 * A fish.
 *
 * @param context - the tank
 * @param options - its art, where it starts, what happens when it leaves
 */
export function fish(context: TankContext, { art, start, onLeave }: FishOptions): Entity {
  const { random, stage } = context;
  const lane = random.next();
  const bob = random.chance(0.5) ? 1 : 0;
  const depth = random.int(DEPTH.fishFrom, DEPTH.fishTo);
  const speed = random.between(...SPEED);
  const facing = random.chance(0.5) ? 'right' : 'left';
  const travelled =
    start === 'edge'
      ? 0
      : start === 'anywhere'
        ? random.between(0, stage.cols + art.width)
        : random.between(art.width, Math.max(art.width, stage.cols));
  return crossing(context, {
    kind: 'fish',
    art,
    depth,
    speed,
    facing,
    travelled,
    // Room below for its bob, twice over, so that it never bobs into the floor.
    row: (at, layout) => laneRow(layout, at.rows, art.height, lane, 2 * bob),
    bob,
    breathes: true,
    physical: true,
    hungry: true,
    onLeave,
  });
}

/**
 * What each next fish of a tank wears: people's own creatures first, each once, then one of
 * theirs for {@link OWN_ART_SHARE} of the fish and a built-in one for the rest; art drawn
 * without colour gets one (one tinted copy per art and colour), and art with mask digits a
 * colour per digit, new for each fish.
 *
 * @param random - the tank's random choices
 * @param builtIn - the built-in fish (at least one)
 * @param own - people's own creatures
 * @returns a function giving the art of the next fish
 */
export function fishArtPicker(
  random: Random,
  builtIn: readonly Art[],
  own: readonly Art[],
): () => Art {
  const unseen = [...own];
  const tinted = new Map<Art, Map<Style, Art>>();
  const randomTint = (): Style => random.pick(TINTS) | (random.chance(0.5) ? STYLE_BOLD : 0);
  const coloured = (art: Art): Art => {
    // Mask digits: colours of this fish's own, so that no two fish look alike.
    if (hasRandomColors(art)) return paintRandomColors(art, randomTint);
    if (art.colored) return art;
    const style = randomTint();
    let byStyle = tinted.get(art);
    if (byStyle === undefined) tinted.set(art, (byStyle = new Map<Style, Art>()));
    let copy = byStyle.get(style);
    if (copy === undefined) byStyle.set(style, (copy = tintArt(art, style)));
    return copy;
  };
  const next = (): Art =>
    unseen.shift() ??
    (own.length > 0 && random.chance(OWN_ART_SHARE) ? random.pick(own) : random.pick(builtIn));
  return () => coloured(next());
}
