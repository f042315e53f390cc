import {
  ALL_BLOCKS,
  BLOCKS,
  blankCells,
  blockWidth,
  liveBlocks,
  spansOf,
  type Grid,
  type RowRuns,
} from './grid.js';
import { changedArea, inkFinerThanBlocks } from './compose.js';
import {
  CR,
  CRLF,
  EL,
  IND,
  RI,
  LF,
  SGR_RESET,
  SYNC_BEGIN,
  SYNC_COST,
  SYNC_END,
  backspaces,
  cnl,
  cpl,
  csiMoveCost,
  cub,
  cud,
  cuf,
  cuu,
  dch,
  ech,
  ich,
  normalizeStyle,
  sgrTransition,
  utf8Length,
} from './escapes.js';

/**
 * Where the terminal's cursor is, relative to the region's top-left cell. `col` is -1 when
 * the column is unknown, notably in the pending-wrap state after a glyph was written in the
 * last column: the next move then begins with a carriage return.
 */
export interface Cursor {
  /** Row in the region (0 is its top row). */
  readonly row: number;
  /** Column in the region, or -1 when unknown (pending wrap). */
  readonly col: number;
}

/** Options of {@link encodeDiff}. */
export interface EncodeOptions {
  /** Emit SGR for cell styles (default false: every cell is drawn in the default style). */
  readonly color?: boolean;
  /** Allow synchronized-output markers around large frames (default true). */
  readonly synchronized?: boolean;
  /**
   * The region is one logical line that the terminal soft-wrapped across its rows (see the
   * inline region in `terminal/region.ts`). Two things would break it, so the encoder does
   * neither: a line feed (xterm.js ends a soft wrap on the row it moves into), and an erase
   * from column 0 of any row but the first (xterm.js unwraps a row erased from there). Moves
   * down use CUD or CNL instead, and a row's tail is erased with EL from column 1 at the
   * earliest. A row that turns wholly blank is erased with ECH across the whole row instead:
   * tmux re-wraps a row by how far it has ever held cells, and only a whole-row erase empties
   * it (EL from column 0 would too, but it unwraps the row in xterm.js; ECH does not), so that
   * a narrowing pushes as few of the host's lines off the screen as it can. The first row is
   * the exception, erased with EL (3 bytes, where ECH across 80 columns costs 5): tmux takes
   * EL from column 0 for the same whole-row erase as ECH, and the row xterm.js unwraps is the
   * one EL is on, which the first row never is (it continues no row above it). Default false.
   */
  readonly chained?: boolean;
  /**
   * Where the cursor must be when the frame is done, relative to the region (default:
   * wherever the last write left it). A frame that changes nothing does not move it.
   */
  readonly rest?: Cursor;
}

/** What {@link encodeDiff} produced for one frame. */
export interface EncodeResult {
  /** The bytes to write, as one string ('' when nothing changed). */
  readonly bytes: string;
  /** Where the cursor is after them. */
  readonly cursor: Cursor;
  /** Cells whose glyph, width or (with colour) style changed. */
  readonly cellsChanged: number;
  /** Rows with at least one changed cell. */
  readonly rowsChanged: number;
}

/** A frame is wrapped in synchronized-output markers only if it changes this many rows... */
export const SYNC_MIN_ROWS = 2;
/** ...and is at least this many bytes: 10 × the markers' 16 bytes, so they add at most 10%. */
export const SYNC_MIN_BYTES = 10 * SYNC_COST;

/**
 * The cheapest move along a row from column `from` (known) to column `to`: CUF forward;
 * backward the shortest of CR (to column 0), backspaces, CUB, and CR then CUF. Ties go to
 * the earlier in that list.
 */
function moveInRow(from: number, to: number): string {
  if (to === from) return '';
  if (to > from) return cuf(to - from);
  if (to === 0) return CR;
  const back = from - to;
  // Eight or more backspaces never beat CUB (at most 7 bytes), so do not build them.
  let best = back < 8 ? backspaces(back) : cub(back);
  if (csiMoveCost(back) < best.length) best = cub(back);
  if (1 + csiMoveCost(to) < best.length) best = CR + cuf(to);
  return best;
}

/**
 * The cheapest relative move from (`fromRow`, `fromCol`) to (`toRow`, `toCol`), both in the
 * region; `fromCol` -1 means unknown (pending wrap), and the move then starts with CR.
 *
 * Down, it picks the cheapest of CUD plus a move along the row, CNL (down to column 0) plus
 * CUF, and, where `lineFeeds` allows, line feeds (ties go to line feeds): LF is used only
 * where every tty mode agrees on its effect (`\n` from column 0, `\r\n` from elsewhere, so
 * that ONLCR does not matter), and only to rows inside the region, so it never scrolls.
 * Up, CUU plus a move along the row, or CPL (up to column 0) plus CUF. A row or two, IND
 * (`ESC D`) and RI (`ESC M`) move down and up a row in two bytes, keeping the column (unlike
 * LF, IND ends no soft wrap in xterm.js; neither scrolls inside the region). Every sequence is
 * ASCII: the result's `.length` is its cost in bytes.
 *
 * @param fromRow - the cursor's row
 * @param fromCol - the cursor's column, or -1 when unknown
 * @param toRow - the target row
 * @param toCol - the target column
 * @param lineFeeds - whether line feeds may move down (default true)
 * @returns the bytes of the move ('' when already there)
 */
export function moveCursor(
  fromRow: number,
  fromCol: number,
  toRow: number,
  toCol: number,
  lineFeeds = true,
): string {
  const down = toRow - fromRow;
  if (down === 0) return fromCol < 0 ? CR + cuf(toCol) : moveInRow(fromCol, toCol);
  // CNL and CPL land on column 0 whatever the column was, a pending wrap included.
  const toLineStart = (down > 0 ? cnl(down) : cpl(-down)) + cuf(toCol);
  const prefix = fromCol < 0 ? CR : '';
  const col = fromCol < 0 ? 0 : fromCol;
  const alongRow = moveInRow(col, toCol);
  const vertical = prefix + (down > 0 ? cud(down) : cuu(-down)) + alongRow;
  let best = toLineStart.length < vertical.length ? toLineStart : vertical;
  const steps = Math.abs(down);
  if (2 * steps + prefix.length + alongRow.length < best.length) {
    best = prefix + (down > 0 ? IND : RI).repeat(steps) + alongRow;
  }
  if (down > 0 && lineFeeds) {
    const byLf =
      prefix.length + (col === 0 ? 0 : 1) + down + (toCol === 0 ? 0 : csiMoveCost(toCol));
    if (byLf <= best.length)
      best = prefix + (col === 0 ? LF.repeat(down) : CRLF + LF.repeat(down - 1)) + cuf(toCol);
  }
  return best;
}

