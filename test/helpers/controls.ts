/**
 * What may reach a terminal: the checks that tests of hostile input apply to glyphs, error
 * messages and the bytes the engine writes.
 */

/**
 * Anything that must never be in a glyph of loaded art: control characters (C0, DEL, C1),
 * format characters (bidi controls, zero-width characters, tags...), line and paragraph
 * separators and lone surrogates. The loader refuses all of them (docs/art-format.md), so a
 * glyph that holds one is something the security check let through.
 */
export const UNSAFE_IN_GLYPH = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u;

/**
 * Anything that must never be in a one-line message for a terminal: control characters, line
 * breaks of any kind, lone surrogates and the bidi controls that would reorder the line. A
 * zero width joiner is allowed: the message about an emoji sequence quotes the sequence.
 */
export const UNSAFE_IN_MESSAGE =
  /[\p{Cc}\p{Zl}\p{Zp}\p{Cs}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

/**
 * The control sequences the engine itself writes, and only those: cursor moves (CUU, CUD,
 * CUF, CUB, CNL, CPL, ECH, ICH and DCH, with an optional count; IND and RI), erase in line and erase down (EL, ED), SGR with numeric
 * parameters, synchronized output (DEC 2026), auto-wrap (DECAWM) and the cursor's visibility (DECTCEM, from the
 * session). Any other sequence (an OSC, a DCS, a CSI with another final byte) is left in
 * place by {@link stripEngineSequences}, so its ESC shows up in {@link strayControls}.
 */
const ENGINE_SEQUENCE = /\u001b(?:\[(?:\d*[ABCDEFPX@]|[JK]|[\d;]*m|\?(?:2026|25|7)[hl])|[DM])/g;

/**
 * `bytes` without the engine's own control sequences (see `ENGINE_SEQUENCE`).
 *
 * @param bytes - what the engine wrote
 */
export function stripEngineSequences(bytes: string): string {
  return bytes.replace(ENGINE_SEQUENCE, '');
}

/** C0 controls other than CR, LF and BS (the engine's moves), DEL and C1 controls. */
const STRAY_CONTROL = /[\u0000-\u0007\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f]/gu;

/**
 * The control characters in the engine's output that are not part of its own sequences: a
 * terminal would act on each, so each is a leak. CR, LF and backspace are the engine's own
 * cursor moves. Returned as `U+001B at 12` strings, for readable failures.
 *
 * @param bytes - what the engine wrote
 * @returns one entry per stray control character ([] when the output is clean)
 */
export function strayControls(bytes: string): string[] {
  const rest = stripEngineSequences(bytes);
  return [...rest.matchAll(STRAY_CONTROL)].map(
    (match) =>
      `U+${(match[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')} at ${match.index}`,
  );
}
