/**
 * One frame of an embedded animation, as a pure function: the tank with its creature (the
 * render stage's entities) and the host's texts on one line, composed into a grid so that the
 * differential encoder redraws only the cells that changed, texts included.
 *
 *     [indent][prefixText ][tank ...............][ text][ suffixText]
 *
 * With progress, the label (`42% 42/100`) travels through the tank right after the creature.
 */
import type { Art } from '../art/types.js';
import { bobRegionHeight } from '../motion/index.js';
import { drawText } from '../render/compose.js';
import type { Grid } from '../render/grid.js';
import { composeScene, progressEntity, swimmer, type Entity } from '../render/scene.js';
import { NO_LABEL, toLabel, type Label } from './host-text.js';

/** Progress as the host reported it. */
export interface Progress {
  /** How much is done. */
  readonly amount: number;
  /** How much there is in all, when known. */
  readonly total: number | undefined;
}

/** Everything a frame shows, but the time. */
export interface SpinnerScene {
  /** What swims. */
  readonly art: Art;
  /** Cells per second. */
  readonly speed: number;
  /** Bob amplitude in rows. */
  readonly bob: number;
  /** The tank's width in cells, or undefined for the default (see {@link spinnerLayout}). */
  readonly width: number | undefined;
  /** Blank cells before the line. */
  readonly indent: number;
  /**
   * The tank when `width` is undefined: `spinner`, spinner-sized before a text (the line less
   * the texts without one), or `line`, always the line less the texts.
   */
  readonly defaultWidth: 'spinner' | 'line';
  /** Text before the tank. */
  readonly prefix: Label;
  /** Text after the tank. */
  readonly text: Label;
  /** Text after `text`. */
  readonly suffix: Label;
  /** Progress, when the position follows it. */
  readonly progress: Progress | undefined;
}

/** Where the parts of a frame go, in cells. */
export interface SpinnerLayout {
  /** The row of the texts: the art's middle row when it is at rest. */
  readonly row: number;
  /** The tank's first column. */
  readonly tankStart: number;
  /** The tank's width. */
  readonly tankWidth: number;
  /** The width the creature moves in (the tank, less the progress label's room). */
  readonly trackWidth: number;
  /** Column of `text`. */
  readonly textStart: number;
  /** Column of `suffixText`. */
  readonly suffixStart: number;
}

/**
 * Rows of an embedded animation: the art's height and room to bob.
 *
 * @param scene - the art and bob
 */
export function spinnerHeight(scene: Pick<SpinnerScene, 'art' | 'bob'>): number {
  return bobRegionHeight(scene.art.height, scene.bob);
}

/**
 * The progress label: `42% 42/100`, or the bare amount with no total. The percentage is
 * rounded down, so that 100% means done.
 *
 * @param progress - the progress
 */
export function progressText(progress: Progress): string {
  const { amount, total } = progress;
  if (total === undefined) return String(amount);
  return `${Math.floor(100 * progressFraction(progress))}% ${amount}/${total}`;
}

/**
 * How far along, from 0 to 1: 0 with no total, 1 when the total is 0 (nothing to do is done).
 *
 * @param progress - the progress
 */
function progressFraction(progress: Progress): number {
  if (progress.total === undefined) return 0;
  if (!(progress.total > 0)) return 1;
  return Math.min(1, Math.max(0, progress.amount / progress.total));
}

/**
 * The room the progress label needs: as wide as it will ever be with a total (at 100%), so
 * that the track keeps its width while the numbers grow; else as wide as it is.
 */
function labelRoom(progress: Progress): number {
  const widest =
    progress.total === undefined ? progress : { amount: progress.total, total: progress.total };
  return progressText(widest).length;
}

/** How many art widths a spinner-sized tank is: the creature has twice its width to swim. */
export const SPINNER_ART_WIDTHS = 3;

/** Cells a text takes with the space that separates it from what comes before. */
const widthWithSpace = (label: Label): number => (label.width > 0 ? label.width + 1 : 0);

/**
 * Where each part of a frame goes on a line of `cols` cells, after `indent` blank cells. The
 * tank takes `width` cells; by default, with a `text`, it is spinner-sized: three art widths
 * ({@link SPINNER_ART_WIDTHS}, plus the progress label's room) right before the text, or what
 * the texts leave of the line if that is less; without a text, what the texts leave of the
 * line. Never less than the art (and the progress label) needs. What does not fit is clipped
 * at the right edge.
 *
 * @param scene - the scene
 * @param cols - the terminal's width
 */
