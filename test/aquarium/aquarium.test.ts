/**
 * The aquarium scene: what it draws where, its population and its replacements, its visitors
 * and bubbles, re-laying on a new stage, and the same seed giving the same frames.
 */
import { describe, expect, it } from 'vitest';
import { parseArt, STYLE_BOLD, type Art } from '../../src/art/index.js';
import {
  createAquarium,
  loadAquariumArt,
  type AquariumArt,
  type AquariumOptions,
} from '../../src/aquarium/index.js';
import { fishFor, tankLayout } from '../../src/aquarium/layout.js';
import { hasRandomColors, paintRandomColors, tintArt } from '../../src/aquarium/tint.js';
import type { Entity, Pose } from '../../src/render/scene.js';
import { createGrid, type Grid } from '../../src/render/grid.js';
import { textOf, wideGlyphsWhole } from '../render/fixtures.js';

const tankArt = loadAquariumArt();
const FPS = 12.5;
const tank = (options: Partial<AquariumOptions> = {}) =>
  createAquarium({ seed: 1, art: tankArt, ...options });
const layoutOf = (cols: number, rows: number) => tankLayout({ cols, rows }, tankArt.surface.height);

/** Frames `from..to` (inclusive) of an aquarium at a fixed size, as text. */
function frames(
  aquarium: ReturnType<typeof tank>,
  cols: number,
  rows: number,
  from: number,
  to: number,
): string[][] {
  const out: string[][] = [];
  for (let k = from; k <= to; k++)
    out.push(textOf(aquarium.compose(k / FPS, createGrid(cols, rows))));
  return out;
}

/** How many entities in the scene are drawn with `art`. */
const countOf = (aquarium: ReturnType<typeof tank>, art: Art): number =>
  aquarium.scene.entities.filter((entity) => entity.art === art).length;