/**
 * Whether cell `i` of `grid` is a blank: a space of width 1. A blank looks the same whatever
 * its style says (the engine's styles are a foreground colour and bold, which a space does not
 * show), so blanks are written in whatever style the terminal is in, and two blanks of
 * different styles are the same cell.
 */
function isBlank(grid: Grid, i: number): boolean {
  return grid.glyphs[i] === ' ' && grid.widths[i] === 1;
}

/** Whether cell `i` differs between the grids; with colour off, styles do not count. */
function changed(prev: Grid, next: Grid, i: number, color: boolean): boolean {
  if (prev.glyphs[i] !== next.glyphs[i] || prev.widths[i] !== next.widths[i]) return true;
  return color && prev.styles[i] !== next.styles[i] && !isBlank(next, i);
}

/**
 * The columns of a row, `from` to `to` (exclusive), outside which the cells are blank in both
 * grids: nothing changes there, so the encoder never looks (see `spansOf` in grid.ts). A
 * frame that drew little is diffed for little. Finer, `live`: the row's blocks of `block`
 * columns where either grid drew (bit b for block b; see `liveBlocks`), blank in both
 * elsewhere; {@link ALL_BLOCKS} where that is not known. Finer than blocks where the
 * columns are known from sprites (see `inkRuns` and `changedArea` in compose.ts): then `runs`
 * holds them, `runs[k]` to `runs[k + 1]` for even `k` from `lo` to `hi`, and only they are
 * live.
 */
interface Span {
  readonly from: number;
  readonly to: number;
  readonly live: number;
  readonly block: number;
  readonly runs: Int32Array | undefined;
  readonly lo: number;
  readonly hi: number;
}

/** A span whose live columns are known by blocks only (see {@link Span}). */
function blockSpan(from: number, to: number, live: number, block: number): Span {
  return { from, to, live, block, runs: undefined, lo: 0, hi: 0 };
}

/** The first column from `col` on (before `to`) in a live block or run of `span`, or `to`. */
function liveFrom(span: Span, col: number, to: number): number {
  const { live, block, runs } = span;
  if (col >= to) return col;
  if (runs !== undefined) {
    for (let k = span.lo; k < span.hi; k += 2)
      if (runs[k + 1] > col) return Math.min(to, Math.max(col, runs[k]));
    return to;
  }
  if (live === ALL_BLOCKS) return col;
  const at = Math.floor(col / block);
  if (((live >>> at) & 1) !== 0) return col;
  // The live blocks after this one; the lowest of them is the next.
  const after = (live >>> (at + 1)) << (at + 1);
  if (after === 0) return to;
  return Math.min(to, (31 - Math.clz32(after & -after)) * block);
}

/**
 * Where the live blocks from the one holding `col` (a live one), or the run holding it, end;
 * or `to` before that.
 */
function liveTo(span: Span, col: number, to: number): number {
  const { live, block, runs } = span;
  if (runs !== undefined) {
    for (let k = span.lo; k < span.hi; k += 2)
      if (runs[k + 1] > col) return Math.min(to, runs[k + 1]);
    return to;
  }
  if (live === ALL_BLOCKS) return to;
  const at = Math.floor(col / block);
  // The dead blocks after this one; the lowest of them ends the run.
  const dead = ((ALL_BLOCKS & ~live) >>> (at + 1)) << (at + 1);
  const end = dead === 0 ? BLOCKS : 31 - Math.clz32(dead & -dead);
  return Math.min(to, end * block);
}

/**
 * What one pass over a row's span found, so that writing the row never scans it again: the
 * span, the first and last changed columns (`cols` and -1 when none changed), how many cells
 * changed, and the last column not blank in `next` (-1 when the row is blank in `next`); and
 * `changes`, the part of the span the changes can only be in (the span itself, or finer).
 */
interface RowScan extends Span {
  readonly changes: Span;
  readonly first: number;
  readonly last: number;
  readonly count: number;
  readonly lastInk: number;
}

/** A {@link RowScan} of `span`, its changes in `changes`, made in one shape. */
function rowScan(
  span: Span,
  changes: Span,
  first: number,
  last: number,
  count: number,
  lastInk: number,
): RowScan {
  const { from, to, live, block, runs, lo, hi } = span;
  return { from, to, live, block, runs, lo, hi, changes, first, last, count, lastInk };
}

/**
 * The grids' drawn spans (see grid.ts), and where their sprites are when both were composed
 * from sprites (see `inkRuns` in compose.ts), looked up once a frame rather than once a row.
 */
interface Drawn {
  readonly before: Int32Array | undefined;
  readonly after: Int32Array | undefined;
  readonly block: number;
  readonly inkBefore: RowRuns | undefined;
  readonly inkAfter: RowRuns | undefined;
}

/**
 * The span of row `r` where `prev` or `next` may hold something (the whole row if unknown):
 * the runs their sprites cover, where known; else their drawn spans, with blocks read only
 * where the span is wider than two (in a narrower one, stepping over dead blocks would save
 * less than it costs).
 */
