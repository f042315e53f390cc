/**
 * The embedding API on a fake terminal: frames, texts, status lines, the host's output
 * interleaved, the lifecycle, and the non-interactive path.
 */
import { describe, expect, it } from 'vitest';
import { fish } from '../../src/api/fish.js';
import { TerminalBusyError } from '../../src/terminal/errors.js';
import type { FrameInfo } from '../../src/terminal/player.js';
import { stoppedAfterEach } from '../helpers/animations.js';
import { fakeTerminal } from '../helpers/fake-terminal.js';
import { sleep } from '../helpers/wait.js';
import { inked } from '../helpers/xterm.js';

/** The escape character: a plain line holds none. */
const ESC = '\u001B';

const BASS = />\)\)'>|<'\(\(</;

/** Animations a test made, stopped after it whatever happened. */
const track = stoppedAfterEach();

describe('animate()', () => {
  it('draws the fish and the text on one line, one step per call', async () => {
    const { stream, lines } = fakeTerminal(40, 5);
    const frames: FrameInfo[] = [];
    const animation = track(
      fish({
        stream,
        isEnabled: true,
        sync: 'step',
        speed: 12.5,
        text: 'Loading',
        onFrame: (info) => frames.push(info),
      }),
    );
    animation.animate();
    // With a text, the tank is spinner-sized (three art widths) right before it.
    expect(inked(await lines())).toEqual([">))'>" + ' '.repeat(11) + 'Loading']);
    animation.animate().animate();
    expect((await lines())[0]).toBe("  >))'>" + ' '.repeat(9) + 'Loading');
    expect(frames.map((frame) => frame.index)).toEqual([0, 1, 2]);
    expect(frames[1].cellsChanged).toBe(5);
    expect(frames[1].bytes).not.toContain('Loading'); // only the changed cells are drawn
    expect(animation.isSpinning).toBe(true);
  });

  it('is deterministic with sync step: frame k is the same picture every run', async () => {
    const run = async (): Promise<string[]> => {
      const { stream, lines } = fakeTerminal(30, 3);
      const animation = track(fish({ stream, isEnabled: true, sync: 'step', speed: 40 }));
      const screens: string[] = [];
      for (let k = 0; k < 12; k++) {
        animation.animate();
        screens.push((await lines())[0]);
      }
      animation.stop();
      return screens;
    };
    const first = await run();
    expect(await run()).toEqual(first);
    expect(new Set(first).size).toBeGreaterThan(5);
  });

  it('puts a small tank before the text with `width`', async () => {
    const { stream, lines } = fakeTerminal(40, 3);
    track(
      fish({
        stream,
        isEnabled: true,
        sync: 'step',
        width: 10,
        text: 'Working',
        prefixText: '[a]',
        suffixText: '(1/3)',
      }),
    ).animate();
    expect((await lines())[0]).toBe("[a] >))'>      Working (1/3)");
  });

  it('redraws when a text is set', async () => {
    const { stream, lines } = fakeTerminal(40, 3);
    const animation = track(fish({ stream, isEnabled: true, sync: 'step', width: 8, text: 'one' }));
    animation.animate();
    animation.text = 'two';
    expect((await lines())[0]).toBe(">))'>    two");
    animation.prefixText = '>';
    animation.suffixText = 'end';
    expect((await lines())[0]).toBe("> >))'>    two end");
    expect(animation.text).toBe('two');
  });
});

describe('progress()', () => {
  it('places the fish by the progress with the label beside it', async () => {
    const { stream, lines } = fakeTerminal(40, 3);
    const animation = track(fish({ stream, isEnabled: true, width: 30 }));
    animation.progress(0, 100);
    expect((await lines())[0]).toBe(">))'> 0% 0/100");
    animation.progress(42);
    const line = (await lines())[0];
    expect(line.trim()).toBe(">))'> 42% 42/100");
    // 42% of the track the fish has: 30 cells less the label's room (12 + 1) and the fish (5).
    expect(line.indexOf('>')).toBe(Math.round(0.42 * (30 - 13 - 5)));
    animation.progress(100);
    expect((await lines())[0]).toBe(' '.repeat(12) + ">))'> 100% 100/100");
  });

  it('shows the bare count without a total', async () => {
    const { stream, lines } = fakeTerminal(40, 3);
    track(fish({ stream, isEnabled: true, width: 20 })).progress(7);
    expect((await lines())[0]).toBe(">))'> 7");
  });

  it('refuses a negative or non-numeric amount with one line', () => {
    const { stream } = fakeTerminal();
    const animation = track(fish({ stream, isEnabled: true }));
    expect(() => animation.progress(-1)).toThrow(
      /^fish: progress amount must be a finite number of at least 0, got -1$/,
    );
    expect(() => animation.progress(Number.NaN)).toThrow(RangeError);
  });
});

describe('status lines', () => {
  it('succeed clears the animation and leaves exactly one line', async () => {
    const { stream, lines } = fakeTerminal(40, 5);
    const animation = track(
      fish({ stream, isEnabled: true, sync: 'step', text: 'Working', color: false }),
    );
    animation.animate().animate();
    animation.succeed('Done');
    expect(inked(await lines())).toEqual(['✔ Done']);
    expect(animation.isSpinning).toBe(false);
  });

  it('has a symbol for each kind, and stopAndPersist takes its own', async () => {
    const { stream, lines } = fakeTerminal(40, 6);
    const animation = fish({ stream, isEnabled: true, color: false, text: 'same' });
    animation
      .fail('bad')
      .warn('hmm')
      .info('fyi')
      .stopAndPersist({ symbol: '>', text: 'own', prefixText: 'p', suffixText: 's' })
      .stopAndPersist();
    expect(inked(await lines())).toEqual(['✖ bad', '⚠ hmm', 'ℹ fyi', 'p > own s', 'same']);
  });

  it('colours the symbol when colour is on', () => {
    const { stream, bytes } = fakeTerminal();
    fish({ stream, isEnabled: true, color: true }).succeed('ok');
    expect(bytes()).toBe(`${ESC}[0;32m✔${ESC}[m ok\n`);
  });
});

describe("the host's output while animating", () => {
  it('appears whole above the animation, which redraws below it', async () => {
    const { stream, lines } = fakeTerminal(40, 8);
    const animation = track(
      fish({ stream, isEnabled: true, sync: 'step', speed: 12.5, width: 8, text: 'busy' }),
    );
    animation.animate();
    stream.write('first line\n');
    animation.animate();
    expect(inked(await lines())).toEqual(['first line', " >))'>   busy"]);
    stream.write('a chunk ');
    stream.write(Buffer.from('in parts\nand a tail'));
    animation.animate();
    expect(inked(await lines())).toEqual(['first line', 'a chunk in parts', "  >))'>  busy"]);
    animation.stop();
    // The held tail is written at stop, where the host left it: the cursor stays after it.
    expect(inked(await lines())).toEqual(['first line', 'a chunk in parts', 'and a tail']);
  });

  it('redraws by itself after the host writes, without a tick', async () => {
    const { stream, lines } = fakeTerminal(40, 8);
    const animation = track(fish({ stream, isEnabled: true, sync: 'step', width: 8 }));
    animation.animate();
    for (let i = 0; i < 20; i++) stream.write(`line ${i}\n`);
    await sleep(20);
    const screen = inked(await lines());
    expect(screen.at(-1)).toMatch(BASS);
    expect(screen.at(-2)).toBe('line 19');
  });

  it('starts a status line on a line of its own after a held partial line', async () => {
    const { stream, lines } = fakeTerminal(40, 8);
    const animation = track(fish({ stream, isEnabled: true, color: false }));
    animation.animate();
    stream.write('no newline');
    animation.succeed('done');
    expect(inked(await lines())).toEqual(['no newline', '✔ done']);
  });

  it('keeps the write callback and gives the stream its own write back on stop', async () => {
    const { stream } = fakeTerminal();
    const own = stream.write;
    const animation = fish({ stream, isEnabled: true });
    animation.animate();
    expect(stream.write).not.toBe(own);
    const called: string[] = [];
    stream.write('whole\n', () => called.push('whole'));
    stream.write('part', () => called.push('part'));
    await sleep(5);
    expect(called.sort()).toEqual(['part', 'whole']);
    animation.stop();
    expect(stream.write).toBe(own);
  });
});

describe('text from the host', () => {
  it('keeps SGR styling in the frame and strips every other control sequence', async () => {
    const { stream, bytes, term, lines } = fakeTerminal(40, 3);
    const hostile = `${ESC}[31mred${ESC}[39m ${ESC}]0;pwned\u0007${ESC}[2Jok${ESC}[1A\u202Eup`;
    track(fish({ stream, isEnabled: true, color: true, width: 6, text: hostile })).animate();
    expect((await lines())[0]).toBe(">))'>  red okup");
    expect(bytes()).not.toMatch(/\u001B\]|\u001B\[2J|\u001B\[1A|\u202E/);
    const cell = term.buffer.active.getLine(0)?.getCell(7);
    expect(cell?.getChars()).toBe('r');
    expect(cell?.getFgColor()).toBe(1);
  });

  it('draws text as plain when colour is off', () => {
    const { stream, bytes } = fakeTerminal(40, 3);
    track(
      fish({ stream, isEnabled: true, color: false, width: 6, text: `${ESC}[1;31mbold red` }),
    ).animate();
    expect(bytes()).toContain('bold red');
    expect(bytes()).not.toContain(`${ESC}[1`);
  });
});

describe('the lifecycle', () => {
  it('refuses a second animation on the same terminal with a clear error', () => {
    const { stream } = fakeTerminal();
    track(fish({ stream, isEnabled: true })).start();
    const second = fish({ stream, isEnabled: true });
    expect(() => second.start()).toThrow(TerminalBusyError);
    expect(() => second.animate()).toThrow(
      /^fish: another animation is already running on this terminal/,
    );
    expect(second.isSpinning).toBe(false);
  });

  it('lets the next animation run once the first has stopped', () => {
    const { stream } = fakeTerminal();
    fish({ stream, isEnabled: true }).start().stop();
    expect(() => track(fish({ stream, isEnabled: true })).start()).not.toThrow();
  });

  it('stops idempotently, and methods after stop do no harm', async () => {
    const { stream, lines, listeners } = fakeTerminal(40, 4);
    const animation = fish({ stream, isEnabled: true, sync: 'step', width: 8 });
    animation.animate();
    animation.stop().stop().clear();
    animation.text = 'still fine';
    expect(inked(await lines())).toEqual([]);
    expect(animation.isSpinning).toBe(false);
    expect(listeners.get('resize')?.size ?? 0).toBe(0);
  });

  it('clear() takes the animation off until the next frame', async () => {
    const { stream, lines } = fakeTerminal(40, 4);
    const animation = track(fish({ stream, isEnabled: true, sync: 'step' }));
    animation.animate().clear();
    expect(inked(await lines())).toEqual([]);
    animation.animate();
    expect(inked(await lines())).toHaveLength(1);
  });

  it('ticks by itself after start(), and stops when the signal aborts', async () => {
    const { stream, lines } = fakeTerminal(40, 4);
    const controller = new AbortController();
    const frames: number[] = [];
    const animation = track(
      fish({
        stream,
        isEnabled: true,
        fps: 50,
        signal: controller.signal,
        onFrame: (info) => frames.push(info.index),
      }),
    );
    animation.start('ticking');
    await sleep(150);
    expect(frames.length).toBeGreaterThan(2);
    controller.abort();
    expect(animation.isSpinning).toBe(false);
    expect(inked(await lines())).toEqual([]);
    const count = frames.length;
    await sleep(60);
    expect(frames.length).toBe(count);
  });

  it('does not start on an aborted signal', () => {
    const { stream, bytes } = fakeTerminal();
    const animation = fish({ stream, isEnabled: true, signal: AbortSignal.abort() }).start();
    expect(animation.isSpinning).toBe(false);
    expect(bytes()).toBe('');
  });

  it('draws nothing before `delay`, so quick tasks never flash', async () => {
    const quick = fakeTerminal();
    fish({ stream: quick.stream, isEnabled: true, delay: 100 }).start().stop();
    await sleep(150);
    expect(quick.bytes()).toBe('');

    const slow = fakeTerminal();
    const animation = track(
      fish({ stream: slow.stream, isEnabled: true, delay: 60, fps: 50 }).start(),
    );
    await sleep(20);
    expect(slow.bytes()).toBe('');
    await sleep(120);
    expect(inked(await slow.lines())).toHaveLength(1);
    animation.stop();
  });

  it('switches from animate() to the tick on start()', async () => {
    const { stream } = fakeTerminal();
    const frames: number[] = [];
    const animation = track(
      fish({ stream, isEnabled: true, fps: 50, onFrame: (info) => frames.push(info.index) }),
    );
    animation.animate();
    await sleep(60);
    expect(frames).toEqual([0]);
    animation.start();
    await sleep(100);
    expect(frames.length).toBeGreaterThan(2);
  });
});

describe('without an interactive terminal', () => {
  it('animates nothing and writes no escape; status methods print one plain line', () => {
    const { stream, bytes } = fakeTerminal(40, 5, { isTTY: false });
    const animation = fish({ stream, text: `${ESC}[32mgreen${ESC}[39m task` });
    // As ora: start() writes `- text` once, and nothing else is drawn.
    animation.start().animate().progress(3, 10);
    animation.text = 'changed';
    expect(bytes()).toBe('- green task\n');
    expect(animation.isSpinning).toBe(false);
    animation.succeed();
    fish({ stream }).fail(`with ${ESC}]8;;http://x${ESC}\\a link${ESC}]8;;${ESC}\\`);
    expect(bytes()).toBe('- green task\n✔ changed\n✖ with a link\n');
  });

  it('is not interactive under CI or TERM=dumb, even on a TTY', async () => {
    const { isInteractive } = await import('../../src/api/options.js');
    expect(isInteractive({ isTTY: true }, { TERM: 'xterm' })).toBe(true);
    expect(isInteractive({ isTTY: true }, { TERM: 'xterm', CI: 'true' })).toBe(false);
    expect(isInteractive({ isTTY: true }, { TERM: 'xterm', GITHUB_ACTIONS: 'true' })).toBe(false);
    expect(isInteractive({ isTTY: true }, { TERM: 'dumb' })).toBe(false);
    expect(isInteractive({ isTTY: false }, { TERM: 'xterm' })).toBe(false);
  });
});

describe('options', () => {
  it('refuses bad options with one line each', () => {
    expect(() => fish({ fps: 0 })).toThrow(/^fish: fps must be a number from 0.1 to 240, got 0$/);
    expect(() => fish({ width: 2.5 })).toThrow(
      /^fish: width must be a whole number from 1 to 1000, got 2.5$/,
    );
    // @ts-expect-error: a JavaScript host can pass anything
    expect(() => fish({ sync: 'fast' })).toThrow(
      /^fish: sync must be 'time', 'step' or 'progress', got "fast"$/,
    );
    expect(() => fish({ art: 'no-such-creature' })).toThrow(
      /^fish: no-such-creature: no built-in art by that name/,
    );
    // @ts-expect-error: a JavaScript host can pass anything
    expect(() => fish({ discardStdin: 'yes' })).toThrow(
      /^fish: discardStdin must be true or false, got "yes"$/,
    );
  });

  it('names the option and the value for anything a JavaScript host can pass wrong', () => {
    const wrong: [unknown, RegExp][] = [
      [null, /^fish: options must be an object or a text, got null$/],
      [42, /^fish: options must be an object or a text, got 42$/],
      [[], /^fish: options must be an object or a text, got an array$/],
      [() => 'x', /^fish: options must be an object or a text, got a function$/],
      [
        { color: 'yes' },
        /^fish: color must be true, false or 'black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan' or 'white', got "yes"$/,
      ],
      [{ isEnabled: 'no' }, /^fish: isEnabled must be true or false, got "no"$/],
      [{ isSilent: 1 }, /^fish: isSilent must be true or false, got 1$/],
      [{ indent: -1 }, /^fish: indent must be a whole number from 0 to 1000, got -1$/],
      [
        { stream: {} },
        /^fish: stream must be a writable stream \(with write, on and off\), got \{\}$/,
      ],
      [
        { art: { name: 'x' } },
        /^fish: art must be a built-in name, an art file's path or art from loadArt\(\) or parseArt\(\), got an object with name$/,
      ],
      [{ hideCursor: 1 }, /^fish: hideCursor must be true or false, got 1$/],
      [{ onFrame: 'log' }, /^fish: onFrame must be a function, got "log"$/],
      [{ signal: {} }, /^fish: signal must be an AbortSignal, got \{\}$/],
      [{ delay: 1e12 }, /^fish: delay must be a number from 0 to 2147483647, got 1000000000000$/],
      // A value with control characters is quoted with them spelled out, never raw.
      [
        { sync: 'a\u001b]0;pwned\u0007' },
        /^fish: sync must be 'time', 'step' or 'progress', got "a\\u\{1b\}\]0;pwned\\u\{7\}"$/,
      ],
    ];
    for (const [options, message] of wrong) {
      // @ts-expect-error: a JavaScript host can pass anything
      expect(() => fish(options)).toThrow(message);
    }
  });

  it("takes a text alone as the animation's text, as ora does", () => {
    expect(track(fish('Loading')).text).toBe('Loading');
  });

  it('refuses progress past its total, and reads 0 of 0 as done', async () => {
    const { stream, lines } = fakeTerminal(40, 3);
    const animation = track(fish({ stream, isEnabled: true, sync: 'progress', width: 20 }));
    expect(() => animation.progress(5, 0)).toThrow(
      /^fish: progress amount must be at most the total \(0\), got 5$/,
    );
    expect(() => animation.progress(1e308, 10)).toThrow(
      /^fish: progress amount must be at most the total \(10\), got 1e\+308$/,
    );
    animation.progress(0, 0);
    expect((await lines())[0]).toContain('100% 0/0');
    animation.progress(1e308, 1e308);
    expect((await lines())[0]).toContain('100% 1e+308/1e+308');
  });

  it('takes art by name, by path or as an object', async () => {
    const { parseArt } = await import('../../src/art/index.js');
    const { stream, lines } = fakeTerminal(30, 3);
    track(fish({ stream, isEnabled: true, art: parseArt('<*>'), width: 3 })).animate();
    expect((await lines())[0]).toBe('<*>');
  });
});
