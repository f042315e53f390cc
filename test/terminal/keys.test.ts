/**
 * The keyboard while an animation runs: a fake TTY stdin (a real readable stream with a raw
 * mode flag) taken into raw mode, its keys read, the keys a terminal turns into signals
 * passed on, and given back exactly as it was.
 */
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import {
  claimKeyboard,
  hostReadsKeys,
  type KeyboardOptions,
  type KeySignal,
} from '../../src/terminal/keys.js';

/** A TTY stdin as Node makes it: a readable stream, paused and never read, with a raw mode. */
class FakeStdin extends Readable {
  readonly isTTY: boolean;
  isRaw = false;
  /** Every mode set, in order, as the terminal would see it. */
  readonly modes: boolean[] = [];
  /** A terminal that went away refuses any mode. */
  gone = false;
  /** Whether reading keeps the process alive (a TTY stream is a socket). */
  refed = true;

  constructor(isTTY = true) {
    super({ read() {} });
    this.isTTY = isTTY;
  }

  setRawMode(mode: boolean): this {
    if (this.gone) {
      this.emit('error', Object.assign(new Error('setRawMode EIO'), { code: 'EIO' }));
      return this;
    }
    this.isRaw = mode;
    this.modes.push(mode);
    return this;
  }

  unref(): this {
    this.refed = false;
    return this;
  }

  ref(): this {
    this.refed = true;
    return this;
  }

  /** Keys typed: data on the next turn of the event loop, as a TTY read delivers it. */
  type(text: string): Promise<void> {
    this.push(Buffer.from(text));
    return new Promise((resolve) => setImmediate(resolve));
  }
}

/** What the keyboard was asked to do. */
function recorder() {
  const keys: string[] = [];
  const signals: KeySignal[] = [];
  let gone = 0;
  const options: KeyboardOptions = {
    onKey: (key) => keys.push(key),
    onSignalKey: (signal) => signals.push(signal),
    onGone: () => gone++,
  };
  return { keys, signals, gone: () => gone, options };
}

describe('claimKeyboard', () => {
  it('reads keys in raw mode, passes on the keys that are signals, and an escape sequence as ESC alone', async () => {
    const stdin = new FakeStdin();
    const { keys, signals, options } = recorder();
    const keyboard = claimKeyboard(stdin, options);
    expect(stdin.isRaw).toBe(true);
    expect(stdin.readableFlowing).toBe(true);
    await stdin.type('p');
    await stdin.type(' q');
    // An arrow key's escape sequence is not three keys: it is one, ESC (a screensaver ends on it).
    await stdin.type('\u001b[A');
    await stdin.type('\u0003\u001c\u001a');
    expect(keys).toEqual(['p', ' ', 'q', '\u001b']);
    expect(signals).toEqual(['SIGINT', 'SIGQUIT', 'SIGTSTP']);
    keyboard?.release();
  });

  it('discards keys when nothing takes them', async () => {
    const stdin = new FakeStdin();
    const { signals, options } = recorder();
    const keyboard = claimKeyboard(stdin, { ...options, onKey: undefined });
    await stdin.type('hello\r');
    await stdin.type('\u0003');
    expect(signals).toEqual(['SIGINT']);
    keyboard?.release();
    // Nothing was kept for a later reader either.
    expect(stdin.readableLength).toBe(0);
  });

  it('gives stdin back exactly as it was: cooked, not reading, and started again by a later reader', async () => {
    const stdin = new FakeStdin();
    expect(stdin.readableFlowing).toBe(null);
    const keyboard = claimKeyboard(stdin, recorder().options);
    keyboard?.release();
    keyboard?.release();
    expect(stdin.modes).toEqual([true, false]);
    expect(stdin.listenerCount('data')).toBe(0);
    expect(stdin.listenerCount('error')).toBe(0);
    expect(stdin.listenerCount('end')).toBe(0);
    // Not paused for good: a host that listens for data later reads, as it would have.
    expect(stdin.readableFlowing).toBe(null);
    const later: string[] = [];
    stdin.on('data', (data: Buffer) => later.push(data.toString()));
    await stdin.type('x');
    expect(later).toEqual(['x']);
  });

  it('leaves a stdin that the host already had in raw mode and flowing as it was', () => {
    const stdin = new FakeStdin();
    stdin.setRawMode(true);
    stdin.resume();
    const keyboard = claimKeyboard(stdin, recorder().options);
    keyboard?.release();
    expect(stdin.isRaw).toBe(true);
    expect(stdin.readableFlowing).toBe(true);
  });

  it('gives the usual mode back while stopped, and sets raw mode anew after, whatever Node believes', () => {
    const stdin = new FakeStdin();
    const keyboard = claimKeyboard(stdin, recorder().options);
    keyboard?.suspend();
    expect(stdin.isRaw).toBe(false);
    keyboard?.resume();
    // Continued after SIGSTOP: Node still believes raw mode is on, the shell has reset it.
    keyboard?.resume();
    expect(stdin.modes).toEqual([true, false, false, true, false, true]);
    keyboard?.release();
    expect(stdin.isRaw).toBe(false);
  });

  it('says when the terminal went away (stdin ended, or EIO), and gives it back without a throw', async () => {
    const stdin = new FakeStdin();
    const { gone, options } = recorder();
    const keyboard = claimKeyboard(stdin, options);
    stdin.emit('error', Object.assign(new Error('read EIO'), { code: 'EIO' }));
    expect(gone()).toBe(1);
    stdin.gone = true;
    expect(() => keyboard?.release()).not.toThrow();

    const ended = new FakeStdin();
    const second = recorder();
    claimKeyboard(ended, second.options);
    ended.push(null);
    await new Promise((resolve) => setImmediate(resolve));
    expect(second.gone()).toBe(1);
  });

  it('lets another read error through, as if it did not listen', () => {
    const stdin = new FakeStdin();
    claimKeyboard(stdin, recorder().options);
    expect(() => stdin.emit('error', Object.assign(new Error('boom'), { code: 'EINVAL' }))).toThrow(
      'boom',
    );
  });

  it('reads without keeping the process alive when embedded (unref)', () => {
    const stdin = new FakeStdin();
    const keyboard = claimKeyboard(stdin, { ...recorder().options, unref: true });
    expect(stdin.refed).toBe(false);
    keyboard?.release();
    expect(stdin.refed).toBe(true);
    claimKeyboard(stdin, recorder().options)?.release();
    expect(stdin.refed).toBe(true);
  });

  it('leaves an input that is not a terminal alone', () => {
    const stdin = new FakeStdin(false);
    expect(claimKeyboard(stdin, recorder().options)).toBeUndefined();
    expect(stdin.modes).toEqual([]);
    expect(stdin.listenerCount('data')).toBe(0);
    expect(stdin.readableFlowing).toBe(null);
  });
});

describe('hostReadsKeys', () => {
  it('is true when the host listens, reads in raw mode or has the stream flowing', () => {
    expect(hostReadsKeys(new FakeStdin())).toBe(false);
    expect(hostReadsKeys(new FakeStdin().on('data', () => {}))).toBe(true);
    expect(hostReadsKeys(new FakeStdin().on('readable', () => {}))).toBe(true);
    expect(hostReadsKeys(new FakeStdin().setRawMode(true))).toBe(true);
    const flowing = new FakeStdin();
    flowing.resume();
    expect(hostReadsKeys(flowing)).toBe(true);
    const paused = new FakeStdin();
    paused.pause();
    expect(hostReadsKeys(paused)).toBe(false);
  });
});
