/**
 * The art stage as the other stages use it: the art model, the format v1 parser (on text or
 * bytes), the file loader and the built-in art. Mirroring, display widths, the limits and the
 * checks of untrusted text are its own modules. See `docs/art-format.md` for the format.
 */
export * from './types.js';
export { ArtError } from './errors.js';
export { parseArt, parseArtBytes, type ParseOptions } from './parse.js';
export { loadArt, loadArtFile } from './load.js';
export { compiledArt } from './compiled.js';
export { packageFile } from './package-file.js';
export { tintArt } from './tint.js';
export { builtInArt, listArt, resolveArt, DEFAULT_ART, type ArtInfo } from './built-in.js';
