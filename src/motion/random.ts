/**
 * Seeded randomness: every random choice of a scene comes from here, so that the same seed
 * gives the same frames (and the same recording) on every machine and every run.
 */

/** A stream of pseudo-random numbers from a seed. */
export interface Random {
  /** The next number in `[0, 1)`. */
  next(): number;
  /** A number in `[min, max)`. */
  between(min: number, max: number): number;
  /** A whole number from `min` to `max`, both included. */
  int(min: number, max: number): number;
  /** One of `items` (which must not be empty). */
  pick<T>(items: readonly T[]): T;
  /** True with probability `p`. */
  chance(p: number): boolean;
}

/**
 * A seeded generator (mulberry32: 32 bits of state, fast, and good enough for choosing fish;
 * not for anything secret). Only integer arithmetic on 32 bits, so the sequence is the same
 * in every JavaScript engine.
 *
 * @param seed - any number; its low 32 bits are the state
 * @returns the generator
 */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 15), z | 1);
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
    return ((z ^ (z >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    between: (min, max) => min + next() * (max - min),
    int: (min, max) => min + Math.floor(next() * (Math.floor(max) - Math.ceil(min) + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
    chance: (p) => next() < p,
  };
}
