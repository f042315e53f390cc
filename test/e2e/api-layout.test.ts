/**
 * The default layout with a text, on a real terminal: a spinner-sized tank (three art widths)
 * at the start of the line, the text right after it, as ora's line reads; a host program in a
 * pseudo-terminal, its screen read back by the terminal emulator.
 */
import { describe, expect, it } from 'vitest';
import { writeHost } from '../helpers/host.js';
import { closing, type PtyRun, runInPty } from '../helpers/pty.js';

const PROMPT = '$ host\r\n';
const TEXT = 'Installing dependencies';

/** A host whose spinner swims at `speed` before TEXT, below a prompt, in an 80-column terminal. */
const runSpinner = (speed: number): PtyRun =>
  runInPty(
    [
      writeHost(
        `layout-${speed}`,
        `fish({ text: '${TEXT}', speed: ${speed} }).start();\nsetInterval(() => {}, 1000);`,
      ),
    ],
    { cols: 80, rows: 6, before: PROMPT },
  );

describe('the spinner-sized layout in a terminal', () => {
  it("draws `>))'>` at the start of the line and the text right after the tank", async () => {
    await closing(runSpinner(0), async (run) => {
      // Still (speed 0), the fish rests at the tank's start: 5 cells of art, 10 of water.
      await run.waitFor((lines) => lines[1] === `>))'>${' '.repeat(11)}${TEXT}`);
      expect(run.screen()[0]).toBe('$ host');
    });
  });

  it('keeps the swimming fish within its 15 cells, the text fixed at column 16', async () => {
    await closing(runSpinner(40), async (run) => {
      const seen = new Set<number>();
      const row = /^( *)(>\)\)'>|<'\(\(<)( *)Installing dependencies$/;
      await run.waitFor((lines) => {
        const match = row.exec(lines[1] ?? '');
        if (match === null) return false;
        expect(match[1].length + 5 + match[3].length).toBe(16);
        seen.add(match[1].length);
        // It has swum: several places seen, near the far end (10) among them.
        return seen.size > 2 && Math.max(...seen) >= 7;
      }, 10_000);
    });
  });
});