function rowSpan(drawn: Drawn, cols: number, r: number): Span {
  const { before, after, block, inkBefore, inkAfter } = drawn;
  if (before === undefined || after === undefined) return blockSpan(0, cols, ALL_BLOCKS, block);
  if (inkBefore !== undefined && inkAfter !== undefined) {
    const hi = widenedUnion(
      inkBefore.runs,
      onRow(inkBefore, r),
      inkAfter.runs,
      onRow(inkAfter, r),
      0,
      cols,
      'span',
    );
    const runs = rowRuns.span;
    if (hi === 0) return blockSpan(cols, 0, 0, block);
    return { from: runs[0], to: runs[hi - 1], live: ALL_BLOCKS, block, runs, lo: 0, hi };
  }
  const from = Math.min(before[2 * r], after[2 * r]);
  const to = Math.max(before[2 * r + 1], after[2 * r + 1]);
  const live = to - from > 2 * block ? liveBlocks(before, r) | liveBlocks(after, r) : ALL_BLOCKS;
  return blockSpan(from, to, live, block);
}

/** Runs made for one row at a time, one array for each use, reused row after row. */
const rowRuns = { span: new Int32Array(64), window: new Int32Array(64) };

/**
 * Two lists of runs (`a[aLo]` to `a[aHi]`, and `b[bLo]` to `b[bHi]`, each sorted by their
 * starts), each run widened by `widen` columns each side (inside the row) and merged where
 * they touch, into `rowRuns[use]`; returns how many of its entries they take. Widening keeps
 * the order, so one pass over both lists makes the union.
 */
function widenedUnion(
  a: Int32Array,
  [aLo, aHi]: readonly [number, number],
  b: Int32Array,
  [bLo, bHi]: readonly [number, number],
  widen: number,
  cols: number,
  use: keyof typeof rowRuns,
): number {
  if (aHi - aLo + bHi - bLo > rowRuns[use].length)
    rowRuns[use] = new Int32Array(2 * (aHi - aLo + bHi - bLo));
  const out = rowRuns[use];
  let n = 0;
  for (let i = aLo, j = bLo; i < aHi || j < bHi;) {
    const fromA = i < aHi && (j >= bHi || a[i] <= b[j]);
    const runs = fromA ? a : b;
    const k = fromA ? i : j;
    if (fromA) i += 2;
    else j += 2;
    const from = Math.max(0, runs[k] - widen);
    const to = Math.min(cols, runs[k + 1] + widen);
    if (n > 0 && from <= out[n - 1]) {
      out[n - 1] = Math.max(out[n - 1], to);
      continue;
    }
    out[n] = from;
    out[n + 1] = to;
    n += 2;
  }
  return n;
}

/** Where row `r`'s runs of `rows` are in its `runs`: from and to, as entries. */
function onRow(rows: RowRuns, r: number): [number, number] {
  return [2 * rows.starts[r], 2 * rows.starts[r + 1]];
}

/** No runs. */
const EMPTY_RUNS = new Int32Array(0);

/** Whether row `r` of the previous grid is known blank: its drawn span is empty. */
function blankBefore(drawn: Drawn, r: number): boolean {
  const { before } = drawn;
  return before !== undefined && before[2 * r] >= before[2 * r + 1];
}

/**
 * The part of row `r`'s span where the grids may differ, by the changed area of the frame (see
 * `changedArea` in compose.ts): the area's runs on the row, inside the span's bounds.
 * Undefined when nothing there may differ.
 */
function changedPart(area: RowRuns, r: number, span: Span): Span | undefined {
  const { starts, runs } = area;
  const lo = 2 * starts[r];
  const hi = 2 * starts[r + 1];
  if (lo === hi) return undefined;
  const from = Math.max(span.from, runs[lo]);
  const to = Math.min(span.to, runs[hi - 1]);
  if (from >= to) return undefined;
  return { from, to, live: ALL_BLOCKS, block: span.block, runs, lo, hi };
}

/**
 * The last column of the row at `base` in the live blocks or runs of `span` (where either
 * grid may hold ink), and before column `before` where given, that is not blank in `grid`;
 * or -1.
 */
function lastInkOf(grid: Grid, base: number, span: Span, before = span.to): number {
  const { from, live, block, runs } = span;
  if (runs !== undefined) {
    for (let k = span.hi - 2; k >= span.lo; k -= 2) {
      for (let col = Math.min(before, runs[k + 1]) - 1; col >= runs[k]; col--)
        if (!isBlank(grid, base + col)) return col;
    }
    return -1;
  }
  for (let col = Math.min(before, span.to) - 1; col >= from; col--) {
    const at = Math.floor(col / block);
    // A dead block is blank: on to the end of the block before it.
    if (live !== ALL_BLOCKS && ((live >>> at) & 1) === 0) col = at * block;
    else if (!isBlank(grid, base + col)) return col;
  }
  return -1;
}

/**
 * Scan the row at `base` inside `span` once (see {@link RowScan}). `lastInk` depends on `next`
 * alone: a caller that already knows it for this row passes it, and only the changes are
 * looked for. Changes are looked for only `within` a part of the span, where given: outside
 * it the grids are known to be the same.
 */
function scanRow(
  prev: Grid,
  next: Grid,
  base: number,
  span: Span,
  color: boolean,
  lastInk?: number,
  within: Span = span,
): RowScan {
  const { from, to } = within;
  let first = next.cols;
  let last = -1;
  let count = 0;
  for (let col = liveFrom(within, from, to); col < to; col = liveFrom(within, col, to)) {
    for (const stop = liveTo(within, col, to); col < stop; col++) {
      if (!changed(prev, next, base + col, color)) continue;
      if (count === 0) first = col;
      last = col;
      count++;
    }
  }
  // Only a row with changes is written, and only writing reads its last ink.
  const ink = lastInk ?? (count === 0 ? -1 : lastInkOf(next, base, span));
  return rowScan(span, within, first, last, count, ink);
}

/** The first changed column of the row at `base` from column `from`, or `cols` if none. */
function nextChange(
  prev: Grid,
  next: Grid,
  base: number,
  from: number,
  scan: RowScan,
  color: boolean,
): number {
  const to = scan.last + 1;
  const { changes } = scan;
  for (let col = liveFrom(changes, Math.max(from, scan.first), to); col < to;) {
    for (const stop = liveTo(changes, col, to); col < stop; col++)
      if (changed(prev, next, base + col, color)) return col;
    col = liveFrom(changes, col, to);
  }
  return next.cols;
}