describe('createAquarium', () => {
  it('draws the same frames for the same seed, and others for another seed', () => {
    const run = (seed: number): string[][] => {
      const aquarium = tank({ seed });
      const out = frames(aquarium, 90, 28, 0, 150);
      aquarium.addFish();
      out.push(...frames(aquarium, 120, 30, 151, 300));
      return out;
    };
    const first = run(5);
    expect(run(5)).toEqual(first);
    expect(run(6)).not.toEqual(first);
  });

  it('lays the surface across the width under the sky, seaweed on the floor, fish in the water', () => {
    const aquarium = tank({ seed: 3 });
    const [lines] = frames(aquarium, 100, 40, 0, 0);
    const { surfaceTop, waterTop } = layoutOf(100, 40);
    expect(surfaceTop).toBe(4);
    expect(waterTop).toBe(8);
    expect(lines.slice(0, surfaceTop).every((line) => line.trim() === '')).toBe(true);
    expect(lines[surfaceTop]).toMatch(/^[_.\-~^]{100}$/);
    expect(lines.at(-1)).toMatch(/[()]/);
    expect(lines.slice(waterTop).join('')).toMatch(/[<>]/);
    expect(countOf(aquarium, tankArt.seaweed)).toBe((100 / 15) | 0);
  });

  it('keeps sky and surface clear of fish and bubbles, which burst below the surface', () => {
    const aquarium = tank({ seed: 9 });
    const { waterTop } = layoutOf(80, 24);
    let most = 0;
    for (let k = 0; k < 20 * FPS; k++) {
      const [lines] = frames(aquarium, 80, 24, k, k);
      // A visitor may show above the water: a whale's spout, a ship's sails.
      if (aquarium.scene.count('visitor') === 0)
        expect(lines.slice(0, waterTop).join('')).toMatch(/^[_.\-~^ ]*$/);
      most = Math.max(most, countOf(aquarium, tankArt.bubble));
    }
    expect(most).toBeGreaterThan(0);
    expect(most).toBeLessThan(30);
  });

  it('holds a number of fish in proportion to the area of water and the density', () => {
    const stage = { cols: 200, rows: 50 };
    const layout = layoutOf(200, 50);
    expect(fishFor(stage, layout, 1)).toBe(Math.round((200 * 42) / 300));
    for (const density of [0.1, 0.5, 1, 2, 4]) {
      const aquarium = tank({ density, cols: 200, rows: 50 });
      expect(aquarium.fishCount).toBe(fishFor(stage, layout, density));
    }
    expect(tank({ density: 0.1, cols: 20, rows: 8 }).fishCount).toBe(1);
  });

  it('replaces each fish that swims out, so the tank stays alive', () => {
    const aquarium = tank({ seed: 4 });
    frames(aquarium, 80, 24, 0, 0);
    const wanted = aquarium.fishCount;
    const seen = new Set(aquarium.scene.entities);
    for (let k = 1; k < 120 * FPS; k += 5) {
      aquarium.compose(k / FPS, createGrid(80, 24));
      expect(aquarium.fishCount).toBe(wanted);
      for (const entity of aquarium.scene.entities) seen.add(entity);
    }
    const fishSeen = [...seen].filter((entity) => entity.kind === 'fish');
    expect(fishSeen.length).toBeGreaterThan(3 * wanted);
    const names = new Set(tankArt.fish.map((art) => art.name));
    expect(fishSeen.every((entity) => names.has(entity.art.name))).toBe(true);
  });

  it('counts its fish from the scene: a fish taken out by hand is no longer counted', () => {
    const aquarium = tank({ seed: 4, cols: 80, rows: 24 });
    const fish = aquarium.scene.ofKind('fish');
    expect(aquarium.fishCount).toBe(fish.length);
    aquarium.scene.remove(fish[0]);
    expect(aquarium.fishCount).toBe(fish.length - 1);
  });

  it('swims with the art its caller gives, made in memory', () => {
    const plain = (text: string, name: string): Art => parseArt(text, { name });
    const own: AquariumArt = {
      fish: [plain('<°)))><', 'fish')],
      visitors: {
        whale: plain('WWWWWW', 'whale'),
        shark: plain('SSSS', 'shark'),
        submarine: plain('UUUUU', 'submarine'),
        ship: plain('HHHHH', 'ship'),
        seaMonster: [plain('MMMMM', 'monster')],
        bigFish: [plain('BBBBB', 'big fish')],
      },
      surface: plain('~-', 'surface'),
      castle: plain('|^|', 'castle'),
      splat: plain('*', 'splat'),
      food: plain('.', 'food'),
      seaweed: plain(')\n(\n)\n(', 'seaweed'),
      bubble: plain('.', 'bubble'),
    };
    const aquarium = createAquarium({ seed: 2, art: own });
    const seen = frames(aquarium, 60, 20, 0, 40 * FPS)
      .flat()
      .join('\n');
    expect(seen).toContain('~-~-~-');
    expect(seen).toContain('<°)))><');
    expect(seen).toMatch(/WWWWWW|SSSS|UUUUU|HHHHH|MMMMM|BBBBB/);
  });

  it('sends a large visitor now and then, one at a time', () => {
    const aquarium = tank({ seed: 2 });
    const kinds = new Set<string>();
    for (let k = 0; k < 1200 * FPS; k += 3) {
      aquarium.compose(k / FPS, createGrid(120, 40));
      const present = aquarium.scene.ofKind('visitor');
      expect(present.length).toBeLessThanOrEqual(1);
      if (present.length === 1) kinds.add(present[0].art.name);
    }
    expect(kinds).toEqual(
      new Set([
        'whale',
        'shark',
        'submarine',
        'ship',
        'seamonster',
        'seamonster-kraken',
        'bigfish',
        'bigfish-long',
      ]),
    );
  });

  it('re-lays the tank on a new stage at once: surface, seaweed and the number of fish', () => {
    const aquarium = tank({ seed: 8 });
    frames(aquarium, 60, 20, 0, 10);
    const before = aquarium.fishCount;
    const [wide] = frames(aquarium, 180, 45, 11, 11);
    expect(wide[layoutOf(180, 45).surfaceTop]).toMatch(/^[_.\-~^]{180}$/);
    expect(countOf(aquarium, tankArt.seaweed)).toBe(12);
    expect(aquarium.fishCount).toBe(fishFor({ cols: 180, rows: 45 }, layoutOf(180, 45), 1));
    expect(aquarium.fishCount).toBeGreaterThan(before);
    const [narrow] = frames(aquarium, 30, 10, 12, 12);
    expect(narrow[layoutOf(30, 10).surfaceTop]).toMatch(/^[_.\-~^]{30}$/);
    expect(countOf(aquarium, tankArt.surface)).toBe(2);
  });

  it('adds a fish wholly in the tank at once', () => {
    const aquarium = tank({ seed: 11, density: 0.1 });
    const [before] = frames(aquarium, 80, 24, 0, 0);
    const count = aquarium.fishCount;
    const fish = aquarium.addFish();
    const [after] = frames(aquarium, 80, 24, 0, 0);
    expect(aquarium.fishCount).toBe(count + 1);
    expect(aquarium.scene.entities).toContain(fish);
    expect(after).not.toEqual(before);
    const pose = fish.pose(0, { cols: 80, rows: 24 });
    expect(pose?.x).toBeGreaterThanOrEqual(0);
    expect((pose?.x ?? 0) + fish.art.width).toBeLessThanOrEqual(80);
  });

  it('puts people’s own creatures in the tank from the start, coloured if they had no colour', () => {
    const mine = parseArt('<QQQ>', { name: 'mine' });
    const theirs = parseArt('{ZZ}', { name: 'theirs' });
    const aquarium = tank({ seed: 12, ownArt: [mine, theirs] });
    const [lines] = frames(aquarium, 100, 30, 0, 0);
    const names = aquarium.scene.entities.map((entity) => entity.art.name);
    expect(names).toContain('mine');
    expect(names).toContain('theirs');
    expect(aquarium.scene.entities.find((entity) => entity.art.name === 'mine')?.art.colored).toBe(
      true,
    );
    // Placed anywhere along their crossing, they may start off the stage; over time they show.
    const later = frames(aquarium, 100, 30, 1, 400).concat([lines]);
    expect(later.some((frame) => frame.some((line) => line.includes('QQQ')))).toBe(true);
  });

  it('keeps wide glyphs whole and every frame the stage’s size', () => {
    const aquarium = tank({ seed: 13, density: 4 });
    let grid: Grid = createGrid(70, 20);
    for (let k = 0; k < 300; k++) {
      grid = aquarium.compose(k / FPS, createGrid(70, 20));
      expect(wideGlyphsWhole(grid)).toBe(true);
      expect(grid.glyphs).toHaveLength(70 * 20);
    }
  });

  it('draws into a tiny terminal without failing', () => {
    const aquarium = tank();
    for (const [cols, rows] of [
      [1, 1],
      [5, 2],
      [12, 4],
    ]) {
      expect(() => frames(aquarium, cols, rows, 0, 30)).not.toThrow();
    }
  });
});