export function spinnerLayout(scene: SpinnerScene, cols: number): SpinnerLayout {
  const label = scene.progress === undefined ? 0 : labelRoom(scene.progress) + 1;
  const tankStart = scene.indent + widthWithSpace(scene.prefix);
  const rest = cols - tankStart - widthWithSpace(scene.text) - widthWithSpace(scene.suffix);
  const spinnerSized = SPINNER_ART_WIDTHS * scene.art.width + label;
  const fallback =
    scene.defaultWidth === 'spinner' && scene.text.width > 0 ? Math.min(spinnerSized, rest) : rest;
  const tankWidth = Math.max(scene.art.width + label, scene.width ?? fallback);
  const textStart = tankStart + tankWidth + 1;
  const suffixStart = textStart + widthWithSpace(scene.text);
  return {
    row: scene.bob + Math.floor((scene.art.height - 1) / 2),
    tankStart,
    tankWidth,
    trackWidth: tankWidth - label,
    textStart,
    suffixStart,
  };
}

/** A scene's layout and creature for one terminal width: made once, not per frame. */
interface Prepared {
  readonly cols: number;
  readonly layout: SpinnerLayout;
  readonly creature: Entity;
  /** The creature, as the scene's list of entities. */
  readonly entities: readonly Entity[];
  /** The progress label, when there is progress. */
  readonly progressLabel: Label;
}

/**
 * Per scene, what its frames share. A scene is never changed, only replaced, so this cache
 * cannot go stale; it keeps the per-frame path free of allocation (see `npm run bench`).
 */
const prepared = new WeakMap<SpinnerScene, Prepared>();

/** The layout and creature of `scene` on a line of `cols` cells. */
function prepare(scene: SpinnerScene, cols: number): Prepared {
  const cached = prepared.get(scene);
  if (cached?.cols === cols) return cached;
  const layout = spinnerLayout(scene, cols);
  const { art, progress } = scene;
  const track = {
    bob: scene.bob,
    trackStart: layout.tankStart,
    trackWidth: () => layout.trackWidth,
  };
  const creature =
    progress === undefined
      ? swimmer(art, { ...track, speed: scene.speed })
      : progressEntity(art, { ...track, fraction: () => progressFraction(progress) });
  const progressLabel = progress === undefined ? NO_LABEL : toLabel(progressText(progress), false);
  const made = { cols, layout, creature, entities: [creature], progressLabel };
  prepared.set(scene, made);
  return made;
}

/**
 * Compose the frame at `t` seconds into `into` (the region's grid): the creature swimming
 * across the tank (or placed by the progress), and the texts. Pure: the same scene, time and
 * grid size give the same frame.
 *
 * @param scene - what the frame shows (treat it as immutable: make a new one to change it)
 * @param t - seconds on the animation's clock
 * @param into - the grid to draw into (cleared first)
 * @returns `into`
 */
export function composeSpinnerFrame(scene: SpinnerScene, t: number, into: Grid): Grid {
  const { layout, creature, entities, progressLabel } = prepare(scene, into.cols);
  composeScene(entities, t, into);
  drawLabel(into, scene.indent, layout.row, scene.prefix);
  drawLabel(into, layout.textStart, layout.row, scene.text);
  drawLabel(into, layout.suffixStart, layout.row, scene.suffix);
  if (progressLabel !== NO_LABEL) {
    // The label travels with the creature: the pose is a pure function, asked again.
    const pose = creature.pose(t, into);
    if (pose !== null) drawLabel(into, pose.x + scene.art.width + 1, layout.row, progressLabel);
  }
  return into;
}

/**
 * Draw a label's runs one after another from column `x` of row `y`, clipped at the grid's edge.
 *
 * @param grid - the grid to draw into
 * @param x - the first column
 * @param y - the row
 * @param label - what to draw
 */
export function drawLabel(grid: Grid, x: number, y: number, label: Label): void {
  if (label === NO_LABEL) return;
  let col = x;
  for (const run of label.runs) col = drawText(grid, col, y, run.text, run.style, label.charWidth);
}