/**
 * Move a run's first column left until it starts a whole unit in both grids: writing over a
 * wide glyph's continuation (in what the terminal shows, or in what it should show) has to
 * start at its lead.
 */
function unitStart(prev: Grid, next: Grid, base: number, col: number): number {
  let start = col;
  while (start > 0 && (prev.widths[base + start] === 0 || next.widths[base + start] === 0)) start--;
  return start;
}

/**
 * The last column of the run of changes starting at `col`, extended so that it ends a whole
 * unit in both grids (a wide glyph's continuation goes with its lead).
 */
function runEnd(
  prev: Grid,
  next: Grid,
  base: number,
  col: number,
  span: Span,
  color: boolean,
): number {
  // Past the span both grids are blank: nothing changes, and no cell continues a wide glyph.
  const { to } = span;
  let end = col;
  for (;;) {
    while (end + 1 < to && changed(prev, next, base + end + 1, color)) end++;
    const after = base + end + 1;
    if (end + 1 < to && (prev.widths[after] === 0 || next.widths[after] === 0)) end++;
    else return end;
  }
}

/**
 * What to write for cell `i` (column `col`) of `grid`: its glyph; '' for the continuation of
 * a wide glyph (the lead covers it); a space for a cell that breaks the grid's rules (half a
 * wide glyph, an empty glyph), so that a bad grid can never make the terminal wrap.
 */
function glyphToWrite(grid: Grid, i: number, col: number): string {
  const width = grid.widths[i];
  if (width === 0) return col > 0 && grid.widths[i - 1] === 2 ? '' : ' ';
  if (width === 2 && !(col + 1 < grid.cols && grid.widths[i + 1] === 0)) return ' ';
  const glyph = grid.glyphs[i];
  return glyph === '' ? ' ' : glyph;
}

/**
 * The style a cell is written in, given the terminal's `pen`: its own (normalized), but a
 * blank keeps the pen (see {@link isBlank}).
 */
function penFor(grid: Grid, i: number, pen: number, color: boolean): number {
  if (!color || isBlank(grid, i)) return pen;
  return normalizeStyle(grid.styles[i]);
}

/**
 * Whether rewriting the unchanged columns `from..to-1` (and so reaching column `to` by
 * writing) costs fewer bytes than moving over them, starting in style `pen`: glyph bytes plus
 * any SGR they need, against a CUF plus the SGR that the next run would need anyway.
 */
function rewriteIsCheaper(
  next: Grid,
  base: number,
  from: number,
  to: number,
  pen: number,
  color: boolean,
): boolean {
  const target = penFor(next, base + to, pen, color);
  const budget = csiMoveCost(to - from) + sgrTransition(pen, target).length;
  let style = pen;
  let cost = 0;
  for (let col = from; col < to && cost < budget; col++) {
    const glyph = glyphToWrite(next, base + col, col);
    if (glyph === '') continue;
    const cellStyle = penFor(next, base + col, style, color);
    cost += sgrTransition(style, cellStyle).length + utf8Length(glyph);
    style = cellStyle;
  }
  return cost + sgrTransition(style, penFor(next, base + to, style, color)).length < budget;
}

/** Whether every cell of the row from column `from` on is blank in `next` (see {@link RowScan}). */
function blankToEnd(from: number, scan: RowScan): boolean {
  return from > scan.lastInk;
}

/**
 * Where the blanks that a run `start..end` ends with begin (`end + 1` when its last cell is
 * not blank in `next`).
 */
function trailingBlanks(next: Grid, base: number, start: number, end: number): number {
  let from = end + 1;
  while (from > start && isBlank(next, base + from - 1)) from--;
  return from;
}

/**
 * Whether erasing to the end of the row (EL, 3 bytes) is no dearer than writing the blanks
 * that the rest of the row needs from column `from`: one byte per changed cell, plus for
 * each unchanged gap between them the cheaper of rewriting it and moving over it. (Every
 * cell from `from` on is blank in `next`, and blanks need no SGR.) Ties go to EL: it also
 * leaves the cursor where it is, never in pending wrap. The caller passes `to`: the row's
 * end, or less when it knows nothing changes from there.
 */
function eraseIsCheaper(
  prev: Grid,
  next: Grid,
  base: number,
  from: number,
  to: number,
  scan: RowScan,
  color: boolean,
): boolean {
  let cost = 0;
  let gap = 0;
  // Past the last change only gaps are left, which cost nothing unless a change follows.
  const end = Math.min(to, scan.last + 1);
  const { changes } = scan;
  for (let col = from; col < end;) {
    // Outside the live blocks or runs nothing changes: they only lengthen the gap.
    const live = liveFrom(changes, col, end);
    gap += live - col;
    col = live;
    for (const stop = liveTo(changes, col, end); col < stop; col++) {
      if (!changed(prev, next, base + col, color)) {
        gap++;
        continue;
      }
      if (gap > 0) cost += Math.min(gap, csiMoveCost(gap));
      gap = 0;
      cost += 1;
      if (cost >= EL.length) return true;
    }
  }
  return false;
}

/** The encoder's state as it writes a frame: the bytes so far, the cursor and the pen. */
interface Writer {
  out: string;
  row: number;
  /** The cursor's column, or -1 in pending wrap. */
  col: number;
  /** The terminal's style (normalized). */
  style: number;
}

/** A row to write: row `r` of `next`, against the same row of `prev`, as `scan` found it. */
interface RowDiff {
  readonly prev: Grid;
  readonly next: Grid;
  readonly r: number;
  readonly scan: RowScan;
}

/** How the encoder writes: the options that shape every row. */
interface Manner {
  readonly color: boolean;
  readonly chained: boolean;
  readonly lineFeeds: boolean;
}

/**
 * Write columns `start` to `end` of row `r` of `next`, reached by the cheapest move, each cell
 * in its pen (see {@link penFor}); `w` is advanced, its column -1 (pending wrap) after the last.
 */
