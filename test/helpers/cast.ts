/**
 * Read an asciicast v2 recording and replay it, event by event, in a real terminal emulator.
 */
import { readFileSync } from 'node:fs';
import { createTerminal, writeAsync, type Terminal } from './xterm.js';

/** The header and events of an asciicast v2 file. */
export interface Cast {
  readonly header: { version: number; width: number; height: number; title?: string };
  readonly events: ReadonlyArray<readonly [number, 'o', string]>;
}

/**
 * Parse a .cast file.
 *
 * @param path - the file
 */
export function readCast(path: string): Cast {
  const [head, ...lines] = readFileSync(path, 'utf8').trimEnd().split('\n');
  return {
    header: JSON.parse(head) as Cast['header'],
    events: lines.map((line) => JSON.parse(line) as readonly [number, 'o', string]),
  };
}

/** The screen's lines, trailing blanks trimmed. */
export function screenLines(term: Terminal): string[] {
  const buffer = term.buffer.active;
  const lines: string[] = [];
  for (let y = 0; y < term.rows; y++) lines.push(buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '');
  return lines;
}

/**
 * Replay a recording in an emulator of its size, calling `check` with the screen after each
 * event. Output of a program on a tty passes through ONLCR, which a recording made from the
 * program's own bytes has not had, so LF is converted here as the tty would.
 *
 * @param cast - the recording
 * @param check - called after each event with its index and the screen's lines
 * @returns the emulator, showing the final screen
 */
export async function replayCast(
  cast: Cast,
  check: (index: number, lines: string[], term: Terminal) => void,
): Promise<Terminal> {
  const term = createTerminal(cast.header.width, cast.header.height, { convertEol: true });
  for (const [index, [, , data]] of cast.events.entries()) {
    await writeAsync(term, data);
    check(index, screenLines(term), term);
  }
  return term;
}
