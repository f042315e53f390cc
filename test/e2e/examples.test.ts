/**
 * The examples run as documented (`node examples/x.js`) in a real terminal and end with their
 * status line, so that they cannot rot.
 */
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { runInPty } from '../helpers/pty.js';

const example = (name: string): string =>
  fileURLToPath(new URL(`../../examples/${name}.js`, import.meta.url));

/** Run an example (typing `keys` once it draws) and return its exit status and inked lines. */
async function run(
  name: string,
  keys?: string,
): Promise<{ code: number; lines: string[]; cursorVisible: boolean }> {
  const pty = runInPty([example(name)], { cols: 100, rows: 20 });
  if (keys !== undefined) {
    await pty.waitFor((lines) => lines.some((line) => line.includes('Press any key')));
    pty.type(keys);
  }
  const code = await pty.exited;
  await pty.flush();
  return {
    code,
    lines: pty.screen().filter((line) => line.trim() !== ''),
    cursorVisible: pty.cursorVisible(),
  };
}

describe.concurrent('examples', () => {
  it('spinner.js', async () => {
    expect(await run('spinner')).toEqual({
      code: 0,
      lines: [
        'connecting...',
        '✔ Fetched https://example.com/fish.json (200)',
        '✖ Fetching missing.json',
        'as expected: 404 for https://example.com/missing.json; the first answer was 200',
      ],
      cursorVisible: true,
    });
  });

  it('progress.js', async () => {
    expect(await run('progress')).toEqual({
      code: 0,
      lines: ['item-20 done', 'item-40 done', 'item-60 done', '✔ Processed 60 items'],
      cursorVisible: true,
    });
  });

  it('idle.js', async () => {
    expect(await run('idle', 'k')).toEqual({
      code: 0,
      lines: ['✔ you pressed "k"'],
      cursorVisible: true,
    });
  });

  it('school.js: eight status lines in the order added, log lines above them', async () => {
    const { code, lines, cursorVisible } = await run('school');
    expect({ code, cursorVisible }).toEqual({ code: 0, cursorVisible: true });
    const files = ['kernel.img', 'fonts.tar', 'docs.zip', 'video.mp4', 'music.flac'];
    const status = lines.filter((line) => /^[✔✖] /.test(line));
    expect(status.map((line) => line.split(/[ :]/)[1])).toEqual([
      ...files,
      'photos.tar',
      'maps.db',
      'models.bin',
    ]);
    expect(status[6]).toBe('✖ maps.db: checksum mismatch');
    const logs = lines.filter((line) => !/^[✔✖] /.test(line));
    expect(logs.every((line) => /^\S+ is large: \d+ kB$/.test(line))).toBe(true);
    // Every log line was written before the school ended: above its status lines.
    expect(lines.slice(0, logs.length)).toEqual(logs);
  });

  it('custom-art.js', async () => {
    expect(await run('custom-art')).toEqual({
      code: 0,
      lines: ['🦀 the crab went home'],
      cursorVisible: true,
    });
  });
});
