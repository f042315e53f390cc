/**
 * Read an asciicast v2 recording and replay it, event by event, in a real terminal emulator.
 */
import { readFileSync } from 'node:fs';
import { createTerminal, writeAsync, type Terminal } from './xterm.js';

/** An event of an asciicast v2 file: output (`o`, the bytes) or a resize (`r`, `COLSxROWS`). */
export type CastEvent = readonly [number, 'o' | 'r', string];

/** The header and events of an asciicast v2 file. */
export interface Cast {
  readonly header: { version: number; width: number; height: number; title?: string };
  readonly events: readonly CastEvent[];
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
    events: lines.map((line) => JSON.parse(line) as CastEvent),
  };
}

/** The screen's lines, trailing blanks trimmed. */
export function screenLines(term: Terminal): string[] {
  const buffer = term.buffer.active;
  const lines: string[] = [];
  for (let y = 0; y < term.rows; y++)
    lines.push(buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '');
  return lines;
}

/**
 * Replay a recording in an emulator of its size, calling `check` with the screen after each
 * event; a resize event resizes the emulator, as the terminal recorded was. Output of a program on a tty passes through ONLCR, which a recording made from the
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
  for (const [index, [, kind, data]] of cast.events.entries()) {
    if (kind === 'r') {
      const [cols, rows] = data.split('x').map(Number);
      term.resize(cols, rows);
    } else {
      await writeAsync(term, data);
    }
    check(index, screenLines(term), term);
  }
  return term;
}

/**
 * Every byte of a recording's output events, as a tty delivers them to the terminal (its
 * ONLCR turns LF into CR LF; the recording holds the program's own bytes).
 *
 * @param cast - the recording
 */
export function castOutput(cast: Cast): string {
  return cast.events
    .filter(([, kind]) => kind === 'o')
    .map(([, , data]) => data)
    .join('')
    .replace(/\n/g, '\r\n');
}

/**
 * What a terminal got that a live recording of it has not. (A typed Ctrl+C is not echoed by
 * the terminal in raw mode; fish writes its echo itself, and records it.)
 *
 * @param output - every byte the terminal got
 * @param cast - the recording made meanwhile
 * @returns the bytes not recorded ('' when all are), or undefined when the recording is not
 *   what the terminal got
 */
export function unrecorded(output: string, cast: Cast): string | undefined {
  const recorded = castOutput(cast);
  const written = output;
  return written.startsWith(recorded) ? written.slice(recorded.length) : undefined;
}
