/**
 * The art format v1 (see `docs/art-format.md`): from a file's text to an {@link Art}.
 */
import { basename, extname } from 'node:path';
import { decodeArt } from './decode.js';
import { ArtError } from './errors.js';
import { HeaderReader, NO_HEADER, type Header } from './header.js';
import { MAX_ART_BYTES, MAX_ART_CELLS, MAX_ART_FRAMES } from './limits.js';
import { mirrorSprite } from './mirror.js';
import {
  CellCache,
  drawFrame,
  padFrame,
  type DrawnFrame,
  type FrameSource,
  type SourceLine,
} from './sprite.js';
import { assertPrintable, BOM, printable, shorten, splitLines } from './untrusted.js';
import type { Art } from './types.js';

/** Where art given to {@link parseArt} came from, for its name and for error messages. */
export interface ParseOptions {
  /** How error messages name the file (default `<text>`). */
  readonly file?: string;
  /** The name when the header gives none (default: the file name without its extension). */
  readonly name?: string;
  /** {@link Art.source} (default: `file`). */
  readonly source?: string;
}

/** The first line of a file with a header. */
const FORMAT_LINE = '@fish v1';
/**
 * A first line meant as a header, to be refused if it is not {@link FORMAT_LINE}: `@fish` in
 * any case, after any spaces, unless a longer word starts with it (`@fishy` is art).
 */
const HEADER_ATTEMPT = /^[ \t]*@fish(?:v\d|(?![a-z]))/i;
/** A well-formed first line that asks for a format version this parser does not read. */
const OTHER_VERSION = /^@fish v\d\S*$/;
/** `@` and a word at the start of a line; anything after the word must be blank. */
const DIRECTIVE = /^@([A-Za-z]+)(.*)$/;
/** A directive with spaces or tabs before it: not a directive, and surely a mistake. */
const INDENTED_DIRECTIVE = /^[ \t]+@[A-Za-z]/;
const DIRECTIVES = ['frame', 'mask', 'opposite'];
const DIRECTIVE_LIST = DIRECTIVES.map((d) => `@${d}`).join(', ');

/** The name of art given as text with no file name and no `name` header. */
const TEXT_NAME = 'art';
const TEXT_FILE = '<text>';

/** The frames of a file, before drawing. */
interface Layout {
  readonly header: Header;
  /** The frames in the header's facing. */
  readonly main: FrameSource[];
  /** Hand-drawn frames of the opposite facing, with the line of `@opposite`. */
  readonly opposite: { readonly frames: FrameSource[]; readonly line: number } | undefined;
}

/**
 * Parses art in format v1: plain text (one frame, facing right), or a file that starts with
 * `@fish v1`, a header and directives.
 *
 * The work and memory it takes are bounded whatever the text (see `limits.ts`): text over
 * {@link MAX_ART_BYTES} of UTF-8 is refused before anything else is done with it.
 *
 * @param text - the file's contents (a leading BOM is ignored)
 * @param options - the file name for messages, the default name and the source
 * @returns the art, every frame in both facings
 * @throws ArtError for anything wrong with the art, with the line it is on
 */
export function parseArt(text: string, options: ParseOptions = {}): Art {
  const file = printable(options.file ?? TEXT_FILE);
  // Every code unit is at least a byte of UTF-8: only text near the limit is measured.
  if (text.length > MAX_ART_BYTES || Buffer.byteLength(text, 'utf8') > MAX_ART_BYTES) {
    throw new ArtError(file, 0, 'the art is too large (over 1 MiB as UTF-8; art is at most 1 MiB)');
  }
  const lines = splitLines(text.startsWith(BOM) ? text.slice(BOM.length) : text);
  // The security check covers every line, comments and dropped blank lines included.
  lines.forEach((line, i) => assertPrintable(line, { file, line: i + 1 }));
  const first = lines.length > 0 ? lines[0].trimEnd() : '';
  let layout: Layout;
  if (first === FORMAT_LINE) {
    layout = readLayout(lines, file);
  } else if (HEADER_ATTEMPT.test(first)) {
    throw new ArtError(
      file,
      1,
      OTHER_VERSION.test(first)
        ? `unsupported format "${shorten(first)}"; this fish reads "${FORMAT_LINE}"`
        : `malformed header "${shorten(first)}": a file with a header starts with exactly "${FORMAT_LINE}" (lower case, one space)`,
    );
  } else {
    const art = lines.map((line, i) => ({ text: line, line: i + 1 }));
    layout = { header: NO_HEADER, main: [{ line: 1, art, mask: undefined }], opposite: undefined };
  }
  const fileName = options.file === undefined ? TEXT_NAME : nameOf(file);
  return buildArt(layout, file, {
    name: layout.header.name ?? options.name ?? fileName,
    source: options.source ?? options.file ?? TEXT_FILE,
  });
}

/**
 * Parses the bytes of an art file: strict UTF-8 (a BOM is ignored), then {@link parseArt}.
 *
 * @param bytes - the file's contents
 * @param options - as for {@link parseArt}
 * @throws ArtError for more than {@link MAX_ART_BYTES} (before decoding), binary data,
 *   invalid UTF-8, or anything {@link parseArt} refuses
 */
export function parseArtBytes(bytes: Uint8Array, options: ParseOptions = {}): Art {
  const file = printable(options.file ?? TEXT_FILE);
  if (bytes.length > MAX_ART_BYTES) {
    throw new ArtError(
      file,
      0,
      `the art is too large (${bytes.length} bytes; art is at most 1 MiB)`,
    );
  }
  return parseArt(decodeArt(bytes, file), options);
}