function writeRun(
  next: Grid,
  r: number,
  start: number,
  end: number,
  w: Writer,
  manner: Manner,
): void {
  const { cols } = next;
  const base = r * cols;
  w.out += moveCursor(w.row, w.col, r, start, manner.lineFeeds);
  for (let c = start; c <= end; c++) {
    const i = base + c;
    const glyph = glyphToWrite(next, i, c);
    if (glyph === '') continue;
    const cellStyle = penFor(next, i, w.style, manner.color);
    if (cellStyle !== w.style) {
      w.out += sgrTransition(w.style, cellStyle);
      w.style = cellStyle;
    }
    w.out += glyph;
  }
  w.row = r;
  w.col = end + 1 < cols ? end + 1 : -1;
}

/**
 * Write the cells of row `r` that differ between `prev` and `next`, run by run (see
 * {@link encodeDiff}); `w` is advanced. Only columns in `scan`'s span are looked at. A way being
 * tried stops once its bytes reach `budget`, unfinished: it has lost already.
 */
function writeRow(diff: RowDiff, w: Writer, manner: Manner, budget = Infinity): void {
  const { prev, next, r, scan } = diff;
  const { cols } = next;
  const { color, lineFeeds } = manner;
  const base = r * cols;
  let change = nextChange(prev, next, base, 0, scan, color);
  // The first column EL may start at in this row (see `chained`).
  const eraseFrom = manner.chained && r > 0 ? 1 : 0;
  if (change < cols && blankToEnd(0, scan)) {
    // A row that turns wholly blank is erased whole, so that the terminal holds nothing in
    // it: a reflowing terminal then has nothing to re-wrap there on resize (see `chained`).
    // Erased cells take the terminal's background only, which the engine never sets.
    // The first row may take EL from column 0 (see `chained`): it is the cheaper erase.
    const erase = manner.chained && r > 0 ? ech(cols) : EL;
    w.out += moveCursor(w.row, w.col, r, 0, lineFeeds) + erase;
    w.row = r;
    w.col = 0;
    return;
  }
  // Past `budget` UTF-16 units the way being tried has lost: it is not finished.
  while (change < cols && w.out.length < budget) {
    const start = unitStart(prev, next, base, change);
    // The run to write is start..end; `erase` then clears the rest of the row with EL.
    let end = start - 1;
    let erase =
      start >= eraseFrom &&
      blankToEnd(start, scan) &&
      eraseIsCheaper(prev, next, base, start, cols, scan, color);
    // Grow the run over changes (and the gaps between them, while rewriting them is cheaper).
    let pen = w.style;
    for (let from = change; !erase; from = change) {
      end = runEnd(prev, next, base, from, scan, color);
      for (let c = from; c <= end; c++) pen = penFor(next, base + c, pen, color);
      change = nextChange(prev, next, base, end + 1, scan, color);
      if (change === cols) break;
      // Only blanks left to write, from right where the cursor will be: EL needs no move.
      erase =
        blankToEnd(end + 1, scan) && eraseIsCheaper(prev, next, base, end + 1, cols, scan, color);
      const nextStart = unitStart(prev, next, base, change);
      if (!erase && !rewriteIsCheaper(next, base, end + 1, nextStart, pen, color)) break;
      for (let c = end + 1; c < nextStart; c++) pen = penFor(next, base + c, pen, color);
    }
    if (!erase) {
      // The run may end by blanking the rest of the row: EL can do that part for less.
      // Nothing changes after the run unless `change` found something.
      const blanks = Math.max(eraseFrom, trailingBlanks(next, base, start, end));
      erase =
        blanks <= end &&
        blankToEnd(end + 1, scan) &&
        eraseIsCheaper(prev, next, base, blanks, change < cols ? cols : end + 1, scan, color);
      if (erase) end = blanks - 1;
    }
    writeRun(next, r, start, end, w, manner);
    if (erase) {
      // Erased cells take the terminal's background only, which the engine never sets.
      w.out += EL;
      return;
    }
  }
}

/**
 * The first column from `col` on (before `span.to`) that is not blank in the row at `base` of
 * `grid`, or `span.to`.
 */
function inkFrom(grid: Grid, base: number, span: Span, col: number): number {
  const { to } = span;
  // Dead blocks (see Span) are blank.
  for (let c = liveFrom(span, col, to); c < to; c = liveFrom(span, c, to)) {
    for (const stop = liveTo(span, c, to); c < stop; c++) if (!isBlank(grid, base + c)) return c;
  }
  return to;
}

/**
 * Write row `r` of `next` over a row the terminal shows blank (the previous grid's drawn span
 * on it is empty), and return how many cells changed: its ink. Diffing such a row is wasted
 * work, and the first frame of a screen is nothing but such rows, drawn before the engine's
 * code is warm, so this walks the row once, one check a cell. Its bytes are exactly
 * {@link writeRow}'s: every ink cell is a change and no blank is; runs are merged across a gap
 * of blanks that costs fewer bytes written than moved over (blanks keep the pen, so the SGR
 * the next run needs is the same either way); a run starts at the lead of a continuation cut
 * from its wide glyph (`unitStart`); and no shift or erase can help, as the row holds nothing
 * to move or erase.
 */
function paintRow(
  prev: Grid,
  next: Grid,
  r: number,
  span: Span,
  w: Writer,
  manner: Manner,
): number {
  const base = r * next.cols;
  const { to } = span;
  let count = 0;
  let change = inkFrom(next, base, span, span.from);
  while (change < to) {
    const start = unitStart(prev, next, base, change);
    let end = change;
    for (;;) {
      while (end + 1 < to && !isBlank(next, base + end + 1)) end++;
      count += end - change + 1;
      change = inkFrom(next, base, span, end + 1);
      if (change === to) break;
      const gap = unitStart(prev, next, base, change) - end - 1;
      if (gap >= csiMoveCost(gap)) break;
      end = change;
    }
    writeRun(next, r, start, end, w, manner);
  }
  return count;
}

/** A shift of part of a row, as ICH (`insert`) or DCH (`delete`) make it, `count` cells at `at`. */
interface Shift {
  readonly kind: 'insert' | 'delete';
  readonly at: number;
  readonly count: number;
}

/** Rows of a given size reused to try shifts on, one per size. */
let scratch: Grid | undefined;

