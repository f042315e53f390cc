/**
 * The art stage: the art model, the format v1 parser, the file loader, mirroring, display
 * widths and the built-in art. See `docs/art-format.md` for the format.
 */
export * from './types.js';
export { ArtError } from './errors.js';
export { parseArt, parseArtBytes, type ParseOptions } from './parse.js';
export { loadArt } from './load.js';
export {
  MAX_ART_BYTES,
  MAX_ART_WIDTH,
  MAX_ART_HEIGHT,
  MAX_ART_CELLS,
  MAX_ART_FRAMES,
  MAX_CELL_CODE_POINTS,
} from './limits.js';
export { listArt, resolveArt, DEFAULT_ART, ART_EXTENSION, type ArtInfo } from './built-in.js';
export {
  mirrorSprite,
  mirrorTable,
  MIRROR_PAIRS,
  DEFAULT_MIRROR_TABLE,
  type MirrorTable,
} from './mirror.js';
export { glyphsOf, codePointWidth, widthOf, TAB_STOP, type Glyph } from './width.js';
export { DEFAULT_FRAME_DURATION } from './header.js';
export type { Where } from './untrusted.js';
