/**
 * Compose and diff: the cell grid, frames composed from sprites by depth, and the encoder
 * that turns one grid into the next with as few bytes as it can.
 */
export { createGrid, clearGrid } from './grid.js';
export type { Grid } from './grid.js';
export { composeFrame, drawSprite, drawText } from './compose.js';
export type { Placement, CharWidth } from './compose.js';
export { encodeDiff, moveCursor, SYNC_MIN_BYTES, SYNC_MIN_ROWS } from './encode.js';
export type { Cursor, EncodeOptions, EncodeResult } from './encode.js';
export {
  BS,
  CR,
  CRLF,
  CSI,
  EL,
  LF,
  SGR_RESET,
  SYNC_BEGIN,
  SYNC_COST,
  SYNC_END,
  backspaces,
  csiMoveCost,
  cub,
  cud,
  cuf,
  cuu,
  normalizeStyle,
  sgr,
  sgrTransition,
  utf8Length,
} from './escapes.js';