/** A grid of `next`'s size to try shifts on (its rows hold whatever was tried last). */
function scratchFor(next: Grid): Grid {
  if (scratch?.cols !== next.cols || scratch.rows !== next.rows) {
    const size = next.cols * next.rows;
    scratch = {
      cols: next.cols,
      rows: next.rows,
      glyphs: new Array<string>(size).fill(' '),
      widths: new Uint8Array(size).fill(1),
      styles: new Uint8Array(size),
    };
  }
  return scratch;
}

/**
 * The column of a row, before the first `applied` of `shifts`, whose cell ends up at column
 * `col` after them; -1 for a blank that a shift brought in (inserted, or pulled in at the
 * row's end).
 */
function sourceColumn(
  shifts: readonly Shift[],
  applied: number,
  col: number,
  cols: number,
): number {
  let c = col;
  for (let s = applied - 1; s >= 0 && c >= 0; s--) {
    const { kind, at, count } = shifts[s];
    if (c < at) continue;
    if (kind === 'insert') c = c < at + count ? -1 : c - count;
    else c = c + count < cols ? c + count : -1;
  }
  return c;
}

/**
 * The columns of a row after `shifts` where the column a cell comes from (see
 * {@link sourceColumn}) may stop being its left neighbour's plus one: each shift's edges
 * (`at`, `at + count`, and `cols - count` where a deletion pulls blanks in), and the edges of
 * the shifts before it, which it may have moved by its count either way. Between two of them
 * the cells come from one stretch of the row, or are all blanks brought in. Unsorted: there
 * are a dozen at most.
 */
function sourceBreaks(shifts: readonly Shift[], cols: number): number[] {
  const breaks: number[] = [];
  for (const { at, count } of shifts) {
    for (let i = 0, made = breaks.length; i < made; i++)
      breaks.push(breaks[i] - count, breaks[i] + count);
    breaks.push(at, at + count, cols - count);
  }
  return breaks;
}

/** The least of `breaks` after column `col`, or Infinity. */
function breakAfter(breaks: readonly number[], col: number): number {
  let least = Infinity;
  for (const b of breaks) if (b > col && b < least) least = b;
  return least;
}

/**
 * Row `r` of `prev`, as the terminal shows it after `shifts`, into the same row of `into`; or
 * false where a shift would split a wide glyph (terminals disagree about what that does).
 * Only columns `region.from` to `region.to` are made, in the region's live blocks and a cell
 * either side of them, piece by piece (see {@link sourceBreaks}): the rest of `into`'s row is
 * left as it was, and the caller reads no further.
 */
function shiftRow(
  prev: Grid,
  r: number,
  shifts: readonly Shift[],
  region: Span,
  into: Grid,
): boolean {
  const { cols } = prev;
  const base = r * cols;
  /** The width at column `col` once the first `applied` shifts are made. */
  const widthAfter = (applied: number, col: number): number => {
    const source = sourceColumn(shifts, applied, col, cols);
    return source < 0 ? 1 : prev.widths[base + source];
  };
  for (let s = 0; s < shifts.length; s++) {
    const { kind, at, count } = shifts[s];
    if (widthAfter(s, at) === 0) return false;
    // The cell arriving at the edge of the moved part must not be half a wide glyph.
    const edge = kind === 'insert' ? cols - count : at + count;
    if (edge < cols && widthAfter(s, edge) === 0) return false;
  }
  const { glyphs, widths, styles } = into;
  const { from, to } = region;
  const breaks = sourceBreaks(shifts, cols);
  for (let run = liveFrom(region, from, to); run < to;) {
    const stop = liveTo(region, run, to);
    // A cell more on each side of the live blocks: writing reads the cell past a change.
    const end = Math.min(to, stop + 1);
    for (let col = Math.max(from, run - 1); col < end;) {
      // One piece: its cells come from one stretch of `prev`, or are all blanks brought in.
      const pieceEnd = Math.min(end, breakAfter(breaks, col));
      const source = sourceColumn(shifts, shifts.length, col, cols);
      if (source < 0) {
        blankCells(into, base + col, base + pieceEnd);
        col = pieceEnd;
        continue;
      }
      for (let i = base + col, j = base + source; col < pieceEnd; col++, i++, j++) {
        glyphs[i] = prev.glyphs[j];
        widths[i] = prev.widths[j];
        styles[i] = prev.styles[j];
      }
    }
    run = liveFrom(region, stop, to);
  }
  return true;
}

/**
 * The columns of row `r` that a trial of `shifts` must make and scan, so that writing the row
 * against it reads nothing outside them (see {@link shiftRow}). Left of the first change the
 * shifts move only blanks over blanks ({@link shiftsToTry} starts them earlier only then), so
 * the shifted row is `prev` there, and `prev` is `next`. A pair of shifts that cancel (the
 * changed part moved, the rest of the row put back) leaves `prev` as it was from the end of
 * the later one on, unless cells come in at the row's end; otherwise the row may differ up to
 * the end of `window`, past which both are blank. The region then widens over wide glyphs'
 * continuations, which writing reads across (see `unitStart` and `runEnd`).
 */
function trialRegion(
  prev: Grid,
  next: Grid,
  r: number,
  shifts: readonly Shift[],
  scan: RowScan,
  window: Span,
): Span {
  const { cols } = next;
  const base = r * cols;
  let net = 0;
  let reach = 0;
  let most = 0;
  for (const { kind, at, count } of shifts) {
    net += kind === 'insert' ? count : -count;
    reach = Math.max(reach, at + count);
    most = Math.max(most, count);
  }
  // A shift pushes cells off the row's end, or pulls blanks in there: see if anything is there.
  const edgeClear = window.to <= cols - most;
  let to = net === 0 && edgeClear ? Math.min(window.to, reach) : window.to;
  let from = Math.min(scan.first, to);
  const continues = (i: number): boolean => prev.widths[i] === 0 || next.widths[i] === 0;
  while (from > 0 && continues(base + from - 1)) from--;
  if (from > 0) from--;
  while (to < cols && continues(base + to)) to++;
  return { ...window, from, to: Math.min(cols, to + 1) };
}

