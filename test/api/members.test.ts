/**
 * The members an ora user reaches for, with ora's meaning: `isEnabled`, `isSilent`, `indent`,
 * `color` (the creature's tint), `frame()`, `render()`, `spinner`, and `fish.promise`; and
 * what `start()` writes off a TTY.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fish } from '../../src/api/fish.js';
import { fishPromise } from '../../src/api/promise.js';
import { isInteractive } from '../../src/api/options.js';
import { resolveArt } from '../../src/art/index.js';
import { stoppedAfterEach } from '../helpers/animations.js';
import { fakeTerminal } from '../helpers/fake-terminal.js';
import { inked } from '../helpers/xterm.js';

/** The escape character: a plain line holds none. */
const ESC = '\u001B';

const BASS = />\)\)'>|<'\(\(</;

/** Animations a test made, stopped after it whatever happened. */
const track = stoppedAfterEach();
afterEach(() => {
  vi.unstubAllEnvs();
});

describe('isEnabled', () => {
  it('is the environment’s verdict by default, and the option when given', () => {
    const { stream } = fakeTerminal(40, 3);
    expect(fish({ stream }).isEnabled).toBe(isInteractive(stream, process.env));
    expect(fish({ stream: fakeTerminal(40, 3, { isTTY: false }).stream }).isEnabled).toBe(false);
    expect(fish({ stream, isEnabled: false }).isEnabled).toBe(false);
  });

  it('set false: a running animation is stopped and cleared, then only plain lines', async () => {
    const { stream, lines, bytes } = fakeTerminal(40, 3);
    const animation = track(fish({ stream, isEnabled: true, color: false, text: 'busy' }));
    animation.animate();
    expect((await lines())[0]).toMatch(BASS);
    animation.isEnabled = false;
    expect(animation.isSpinning).toBe(false);
    expect(inked(await lines())).toEqual([]);
    const before = bytes().length;
    animation.start('again').succeed('done');
    expect(bytes().slice(before)).toBe('- again\n✔ done\n');
  });

  it('set true: the next start() animates, TTY or not', () => {
    const { stream, bytes } = fakeTerminal(40, 3, { isTTY: false });
    const animation = track(fish({ stream, text: 'x' }));
    animation.isEnabled = true;
    animation.start();
    expect(animation.isSpinning).toBe(true);
    expect(bytes()).toContain(ESC);
  });

  it('refuses what is not true or false, in one line', () => {
    const animation = fish({ stream: fakeTerminal().stream });
    expect(() => {
      // @ts-expect-error: a JavaScript host can pass anything
      animation.isEnabled = 'yes';
    }).toThrow(/^fish: isEnabled must be true or false, got "yes"$/);
    expect(() => {
      // @ts-expect-error: a JavaScript host can pass anything
      animation.isSilent = undefined;
    }).toThrow(/^fish: isSilent must be true or false, got null$/);
  });
});

describe('isSilent', () => {
  it('writes nothing at all, and is never enabled', () => {
    for (const isTTY of [true, false]) {
      const { stream, bytes } = fakeTerminal(40, 3, { isTTY });
      const animation = fish({ stream, isSilent: true, isEnabled: true, text: 'quiet' });
      expect(animation.isEnabled).toBe(false);
      animation.start().animate().progress(1, 2);
      animation.succeed();
      animation.stopAndPersist({ symbol: '*' });
      expect(bytes()).toBe('');
    }
  });

  it('set true: a running animation is stopped and cleared', async () => {
    const { stream, lines } = fakeTerminal(40, 3);
    const animation = track(fish({ stream, isEnabled: true, text: 'busy' }));
    animation.animate();
    animation.isSilent = true;
    expect(animation.isSpinning).toBe(false);
    expect(inked(await lines())).toEqual([]);
  });
});

describe('indent', () => {
  it('puts that many spaces before the animation, the `- text` line and status lines', async () => {
    const { stream, lines } = fakeTerminal(40, 3);
    const animation = track(fish({ stream, isEnabled: true, indent: 2, text: 'x', color: false }));
    animation.animate();
    expect((await lines())[0]).toBe("  >))'>           x");
    animation.indent = 4;
    expect(animation.indent).toBe(4);
    expect((await lines())[0]).toBe("    >))'>           x");
    animation.succeed('ok');
    expect(inked(await lines())).toEqual(['    ✔ ok']);

    const plain = fakeTerminal(40, 3, { isTTY: false });
    fish({ stream: plain.stream, indent: 3 }).start('going').info('went');
    expect(plain.bytes()).toBe('   - going\n   ℹ went\n');
  });

  it('refuses what is not a whole number from 0 to 1000', () => {
    const animation = fish({ stream: fakeTerminal().stream });
    expect(() => (animation.indent = 1.5)).toThrow(
      /^fish: indent must be a whole number from 0 to 1000, got 1.5$/,
    );
  });
});

describe('color', () => {
  it('tints the creature where the art has no colour mask; false for none', () => {
    vi.stubEnv('NO_COLOR', '');
    vi.stubEnv('FORCE_COLOR', '1');
    const { stream } = fakeTerminal(20, 3);
    const animation = fish({ stream, isEnabled: true, color: 'cyan', width: 5 });
    expect(animation.color).toBe('cyan');
    expect(animation.frame()).toBe(`${ESC}[0;36m>))'>${ESC}[m`);
    animation.color = 'red';
    expect(animation.frame()).toBe(`${ESC}[0;31m>))'>${ESC}[m`);
    animation.color = false;
    expect(animation.color).toBe(false);
    expect(animation.frame()).toBe(">))'>");
    expect(() => {
      // @ts-expect-error: a JavaScript host can pass anything
      animation.color = 'pink';
    }).toThrow(/^fish: color must be true, false or 'black', .* or 'white', got "pink"$/);
  });

  it('draws no colour where colour is off, tint or not', () => {
    const { stream, bytes } = fakeTerminal(20, 3);
    const animation = track(fish({ stream, isEnabled: true, width: 5 }));
    vi.stubEnv('NO_COLOR', '1');
    const off = track(fish({ stream: fakeTerminal(20, 3).stream, isEnabled: true, color: 'red' }));
    expect(off.frame()).toBe(">))'>");
    animation.color = 'red';
    expect(bytes()).not.toContain('[0;31m');
  });
});

describe('frame()', () => {
  it('is the last frame drawn, as text, for hosts that draw it themselves', async () => {
    const { stream, lines } = fakeTerminal(40, 3);
    const animation = track(
      fish({ stream, isEnabled: true, sync: 'step', speed: 12.5, text: 'Loading', color: false }),
    );
    // Before any frame: the first.
    expect(animation.frame()).toBe(">))'>           Loading");
    animation.animate().animate().animate();
    expect(animation.frame()).toBe((await lines())[0]);
    expect(animation.frame()).toBe("  >))'>         Loading");
  });

  it('writes nothing to the stream', () => {
    const { stream, bytes } = fakeTerminal(40, 3);
    fish({ stream, isEnabled: true, text: 'x' }).frame();
    expect(bytes()).toBe('');
  });
});

describe('render()', () => {
  it('draws now, as animate() does', async () => {
    const { stream, lines } = fakeTerminal(40, 3);
    const animation = track(fish({ stream, isEnabled: true, text: 'now', color: false }));
    animation.render();
    expect(animation.isSpinning).toBe(true);
    expect((await lines())[0]).toMatch(/^>\)\)'> +now$/);
  });
});

describe('spinner', () => {
  it('is the art in use; set, it switches the creature at once, while it runs too', async () => {
    const { stream, lines } = fakeTerminal(60, 8);
    const animation = track(fish({ stream, isEnabled: true, sync: 'step', text: 'x' }));
    expect(animation.spinner.name).toBe('bass');
    animation.start();
    await vi.waitFor(async () => expect((await lines())[0]).toMatch(BASS));
    const whale = resolveArt('whale');
    expect(whale.height).toBeGreaterThan(1);
    animation.spinner = whale;
    expect(animation.spinner).toBe(whale);
    expect(animation.isSpinning).toBe(true);
    // The whale is taller than the bass: its region is as tall as it is, and no bass is left.
    await vi.waitFor(async () => expect(inked(await lines())).toHaveLength(whale.height));
    expect((await lines()).join('\n')).not.toMatch(BASS);
    animation.spinner = 'bass';
    await vi.waitFor(async () => expect(inked(await lines())).toHaveLength(1));
    expect((await lines())[0]).toMatch(BASS);
  });

  it('refuses what the art option refuses, in one line', () => {
    const animation = fish({ stream: fakeTerminal().stream });
    expect(() => (animation.spinner = 'no-such-creature')).toThrow(
      /^fish: no-such-creature: no built-in art by that name/,
    );
    expect(animation.spinner.name).toBe('bass');
  });
});

describe('fish.promise', () => {
  it('is fishPromise, as ora has oraPromise', async () => {
    expect(fish.promise).toBe(fishPromise);
    const { stream, bytes } = fakeTerminal(40, 3, { isTTY: false });
    await expect(fish.promise(Promise.resolve(42), { stream, text: 'Working' })).resolves.toBe(42);
    expect(bytes()).toBe('- Working\n✔ Working\n');
  });
});

describe('off a TTY, start() as ora', () => {
  it('writes `- text` once, with the prefix and the suffix; nothing without a text', () => {
    const { stream, bytes } = fakeTerminal(40, 3, { isTTY: false });
    const animation = fish({ stream, prefixText: '[a]', suffixText: '(1/2)' });
    animation.start('Installing');
    animation.text = 'still';
    expect(bytes()).toBe('[a] - Installing (1/2)\n');
    const bare = fakeTerminal(40, 3, { isTTY: false });
    fish({ stream: bare.stream }).start();
    expect(bare.bytes()).toBe('');
  });
});
