/**
 * Bytes to text for art files: strict UTF-8, with messages that say where a file goes wrong.
 */
import { ArtError } from './errors.js';

const NUL = 0x00;
const LINE_FEED = 0x0a;

/** Strict: a malformed byte sequence throws instead of becoming U+FFFD. Removes a BOM. */
const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes an art file's bytes. A UTF-8 byte order mark is removed.
 *
 * @param bytes - the file's contents
 * @param file - the file name for error messages
 * @throws ArtError for binary data (a NUL byte), UTF-16 text or invalid UTF-8
 */
export function decodeArt(bytes: Uint8Array, file: string): string {
  if (isUtf16(bytes)) {
    throw new ArtError(file, 0, 'UTF-16 text, not UTF-8; save the file as UTF-8');
  }
  if (bytes.includes(NUL)) {
    throw new ArtError(file, 0, 'binary data, not a text art file');
  }
  // Most art is ASCII, which is valid UTF-8 as it is: no need for the decoder (nor the cost
  // of its first use on the start-up path).
  if (isAscii(bytes))
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  try {
    return decoder.decode(bytes);
  } catch {
    // TextDecoder does not say where; find the first bad byte ourselves.
    const offset = invalidUtf8Offset(bytes);
    throw new ArtError(
      file,
      lineAt(bytes, offset),
      `invalid UTF-8 at byte ${offset}; save the file as UTF-8`,
    );
  }
}

/** True when every byte is below 0x80. */
function isAscii(bytes: Uint8Array): boolean {
  for (const byte of bytes) if (byte > 0x7f) return false;
  return true;
}

/** True when the bytes start with a UTF-16 byte order mark. */
function isUtf16(bytes: Uint8Array): boolean {
  const [a, b] = bytes;
  return bytes.length >= 2 && ((a === 0xff && b === 0xfe) || (a === 0xfe && b === 0xff));
}

/** The 1-based line that the byte at `offset` is on. */
function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === LINE_FEED) line++;
  return line;
}

/**
 * The 0-based offset of the first byte that starts an invalid UTF-8 sequence (a stray
 * continuation byte, an overlong form, a surrogate, a code point above U+10FFFF or a
 * sequence cut short), or -1 if the bytes are valid. Follows the table of well-formed byte
 * sequences in the Unicode standard (chapter 3, table 3-7).
 *
 * @param bytes - the bytes to check
 */
function invalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i];
    if (lead < 0x80) {
      i++;
      continue;
    }
    const form = sequenceForm(lead);
    if (form === undefined) return i;
    const [length, secondLow, secondHigh] = form;
    for (let k = 1; k < length; k++) {
      if (i + k >= bytes.length) return i;
      const b = bytes[i + k];
      const low = k === 1 ? secondLow : 0x80;
      const high = k === 1 ? secondHigh : 0xbf;
      if (b < low || b > high) return i;
    }
    i += length;
  }
  return -1;
}

/**
 * For a lead byte, the length of its sequence and the range its second byte must be in (the
 * ranges that rule out overlong forms, surrogates and code points above U+10FFFF).
 */
function sequenceForm(lead: number): readonly [number, number, number] | undefined {
  if (lead >= 0xc2 && lead <= 0xdf) return [2, 0x80, 0xbf];
  if (lead === 0xe0) return [3, 0xa0, 0xbf];
  if (lead === 0xed) return [3, 0x80, 0x9f];
  if (lead >= 0xe1 && lead <= 0xef) return [3, 0x80, 0xbf];
  if (lead === 0xf0) return [4, 0x90, 0xbf];
  if (lead >= 0xf1 && lead <= 0xf3) return [4, 0x80, 0xbf];
  if (lead === 0xf4) return [4, 0x80, 0x8f];
  return undefined;
}