/** The largest shift tried: creatures move a cell or two a frame. */
const MAX_SHIFT = 3;
// Less than a block (see `blockWidth`), which the shifted row's live blocks rely on.
/** The fewest bytes a shift costs: ICH or DCH by one (`ESC [ @`, `ESC [ P`). */
const SHIFT_MIN_BYTES = 3;
/** Shifting pays only where it saves writing more cells than the ICH/DCH costs. */
const MIN_SHIFTED_CELLS = 4;

/**
 * The shifts worth trying on row `r`: the part of the row from its first change to its last
 * moved `k` cells right or left (the `k`, up to {@link MAX_SHIFT}, and direction under which
 * most of the changed span's cells are what was there before, moved), with the rest of the
 * row (a) moving with it, or (b) staying put. None where too few cells would move.
 */
function shiftsToTry(prev: Grid, next: Grid, r: number, scan: RowScan): Shift[][] {
  const { cols } = next;
  const base = r * cols;
  const { first, last } = scan;
  if (last - first < MIN_SHIFTED_CELLS) return [];
  const sameAs = (to: number, from: number): boolean =>
    next.glyphs[to] === prev.glyphs[from] && next.widths[to] === prev.widths[from];
  // The first cell that shows something where things changed: a shift by k brings it from k
  // cells away, which rules out most k at once.
  let probe = first;
  while (probe <= last && isBlank(next, base + probe)) probe++;
  let best = { k: 0, moved: 0 };
  for (let k = -MAX_SHIFT; k <= MAX_SHIFT; k++) {
    const from = probe - k;
    if (k === 0 || from < 0 || from >= cols || !sameAs(base + probe, base + from)) continue;
    const lo = Math.max(first, first + k);
    const hi = Math.min(last, last + k);
    // Cells of the span that hold, in `next`, what `prev` had k cells to the left (k > 0);
    // given up as soon as it cannot beat the best so far, or a cell too many does not match.
    let moved = 0;
    let misses = 0;
    // Dead blocks are blank in `next`: nothing there to count.
    let c = liveFrom(scan, lo, hi + 1);
    while (c <= hi && misses <= moved + MIN_SHIFTED_CELLS) {
      for (const stop = liveTo(scan, c, hi + 1); c < stop; c++) {
        const to = base + c;
        if (isBlank(next, to)) continue;
        if (sameAs(to, to - k)) moved++;
        else if (++misses > moved + MIN_SHIFTED_CELLS) break;
      }
      c = liveFrom(scan, c, hi + 1);
    }
    if (moved > best.moved) best = { k, moved };
  }
  if (best.moved < MIN_SHIFTED_CELLS) return [];
  const { k } = best;
  // Where the rest of the row moves too, the shift may start anywhere in the blanks before the
  // first change (moving blanks changes nothing): at the row's start if it can, which the
  // cursor reaches for the least.
  // It can start at `at` if `prev` is blank from there to the first change, and a deletion
  // (by `need`) pulls in only blanks there too: just past the last ink before either.
  const need = k > 0 ? 0 : -k;
  const at =
    Math.max(
      lastInkOf(prev, base, scan, first),
      lastInkOf(prev, base, scan, first + need) - need,
      -1,
    ) + 1;
  if (k > 0) {
    const right = (from: number): Shift => ({ kind: 'insert', at: from, count: k });
    return last + 1 < cols
      ? [[right(at)], [right(first), { kind: 'delete', at: last + 1, count: k }]]
      : [[right(at)]];
  }
  const left = (from: number): Shift => ({ kind: 'delete', at: from, count: -k });
  return last + k + 1 > first
    ? [[left(at)], [left(first), { kind: 'insert', at: last + k + 1, count: -k }]]
    : [[left(at)]];
}

/** The bytes of a shift: ICH or DCH, after the move to its column. */
function shiftBytes(w: Writer, r: number, shift: Shift, lineFeeds: boolean): string {
  const op = shift.kind === 'insert' ? ich(shift.count) : dch(shift.count);
  return moveCursor(w.row, w.col, r, shift.at, lineFeeds) + op;
}

/**
 * Where a trial's shifted row and `next` may hold anything but blanks on the row of `scan`: a
 * shift moves a cell at most {@link MAX_SHIFT} columns, so outside the columns where either
 * grid may hold ink, widened that much, both are blank. By the span's runs where it has them;
 * else by its blocks (a shift moves a cell less than a block, so where a block and its
 * neighbours are dead in both grids, the shifted row is blank too).
 */
function trialWindow(scan: RowScan, cols: number): Span {
  const from = Math.max(0, scan.from - MAX_SHIFT);
  const to = Math.min(cols, scan.to + MAX_SHIFT);
  const { live, block, runs } = scan;
  if (runs === undefined)
    return blockSpan(from, to, (live | (live << 1) | (live >>> 1)) & ALL_BLOCKS, block);
  const hi = widenedUnion(runs, [scan.lo, scan.hi], EMPTY_RUNS, [0, 0], MAX_SHIFT, cols, 'window');
  return { from, to, live: ALL_BLOCKS, block, runs: rowRuns.window, lo: 0, hi };
}

/**
 * Write row `r`: the plain diff, or a shift of part of the row (ICH/DCH, which move cells the
 * terminal already shows) and the diff that is left after it, whichever costs fewer bytes.
 */
