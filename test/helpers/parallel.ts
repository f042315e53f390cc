/**
 * Running many slow, independent cases (processes in pseudo-terminals) a few at a time: in
 * parallel to stay quick, but not so many at once that a 2-core machine is swamped and the
 * timing the cases depend on stops meaning anything.
 */

/**
 * `work` on every item, at most `limit` at a time; results in the items' order.
 *
 * @param items - the cases
 * @param limit - how many run at once
 * @param work - runs one case
 */
export async function mapWithLimit<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * The seed of a test's random choices: `FISH_TEST_SEED` from the environment to replay a run,
 * else a fresh one. Tests put it in their failure messages.
 */
export function testSeed(): number {
  const given = Number(process.env.FISH_TEST_SEED);
  return Number.isInteger(given) ? given : Math.floor(Math.random() * 2 ** 31);
}