describe('the tank, round two', () => {
  /** The text of the grid in a box. */
  const boxText = (lines: string[], x: number, y: number, width: number, height: number) =>
    lines.slice(Math.max(0, y), y + height).map((line) => line.slice(Math.max(0, x), x + width));

  it('stands a castle at the bottom right and lays a water line of four rows of waves', () => {
    const aquarium = tank({ seed: 3 });
    const [lines] = frames(aquarium, 200, 50, 0, 0);
    const [castle] = aquarium.scene.ofKind('castle');
    expect(aquarium.scene.poseOf(castle)).toEqual({
      x: 200 - castle.art.width - 2,
      y: 50 - castle.art.height,
      facing: 'right',
    });
    const { surfaceTop } = layoutOf(200, 50);
    const waterLine = lines.slice(surfaceTop, surfaceTop + 4);
    expect(tankArt.surface.height).toBe(4);
    // Four rows, each a pattern of its own, all across the width.
    expect(new Set(waterLine.map((line) => line.slice(0, 24))).size).toBe(4);
    for (const line of waterLine) expect(line.trimEnd().length).toBeGreaterThan(190);
  });

  it('draws the castle in its own colours, and hides it where it does not fit', () => {
    const aquarium = tank({ seed: 3 });
    const grid = aquarium.compose(0, createGrid(200, 50));
    const [castle] = aquarium.scene.ofKind('castle');
    const { x, y } = aquarium.scene.poseOf(castle)!;
    const { cells, width } = castle.art.frames.right[0];
    const shown = cells.filter((cell, i) => {
      const at = (y + Math.floor(i / width)) * 200 + x + (i % width);
      return cell !== null && grid.glyphs[at] === cell.glyph && grid.styles[at] === cell.style;
    });
    // Behind the fish and seaweed, most of it shows, in the colours of its mask.
    expect(shown.length).toBeGreaterThan(0.8 * cells.filter((cell) => cell !== null).length);
    expect(new Set(shown.map((cell) => cell?.style)).size).toBeGreaterThanOrEqual(4);
    const [small] = frames(tank({ seed: 3 }), 40, 12, 0, 0);
    expect(small.join('')).not.toContain('|>>');
  });

  it('lets the shark eat a fish its mouth reaches: the fish is gone, and a splat is drawn there', () => {
    // Seed 10 at 200x50: the first visitor, at 6.6 seconds, is a shark whose path crosses fish.
    const aquarium = tank({ seed: 10 });
    const stage = { cols: 200, rows: 50 };
    let eaten: { fish: Entity; at: Pose } | undefined;
    let k = 0;
    for (; eaten === undefined && k < 30 * FPS; k++) {
      const before = aquarium.scene.ofKind('fish').map((fish) => ({
        fish,
        at: aquarium.scene.poseOf(fish),
      }));
      const grid = aquarium.compose(k / FPS, createGrid(stage.cols, stage.rows));
      if (aquarium.scene.count('splat') === 0) continue;
      const [shark] = aquarium.scene.ofKind('visitor');
      expect(shark.art.name).toBe('shark');
      const gone = before.filter(({ fish }) => !aquarium.scene.ofKind('fish').includes(fish));
      expect(gone).toHaveLength(1);
      const [{ fish, at }] = gone;
      expect(at).not.toBeNull();
      eaten = { fish, at: at! };
      // Where it was is now a splat, at its depth.
      const [splat] = aquarium.scene.ofKind('splat');
      const splatPose = aquarium.scene.poseOf(splat)!;
      expect(splat.depth).toBe(fish.depth);
      expect(Math.abs(splatPose.x - at!.x)).toBeLessThan(fish.art.width);
      const drawn = boxText(textOf(grid), splatPose.x, splatPose.y, 7, 3).join('');
      expect(drawn).toContain('*');
      expect(aquarium.scene.poseOf(fish)).toBeNull();
    }
    expect(eaten).toBeDefined();
    // The tank is topped up at once, and the splat is gone after its frames.
    aquarium.compose(k / FPS, createGrid(200, 50));
    expect(aquarium.fishCount).toBe(fishFor(stage, layoutOf(200, 50), 1));
    const splatSeconds = tankArt.splat.frames.right.length * tankArt.splat.frameDuration;
    aquarium.compose(k / FPS + splatSeconds + 0.1, createGrid(200, 50));
    expect(aquarium.scene.count('splat')).toBe(0);
  });

  it('sends ships, sea monsters and big fish too, one at a time, the ship on the surface', () => {
    const aquarium = tank({ seed: 7 });
    const { surfaceTop } = layoutOf(200, 50);
    let sailed = 0;
    for (let k = 0; k < 10 * FPS; k++) {
      aquarium.compose(k / FPS, createGrid(200, 50));
      const visitor = aquarium.scene.ofKind('visitor').at(0);
      if (visitor === undefined) continue;
      expect(visitor.art.name).toBe('ship');
      sailed++;
      const pose = aquarium.scene.poseOf(visitor);
      if (pose !== null) expect(pose.y + visitor.art.height).toBe(surfaceTop + 2);
    }
    expect(sailed).toBeGreaterThan(0);
  });

  it('lets out at most one bubble per fish at a time, rising about a row a frame', () => {
    for (const rows of [30, 60]) {
      const aquarium = tank({ seed: 5 });
      let most = 0;
      for (let k = 0; k < 60 * FPS; k += 2) {
        aquarium.compose(k / FPS, createGrid(100, rows));
        most = Math.max(most, aquarium.scene.count('bubble'));
        expect(aquarium.scene.count('bubble')).toBeLessThanOrEqual(aquarium.fishCount);
      }
      expect(most).toBeGreaterThan(0);
    }
    const aquarium = tank({ seed: 5, cols: 100, rows: 40 });
    aquarium.compose(0, createGrid(100, 40));
    let bubble: Entity | undefined;
    let k = 1;
    for (; bubble === undefined; k++) {
      aquarium.compose(k / FPS, createGrid(100, 40));
      bubble = aquarium.scene.ofKind('bubble')[0];
    }
    const from = aquarium.scene.poseOf(bubble)!.y;
    aquarium.compose((k + 1) / FPS, createGrid(100, 40));
    const to = aquarium.scene.poseOf(bubble)?.y ?? -Infinity;
    expect(from - to).toBeGreaterThanOrEqual(0);
    expect(from - to).toBeLessThanOrEqual(2);
  });

  it('feeds the fish: food sinks from the surface, a fish nearby turns to it and eats it', () => {
    const aquarium = tank({ seed: 4, cols: 120, rows: 40 });
    aquarium.compose(0, createGrid(120, 40));
    const fish = aquarium.scene.ofKind('fish');
    const facing = new Map(fish.map((one) => [one, aquarium.scene.poseOf(one)?.facing]));
    const flake = aquarium.feed()!;
    expect(aquarium.scene.count('food')).toBe(1);
    const { waterTop } = layoutOf(120, 40);
    let k = 1;
    const rows: number[] = [];
    for (; k < 40 * FPS; k++) {
      aquarium.compose(k / FPS, createGrid(120, 40));
      const pose = aquarium.scene.poseOf(flake);
      if (pose === null) break;
      rows.push(pose.y);
    }
    expect(rows[0]).toBe(waterTop);
    expect(rows.at(-1)).toBeGreaterThan(waterTop);
    // Gone because it was eaten, long before its life was over.
    expect(k / FPS).toBeLessThan(10);
    expect(aquarium.scene.count('food')).toBe(0);
    const turned = fish.filter((one) => {
      const pose = aquarium.scene.poseOf(one);
      return pose !== null && pose.facing !== facing.get(one);
    });
    expect(turned.length).toBeGreaterThan(0);
  });

  it('gives each fish drawn with mask digits colours of its own', () => {
    const puffer = tankArt.fish.find((art) => art.name === 'pufferfish')!;
    expect(hasRandomColors(puffer)).toBe(true);
    const styles = (art: Art) => art.frames.right[0].cells.map((cell) => cell?.style ?? -1);
    const painted = paintRandomColors(puffer, (digit) => digit + 1);
    expect(styles(painted).filter((style) => style >= 0 && (style & 15) >= 9)).toEqual([]);
    expect(styles(painted)).toContain(2);
    expect(styles(painted)).toContain(3);
    // The eye keeps its letter.
    expect(styles(painted)).toContain(8 | STYLE_BOLD);
    const aquarium = tank({ seed: 1, density: 4, cols: 200, rows: 50 });
    const looks = new Set(
      aquarium.scene
        .ofKind('fish')
        .filter((one) => one.art.name === 'pufferfish')
        .map((one) => styles(one.art).join()),
    );
    expect(looks.size).toBeGreaterThan(1);
  });
});

describe('tintArt', () => {
  it('colours the cells without a colour and leaves the others', () => {
    const tropical = tankArt.fish.find((art) => art.name === 'tropical')!;
    const plain = parseArt('><>');
    const red = tintArt(plain, 2);
    expect(red.colored).toBe(true);
    expect(red.frames.right[0].cells.map((cell) => cell?.style)).toEqual([2, 2, 2]);
    expect(plain.frames.right[0].cells.map((cell) => cell?.style)).toEqual([0, 0, 0]);
    const styles = (art: Art) => art.frames.left[0].cells.map((cell) => cell?.style ?? -1);
    expect(
      styles(tintArt(tropical, 5))
        .filter((style, i) => style !== styles(tropical)[i])
        .every((style) => style === 5),
    ).toBe(true);
    expect(tintArt(plain, 0)).toBe(plain);
  });
});