function encodeRow(diff: RowDiff, w: Writer, manner: Manner): void {
  const { prev, next, r, scan } = diff;
  // Each way is written on its own, from the writer's state, and only the row's bytes compared.
  const plain: Writer = { ...w, out: '' };
  writeRow(diff, plain, manner);
  let best = plain;
  let bestCost = utf8Length(plain.out);
  // A way with a shift costs its ICH or DCH at least: a row written for that little needs none.
  const shifts = bestCost > SHIFT_MIN_BYTES ? shiftsToTry(prev, next, r, scan) : [];
  let window: Span | undefined;
  for (const tried of shifts) {
    const trial: Writer = { ...w, out: '' };
    for (const shift of tried) {
      trial.out += shiftBytes(trial, r, shift, manner.lineFeeds);
      trial.row = r;
      trial.col = shift.at;
    }
    // UTF-16 units never outnumber UTF-8 bytes: a trial this long already costs too much.
    if (trial.out.length >= bestCost) continue;
    const shifted = scratchFor(next);
    window ??= trialWindow(scan, next.cols);
    const region = trialRegion(prev, next, r, tried, scan, window);
    if (!shiftRow(prev, r, tried, region, shifted)) continue;
    // Only the region can change; the row's bounds stay the window's, and `next`'s last ink
    // is the same row's.
    const found = scanRow(shifted, next, r * next.cols, region, manner.color, scan.lastInk);
    const { first, last, count, lastInk } = found;
    const shiftedScan = rowScan(window, region, first, last, count, lastInk);
    writeRow({ prev: shifted, next, r, scan: shiftedScan }, trial, manner, bestCost);
    const cost = utf8Length(trial.out);
    if (cost < bestCost) {
      best = trial;
      bestCost = cost;
    }
  }
  w.out += best.out;
  w.row = best.row;
  w.col = best.col;
  w.style = best.style;
}

/**
 * Encode the bytes that turn a terminal region showing `prev` into one showing `next`, with
 * relative cursor moves only. `prev` and `next` have the same size (a resize is the
 * caller's); `cursor` is where the terminal's cursor is now, and the region is assumed to be
 * in the default style (every frame ends in it).
 *
 * Rows are walked top to bottom and changed runs left to right. Each run is reached by the
 * cheapest move (see {@link moveCursor}), and two runs on a row are merged when rewriting the
 * unchanged cells between them costs fewer bytes than the move. A wide glyph and its
 * continuation are one unit: if either half changed, in either grid, the whole unit is
 * rewritten from its lead. When the rest of a row turns blank and erasing is no dearer, EL
 * clears it. Where part of a row moved sideways (a creature swimming a cell), the terminal
 * moves it (ICH/DCH: insert or delete characters, the rest of the row shifting with them),
 * when that and what is left to write cost fewer bytes than writing. Blanks are written in
 * whatever style the terminal is in: a space looks the same in every colour and weight. Only
 * changed cells and unchanged ones between two changes on a row are written, so nothing
 * lands right of the rightmost non-blank cell of `prev` or `next`. Writing the last column
 * leaves the cursor in pending wrap (`col` -1), and the next move starts with CR (or
 * CPL/CNL); line feeds are used only inside the region, and never in a `chained` one, so
 * nothing ever scrolls. With `rest`, the frame ends with the cheapest move back there.
 *
 * SGR is emitted only where the style changes, only with `options.color` (without it every
 * style reads as default), as the cheapest transition; a frame that leaves a style set ends
 * with a reset. A frame that changes nothing is ''.
 *
 * Synchronized output: the frame is wrapped in `ESC[?2026h` … `ESC[?2026l` when it changes
 * at least {@link SYNC_MIN_ROWS} (2) rows and its bytes come to at least
 * {@link SYNC_MIN_BYTES} (160, ten times the markers' 16, so they add at most 10%): such a
 * frame is the one a terminal might show half drawn, while a small one is drawn at once and
 * does not pay for the markers. `options.synchronized: false` never adds them.
 *
 * @param prev - what the region shows
 * @param next - what it should show
 * @param cursor - where the cursor is, relative to the region
 * @param options - colour (default off) and synchronized output (default on)
 * @returns the bytes, the cursor after them, and how many cells and rows changed
 */
export function encodeDiff(
  prev: Grid,
  next: Grid,
  cursor: Cursor,
  options: EncodeOptions = {},
): EncodeResult {
  const { cols, rows } = next;
  if (prev.cols !== cols || prev.rows !== rows) {
    throw new RangeError(
      `encodeDiff: grids differ in size (${prev.cols}x${prev.rows}, ${cols}x${rows})`,
    );
  }
  const color = options.color === true;
  const chained = options.chained === true;
  const manner: Manner = { color, chained, lineFeeds: !chained };
  const w: Writer = {
    out: '',
    row: cursor.row,
    col: cursor.col >= 0 && cursor.col < cols ? cursor.col : -1,
    style: 0,
  };
  let cellsChanged = 0;
  let rowsChanged = 0;
  const drawn: Drawn = {
    before: spansOf(prev),
    after: spansOf(next),
    block: blockWidth(cols),
    inkBefore: inkFinerThanBlocks(prev),
    inkAfter: inkFinerThanBlocks(next),
  };
  const area = changedArea(prev, next);
  for (let r = 0; r < rows; r++) {
    const span = rowSpan(drawn, cols, r);
    if (span.from >= span.to) continue;
    if (blankBefore(drawn, r)) {
      const count = paintRow(prev, next, r, span, w, manner);
      if (count > 0) rowsChanged++;
      cellsChanged += count;
      continue;
    }
    const within = area === undefined ? span : changedPart(area, r, span);
    if (within === undefined) continue;
    const scan = scanRow(prev, next, r * cols, span, color, undefined, within);
    if (scan.count === 0) continue;
    rowsChanged++;
    cellsChanged += scan.count;
    encodeRow({ prev, next, r, scan }, w, manner);
  }
  let { out, row, col } = w;
  if (out === '') return { bytes: '', cursor: { row, col }, cellsChanged: 0, rowsChanged: 0 };
  if (w.style !== 0) out += SGR_RESET;
  const { rest } = options;
  if (rest !== undefined) {
    out += moveCursor(row, col, rest.row, rest.col, manner.lineFeeds);
    row = rest.row;
    col = rest.col;
  }
  if (
    options.synchronized !== false &&
    rowsChanged >= SYNC_MIN_ROWS &&
    // UTF-8 is never shorter than UTF-16 units: measure only when the quick count falls short.
    (out.length >= SYNC_MIN_BYTES || utf8Length(out) >= SYNC_MIN_BYTES)
  ) {
    out = SYNC_BEGIN + out + SYNC_END;
  }
  return { bytes: out, cursor: { row, col }, cellsChanged, rowsChanged };
}
