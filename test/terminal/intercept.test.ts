/**
 * The hooks on the host's streams: complete lines go out between `before` and `after`, a
 * partial line is held until completed or restored, and the streams get their own `write`
 * back.
 */
import { describe, expect, it } from 'vitest';
import fs, { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  drawingStream,
  hookHostOutput,
  streamsOnTerminal,
  terminalOf,
} from '../../src/terminal/intercept.js';

/** A stream that logs its writes, next to the hooks' calls. */
function logged(name: string, log: string[]) {
  return {
    isTTY: true,
    write(chunk: string | Uint8Array): boolean {
      log.push(
        `${name}:${typeof chunk === 'string' ? chunk : `<${Buffer.from(chunk).toString('utf8')}>`}`,
      );
      return true;
    },
  };
}

describe('hookHostOutput', () => {
  it('writes complete lines between before() and after(), and holds a partial line', () => {
    const log: string[] = [];
    const out = logged('out', log);
    const host = hookHostOutput([out], {
      before: () => log.push('before'),
      after: () => log.push('after'),
    });
    out.write('one\ntwo');
    out.write(' halves\n');
    out.write('tail');
    expect(log).toEqual([
      'before',
      'out:one\n',
      'after',
      'before',
      'out:two',
      'out: halves\n',
      'after',
    ]);
    expect(host.restore()).toBe(true);
    expect(log.at(-1)).toBe('out:tail');
    expect(host.restore()).toBe(false);
  });

  it('interleaves two streams in the order they were written', () => {
    const log: string[] = [];
    const out = logged('out', log);
    const err = logged('err', log);
    const host = hookHostOutput([out, err], { before: () => {}, after: () => {} });
    out.write('progress: ');
    err.write('warning\n');
    host.restore();
    expect(log).toEqual(['out:progress: ', 'err:warning\n']);
  });

  it('splits bytes at the last line feed and turns other encodings into bytes', () => {
    const log: string[] = [];
    const out = logged('out', log);
    const host = hookHostOutput([out], { before: () => {}, after: () => {} });
    out.write(Buffer.from('é\nà'));
    (out.write as (chunk: string, encoding: BufferEncoding) => boolean)('0a', 'hex');
    expect(log).toEqual(['out:<é\n>', 'out:<à>', 'out:<\n>']);
    host.restore();
  });

  it('calls the callback of a held chunk at once, and of a written one as the stream does', async () => {
    const calls: string[] = [];
    const out = {
      write(_chunk: string | Uint8Array, callback?: () => void): boolean {
        callback?.();
        return false; // backpressure, passed on
      },
    };
    const host = hookHostOutput([out], { before: () => {}, after: () => {} });
    expect(out.write('held', () => calls.push('held'))).toBe(true);
    expect(out.write('line\n', () => calls.push('line'))).toBe(false);
    await new Promise((resolve) => process.nextTick(resolve));
    expect(calls.sort()).toEqual(['held', 'line']);
    host.restore();
  });

  it('gives the stream its own write back, or leaves a later hook in place', () => {
    const own = { write: (_chunk: string): boolean => true };
    const original = own.write;
    hookHostOutput([own], { before: () => {}, after: () => {} }).restore();
    expect(own.write).toBe(original);

    const log: string[] = [];
    const stream = logged('s', log);
    const host = hookHostOutput([stream], { before: () => log.push('before'), after: () => {} });
    const ours = stream.write;
    const theirs = (chunk: string): boolean => ours.call(stream, `[${chunk}]`);
    stream.write = theirs;
    host.restore();
    expect(stream.write).toBe(theirs);
    stream.write('x\n');
    expect(log).toEqual(['s:[x\n]']); // passed straight on: no before()
  });

  it('restores a write inherited from the prototype by deleting the own one', () => {
    class Stream {
      write(_chunk: string): boolean {
        return true;
      }
    }
    const stream = new Stream();
    const host = hookHostOutput([stream], { before: () => {}, after: () => {} });
    expect(Object.hasOwn(stream, 'write')).toBe(true);
    host.restore();
    expect(Object.hasOwn(stream, 'write')).toBe(false);
  });

  it('passes empty chunks straight on: nothing is held for them', () => {
    const log: string[] = [];
    const out = logged('out', log);
    const host = hookHostOutput([out], { before: () => log.push('before'), after: () => {} });
    out.write('');
    expect(log).toEqual(['out:']);
    expect(host.restore()).toBe(false);
  });

  it('drops held output when asked (the terminal went away)', () => {
    const log: string[] = [];
    const out = logged('out', log);
    const host = hookHostOutput([out], { before: () => {}, after: () => {} });
    out.write('held');
    expect(host.restore(false)).toBe(false);
    expect(log).toEqual([]);
  });
});

describe('terminals', () => {
  it('tells a stream without a descriptor by itself', () => {
    const stream = { isTTY: true, write: () => true };
    expect(terminalOf(stream)).toBe(stream);
    expect(streamsOnTerminal(stream)).toEqual([stream]);
  });

  it('draws past the hooks', () => {
    const log: string[] = [];
    const target = {
      ...logged('t', log),
      columns: 7,
      rows: 3,
      on: () => target,
      off: () => target,
    };
    const drawing = drawingStream(target);
    const host = hookHostOutput([target], { before: () => log.push('before'), after: () => {} });
    drawing.write('frame');
    expect(log).toEqual(['t:frame']);
    expect(drawing.columns).toBe(7);
    target.columns = 9;
    expect(drawing.columns).toBe(9);
    host.restore();
  });

  it("hooks fs.writeSync and fs.write on the streams' descriptors, and gives fs its own back", async () => {
    const log: string[] = [];
    const path = join(tmpdir(), `fish-intercept-${process.pid}.txt`);
    const fd = openSync(path, 'w');
    const original = { writeSync: fs.writeSync, write: fs.write };
    try {
      const host = hookHostOutput([{ isTTY: true, fd, write: () => true }], {
        before: () => log.push('before'),
        after: () => log.push('after'),
      });
      expect(fs.writeSync).not.toBe(original.writeSync);
      // The ES module's named export follows: a host that imported it is hooked too.
      expect(writeSync).toBe(fs.writeSync);
      writeSync(fd, 'one\ntw');
      await new Promise((resolve) => fs.write(fd, Buffer.from('o\n'), resolve));
      log.push(readFileSync(path, 'utf8'));
      host.restore();
      expect(fs.writeSync).toBe(original.writeSync);
      expect(fs.write).toBe(original.write);
      expect(writeSync).toBe(original.writeSync);
      expect(log).toEqual(['before', 'after', 'before', 'after', 'one\ntwo\n']);
    } finally {
      closeSync(fd);
      fs.rmSync(path, { force: true });
    }
  });
});
