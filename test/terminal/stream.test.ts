/**
 * A player's writes to its stream (FrameWriter): a full buffer is waited for, a terminal that
 * went away ends the writing quietly, a `write` that throws ends it once, and the last write
 * keeps the error listener until it is done.
 */
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { FrameWriter, type TerminalStream } from '../../src/terminal/stream.js';

/** A stream that records what is written and returns what `accept` says. */
class Sink extends EventEmitter implements TerminalStream {
  written: string[] = [];
  accept: () => boolean = () => true;
  write(chunk: string, callback?: (error?: Error | null) => void): boolean {
    this.written.push(chunk);
    if (callback !== undefined) process.nextTick(callback);
    return this.accept();
  }
}

const hooks = () => ({ onDrain: vi.fn(), onGone: vi.fn(), onFailed: vi.fn() });

/** An error as a stream reports it. */
const streamError = (code: string): NodeJS.ErrnoException =>
  Object.assign(new Error(code), { code });

describe('FrameWriter', () => {
  it('writes what it is given, and nothing for an empty frame', () => {
    const sink = new Sink();
    const writer = new FrameWriter(sink, hooks());
    writer.write('a');
    writer.write('');
    expect(sink.written).toEqual(['a']);
  });

  it('is congested while the buffer is full, and tells the player once it drains', () => {
    const sink = new Sink();
    const told = hooks();
    const writer = new FrameWriter(sink, told);
    sink.accept = () => false;
    writer.write('a');
    writer.write('b');
    expect(writer.congested).toBe(true);
    expect(sink.listenerCount('drain')).toBe(1);
    sink.emit('drain');
    expect(writer.congested).toBe(false);
    expect(told.onDrain).toHaveBeenCalledTimes(1);
    expect(sink.listenerCount('drain')).toBe(0);
  });

  it('ends quietly when the terminal goes away, and throws any other stream error', () => {
    const sink = new Sink();
    const told = hooks();
    new FrameWriter(sink, told);
    sink.emit('error', streamError('EIO'));
    sink.emit('error', streamError('EPIPE'));
    expect(told.onGone).toHaveBeenCalledTimes(1);
    expect(() => sink.emit('error', streamError('EACCES'))).toThrow('EACCES');
  });

  it('ends once when write throws, and throws the error on', () => {
    const sink = new Sink();
    const told = hooks();
    const writer = new FrameWriter(sink, told);
    sink.accept = () => {
      throw new Error('broken');
    };
    expect(() => writer.write('a')).toThrow('broken');
    expect(() => writer.write('b')).toThrow('broken');
    expect(told.onFailed).toHaveBeenCalledTimes(1);
    expect(sink.listenerCount('error')).toBe(0);
  });

  it('keeps listening for errors until the last write is done, then lets the stream go', async () => {
    const sink = new Sink();
    const told = hooks();
    const writer = new FrameWriter(sink, told);
    writer.close('bye');
    expect(sink.written).toEqual(['bye']);
    // The terminal went away under the last write: no unhandled 'error' reaches the host.
    sink.emit('error', streamError('EIO'));
    expect(told.onGone).not.toHaveBeenCalled();
    const deadline = Date.now() + 1000;
    while (sink.listenerCount('error') > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(sink.listenerCount('error')).toBe(0);
  });

  it('lets the stream go at once when there is nothing left to write', () => {
    const sink = new Sink();
    new FrameWriter(sink, hooks()).close('');
    expect(sink.written).toEqual([]);
    expect(sink.listenerCount('error')).toBe(0);
  });
});
