/**
 * A session's order of events: the keyboard is in raw mode from before the first frame's bytes
 * go out until after the region is cleared. A key typed while the region is being written is
 * then read, never echoed by the terminal into the middle of it (where `^C` would move the
 * cursor and every relative move after it would land rows off: seen under load as a cursor
 * one row low after Ctrl+C). The cursor is hidden before the first frame and shown after the
 * last, by the session itself.
 */
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { drawText } from '../../src/render/compose.js';
import { CURSOR_HIDE, CURSOR_SHOW } from '../../src/render/escapes.js';
import { clearGrid } from '../../src/render/grid.js';
import { openSession, type SessionOptions } from '../../src/terminal/session.js';
import { fakeTerminal } from '../helpers/fake-terminal.js';

/** A TTY stdin that notes each mode set in `events`, beside the terminal's writes. */
class NotingStdin extends Readable {
  readonly isTTY = true;
  isRaw = false;

  constructor(private readonly events: string[]) {
    super({ read() {} });
  }

  setRawMode(mode: boolean): this {
    this.isRaw = mode;
    this.events.push(mode ? 'raw' : 'cooked');
    return this;
  }
}

/**
 * A session drawing `><>` on a fake terminal whose writes are noted in `events` (as `write`,
 * or with `bytes`, as the bytes themselves).
 */
function notedSession(
  events: string[],
  options: Pick<SessionOptions, 'hideCursor' | 'keyboard'>,
  bytes = false,
) {
  const fake = fakeTerminal(30, 6);
  const write = fake.stream.write.bind(fake.stream);
  fake.stream.write = (chunk, ...rest) => {
    events.push(bytes ? String(chunk) : 'write');
    return write(chunk, ...rest);
  };
  const session = openSession({
    stream: fake.stream,
    compose: (_t, into) => {
      clearGrid(into);
      drawText(into, 0, 0, '><>');
      return into;
    },
    height: 1,
    fps: 25,
    sync: 'step',
    color: false,
    persist: false,
    ...options,
  });
  return { fake, session };
}

describe('a terminal session', () => {
  it('takes the keyboard into raw mode before it writes the first frame, and gives it back after the last', () => {
    const events: string[] = [];
    const { fake, session } = notedSession(events, {
      hideCursor: false,
      keyboard: new NotingStdin(events),
    });
    session.stop();
    expect(events[0]).toBe('raw');
    expect(events).toContain('write');
    expect(events.at(-1)).toBe('cooked');
    expect(events.lastIndexOf('write')).toBeLessThan(events.indexOf('cooked'));
    fake.dispose();
  });

  it("hides the cursor before the first frame's bytes and shows it after the last, itself", async () => {
    const writes: string[] = [];
    const { fake, session } = notedSession(writes, {}, true);
    expect(writes[0]).toBe(CURSOR_HIDE);
    expect(writes[1]).toContain('><>');
    session.stop();
    expect(writes.at(-1)).toBe(CURSOR_SHOW);
    expect(writes.filter((bytes) => bytes.includes(CURSOR_SHOW))).toHaveLength(1);
    expect(await session.ended).toBe('stopped');
    fake.dispose();
  });
});