/** The header and frames of a file that starts with `@fish v1`. */
function readLayout(lines: readonly string[], file: string): Layout {
  const reader = new HeaderReader();
  let i = 1;
  for (; i < lines.length && !DIRECTIVE.test(lines[i]); i++) {
    if (INDENTED_DIRECTIVE.test(lines[i])) throw indented(lines[i], file, i + 1);
    reader.read(lines[i], { file, line: i + 1 });
  }
  const main: FrameSource[] = [];
  let opposite: { frames: FrameSource[]; line: number } | undefined;
  // Where art or mask lines go: the section the last directive opened.
  let target: SourceLine[] | undefined;
  for (; i < lines.length; i++) {
    const text = lines[i];
    const line = i + 1;
    const directive = DIRECTIVE.exec(text);
    if (directive === null) {
      if (target !== undefined) target.push({ text, line });
      else if (INDENTED_DIRECTIVE.test(text)) throw indented(text, file, line);
      else if (text.trim() !== '') {
        throw new ArtError(file, line, 'after @opposite, start each frame with a line "@frame"');
      }
      continue;
    }
    const name = directive[1].toLowerCase();
    if (!DIRECTIVES.includes(name)) {
      throw new ArtError(
        file,
        line,
        `unknown directive "@${shorten(directive[1])}" (expected ${DIRECTIVE_LIST})`,
      );
    }
    if (directive[2].trim() !== '') {
      throw new ArtError(file, line, `@${name} takes nothing after it on its line`);
    }
    const frames = opposite?.frames ?? main;
    if (name === 'frame') {
      if (frames.length === MAX_ART_FRAMES) {
        throw new ArtError(
          file,
          line,
          `too many frames (art has at most ${MAX_ART_FRAMES} frames)`,
        );
      }
      const frame: FrameSource = { line, art: [], mask: undefined };
      frames.push(frame);
      target = frame.art;
    } else if (name === 'mask') {
      const frame = frames.at(-1);
      if (frame === undefined || target !== frame.art) {
        throw new ArtError(
          file,
          line,
          frame?.mask === undefined
            ? '@mask must follow the art of a frame (a "@frame" line, then the art)'
            : 'this frame already has a @mask',
        );
      }
      frame.mask = [];
      target = frame.mask;
    } else {
      if (opposite !== undefined) {
        throw new ArtError(file, line, '@opposite is given twice');
      }
      if (main.length === 0) {
        throw new ArtError(file, line, '@opposite must come after the frames it is opposite to');
      }
      opposite = { frames: [], line };
      target = undefined;
    }
  }
  if (main.length === 0) {
    throw new ArtError(file, 0, 'no frames: after the header, start the art with a line "@frame"');
  }
  if (opposite !== undefined && opposite.frames.length !== main.length) {
    throw new ArtError(
      file,
      opposite.line,
      `@opposite has ${count(opposite.frames.length)} but the art has ${count(main.length)}; ` +
        'draw one opposite frame for each frame',
    );
  }
  return { header: reader.header(), main, opposite };
}

/**
 * Draws, pads and mirrors the frames into an {@link Art}. The size the padded frames will
 * have is checked after each frame is drawn, so a file that asks for too many cells is
 * refused before any frame is padded, at the frame that makes it too large.
 */
function buildArt(
  layout: Layout,
  file: string,
  { name, source }: { readonly name: string; readonly source: string },
): Art {
  const { header } = layout;
  // Frames of different sizes are padded to the largest, so the art has one size.
  let width = 0;
  let height = 0;
  const count = layout.main.length;
  const cache = new CellCache();
  const draw = (lines: FrameSource): DrawnFrame => {
    const frame = drawFrame(lines, header, file, cache);
    width = Math.max(width, frame.width);
    height = Math.max(height, frame.rows.length);
    const cells = count * width * height;
    if (cells > MAX_ART_CELLS) {
      throw new ArtError(
        file,
        lines.line,
        `the art is too large: ${count} frames of ${width}x${height} cells make ${cells} cells ` +
          `(at most ${MAX_ART_CELLS}; every frame is padded to the largest)`,
      );
    }
    return frame;
  };
  const main = layout.main.map(draw);
  const opposite = layout.opposite?.frames.map(draw);
  const drawn: readonly DrawnFrame[] = [...main, ...(opposite ?? [])];
  if (!drawn.some((frame) => frame.visible)) {
    throw new ArtError(file, 0, 'art has no visible character');
  }
  const mainSprites = main.map((frame) => padFrame(frame, width, height));
  const oppositeSprites =
    opposite?.map((frame) => padFrame(frame, width, height)) ??
    mainSprites.map((sprite) =>
      mirrorSprite(sprite, header.mirror, (cell) => cache.mirrored(cell, header.mirror)),
    );
  return {
    name,
    source,
    width,
    height,
    frameDuration: header.duration,
    facing: header.facing,
    frames:
      header.facing === 'right'
        ? { right: mainSprites, left: oppositeSprites }
        : { left: mainSprites, right: oppositeSprites },
    // Every cell of every sprite is one of the cache's, or its mirror image (the same style
    // and width): no need to look at a million cells.
    colored: cache.colored,
    wide: cache.wide,
  };
}

/** The default name of art from a file: its base name without the extension. */
function nameOf(file: string): string {
  return basename(file, extname(file)) || TEXT_NAME;
}

/** The error for a directive with spaces or tabs before it. */
function indented(text: string, file: string, line: number): ArtError {
  const word = /@[A-Za-z]+/.exec(text)?.[0] ?? '@';
  return new ArtError(
    file,
    line,
    `"${shorten(word)}" is indented: a directive starts at the very start of its line, with no spaces or tabs before it`,
  );
}

/** `1 frame`, `2 frames`. */
function count(frames: number): string {
  return `${frames} frame${frames === 1 ? '' : 's'}`;
}
