/**
 * How the tests tell the aquarium's tank on a screen: by its water line, whose top row is
 * waves across the whole width (but where a ship's hull sits in it).
 */

/**
 * Whether a row of the screen is at least half waves: the water line's first two rows are,
 * and no other row of the tank is.
 *
 * @param line - the row's text
 * @param cols - the screen's width
 */
export function isWaterLine(line: string, cols: number): boolean {
  return line.replace(/[^_.\-~^]/g, '').length >= cols / 2;
}

/**
 * The row of the water line's top, or -1 when the screen shows no tank.
 *
 * @param lines - the screen's rows
 * @param cols - its width
 */
export function waterLineRow(lines: readonly string[], cols: number): number {
  return lines.findIndex((line) => isWaterLine(line, cols));
}
