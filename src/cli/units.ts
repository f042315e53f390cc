/**
 * Amounts as the shell modes read and show them: sizes with binary suffixes (`2G` is
 * 2 × 1024³ bytes, as `head -c 2G` and `pv` count), rates and times left.
 */

/** The binary size suffixes, by the power of 1024 each stands for. */
const SUFFIX_POWERS: Readonly<Record<string, number>> = { '': 0, k: 1, K: 1, M: 2, G: 3, T: 4 };
/** The units a size is shown in, by power of 1024. */
const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'] as const;

/**
 * The number a size text says: digits with a fraction or not, and an optional suffix k, M, G
 * or T (binary: `1.5k` is 1536), rounded down to whole units. NaN when it is not one.
 *
 * @param text - what the user typed (`120`, `4k`, `2G`)
 */
export function parseSize(text: string): number {
  const match = /^(\d+(?:\.\d+)?|\.\d+)([kKMGT]?)$/.exec(text);
  if (match === null) return Number.NaN;
  return Math.floor(Number(match[1]) * 1024 ** (SUFFIX_POWERS[match[2]] ?? 0));
}

/**
 * The power of 1024 to count an amount of `total` bytes in, so that the count stays readable
 * and still moves: the largest unit that leaves at least 100 of them (2 GiB in MiB, 2048).
 *
 * @param total - bytes
 */
export function countingPower(total: number): number {
  let power = 0;
  while (power < UNITS.length - 1 && total / 1024 ** (power + 1) >= 100) power++;
  return power;
}

/**
 * The name of a unit of 1024^power bytes: `B`, `KiB`, `MiB`, `GiB`, `TiB`.
 *
 * @param power - 0 to 4
 */
export function unitName(power: number): string {
  return UNITS[Math.min(power, UNITS.length - 1)];
}

/**
 * Bytes as a person reads them: `512 B`, `1.5 KiB`, `2.0 GiB` (three figures at most).
 *
 * @param bytes - 0 or more
 */
export function formatBytes(bytes: number): string {
  let power = 0;
  while (power < UNITS.length - 1 && bytes >= 1024 ** (power + 1)) power++;
  if (power === 0) return `${bytes} B`;
  const value = bytes / 1024 ** power;
  return `${value < 10 ? value.toFixed(1) : Math.floor(value)} ${UNITS[power]}`;
}

/**
 * Seconds as a clock shows a wait: `0:07`, `12:34`, `1:02:03`.
 *
 * @param seconds - 0 or more
 */
export function formatDuration(seconds: number): string {
  const whole = Math.max(0, Math.ceil(seconds));
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = String(whole % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
