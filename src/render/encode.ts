import type { Grid } from './grid.js';
import {
  CR,
  CRLF,
  EL,
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
  ech,
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
   * a narrowing pushes as few of the host's lines off the screen as it can. Default false.
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
 * Up, CUU plus a move along the row, or CPL (up to column 0) plus CUF. Every sequence is
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
  if (down > 0 && lineFeeds) {
    const byLf =
      prefix.length + (col === 0 ? 0 : 1) + down + (toCol === 0 ? 0 : csiMoveCost(toCol));
    if (byLf <= best.length)
      best = prefix + (col === 0 ? LF.repeat(down) : CRLF + LF.repeat(down - 1)) + cuf(toCol);
  }
  return best;
}

/** Whether cell `i` differs between the grids; with colour off, styles do not count. */
function changed(prev: Grid, next: Grid, i: number, color: boolean): boolean {
  return (
    prev.glyphs[i] !== next.glyphs[i] ||
    prev.widths[i] !== next.widths[i] ||
    (color && prev.styles[i] !== next.styles[i])
  );
}

/** The first changed column of the row at `base` from column `from`, or `cols` if none. */
function nextChange(prev: Grid, next: Grid, base: number, from: number, color: boolean): number {
  const { cols } = next;
  for (let col = from; col < cols; col++) if (changed(prev, next, base + col, color)) return col;
  return cols;
}

/** Changed cells of the row at `base` in columns `from..to` (inclusive). */
function countChanges(
  prev: Grid,
  next: Grid,
  base: number,
  from: number,
  to: number,
  color: boolean,
): number {
  let count = 0;
  for (let col = from; col <= to; col++) if (changed(prev, next, base + col, color)) count++;
  return count;
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
function runEnd(prev: Grid, next: Grid, base: number, col: number, color: boolean): number {
  const { cols } = next;
  let end = col;
  for (;;) {
    while (end + 1 < cols && changed(prev, next, base + end + 1, color)) end++;
    const after = base + end + 1;
    if (end + 1 < cols && (prev.widths[after] === 0 || next.widths[after] === 0)) end++;
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

/** The style the terminal is in after writing column `col` of the row at `base`. */
function styleAfter(next: Grid, base: number, col: number, color: boolean): number {
  if (!color) return 0;
  const lead = col > 0 && next.widths[base + col] === 0 ? col - 1 : col;
  return normalizeStyle(next.styles[base + lead]);
}

/**
 * Whether rewriting the unchanged columns `from..to-1` (and so reaching column `to` by
 * writing) costs fewer bytes than moving over them: glyph bytes plus any SGR they need,
 * against a CUF plus the SGR that the next run would need anyway.
 */
function rewriteIsCheaper(
  next: Grid,
  base: number,
  from: number,
  to: number,
  color: boolean,
): boolean {
  let style = styleAfter(next, base, from - 1, color);
  const target = color ? normalizeStyle(next.styles[base + to]) : 0;
  const budget = csiMoveCost(to - from) + sgrTransition(style, target).length;
  let cost = 0;
  for (let col = from; col < to && cost < budget; col++) {
    const glyph = glyphToWrite(next, base + col, col);
    if (glyph === '') continue;
    if (color) {
      const cellStyle = normalizeStyle(next.styles[base + col]);
      cost += sgrTransition(style, cellStyle).length;
      style = cellStyle;
    }
    cost += utf8Length(glyph);
  }
  return cost + sgrTransition(style, target).length < budget;
}

/** Whether cell `i` of `grid` is blank (a default-style space; any style without colour). */
function blankAt(grid: Grid, i: number, color: boolean): boolean {
  return grid.glyphs[i] === ' ' && grid.widths[i] === 1 && (!color || grid.styles[i] === 0);
}

/** Whether every cell of the row at `base` from column `from` on is blank in `grid`. */
function blankToEnd(grid: Grid, base: number, from: number, color: boolean): boolean {
  for (let col = from; col < grid.cols; col++) if (!blankAt(grid, base + col, color)) return false;
  return true;
}

/**
 * Where the blanks that a run `start..end` ends with begin (`end + 1` when its last cell is
 * not blank in `next`).
 */
function trailingBlanks(
  next: Grid,
  base: number,
  start: number,
  end: number,
  color: boolean,
): number {
  let from = end + 1;
  while (from > start && blankAt(next, base + from - 1, color)) from--;
  return from;
}

/**
 * Whether erasing to the end of the row (EL, 3 bytes) is no dearer than writing the blanks
 * that the rest of the row needs from column `from`: one byte per changed cell, plus for
 * each unchanged gap between them the cheaper of rewriting it and moving over it. (Every
 * cell from `from` on is blank in `next`, so no SGR is involved beyond one reset, which both
 * ways need.) Ties go to EL: it also leaves the cursor where it is, never in pending wrap.
 * The caller passes `to`: the row's end, or less when it knows nothing changes from there.
 */
function eraseIsCheaper(
  prev: Grid,
  next: Grid,
  base: number,
  from: number,
  to: number,
  color: boolean,
): boolean {
  let cost = 0;
  let gap = 0;
  for (let col = from; col < to; col++) {
    if (!changed(prev, next, base + col, color)) {
      gap++;
      continue;
    }
    if (gap > 0) cost += Math.min(gap, csiMoveCost(gap));
    gap = 0;
    cost += 1;
    if (cost >= EL.length) return true;
  }
  return false;
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
 * clears it. Only changed cells and unchanged ones between two changes on a row are
 * written, so nothing lands right of the rightmost non-blank cell of `prev` or `next`.
 * Writing the last column leaves the cursor in pending wrap (`col` -1), and the
 * next move starts with CR (or CPL/CNL); line feeds are used only inside the region, and
 * never in a `chained` one, so nothing ever scrolls. With `rest`, the frame ends with the
 * cheapest move back there.
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
  const lineFeeds = !chained;
  let out = '';
  let row = cursor.row;
  let col = cursor.col >= 0 && cursor.col < cols ? cursor.col : -1;
  let style = 0;
  let cellsChanged = 0;
  let rowsChanged = 0;
  for (let r = 0; r < rows; r++) {
    const base = r * cols;
    let change = nextChange(prev, next, base, 0, color);
    if (change === cols) continue;
    rowsChanged++;
    // The first column EL may start at in this row (see `chained`).
    const eraseFrom = chained && r > 0 ? 1 : 0;
    if (blankToEnd(next, base, 0, color)) {
      // A row that turns wholly blank is erased whole, so that the terminal holds nothing in
      // it: a reflowing terminal then has nothing to re-wrap there on resize (see `chained`).
      out +=
        moveCursor(row, col, r, 0, lineFeeds) +
        sgrTransition(style, 0) +
        (chained ? ech(cols) : EL);
      style = 0;
      row = r;
      col = 0;
      cellsChanged += countChanges(prev, next, base, 0, cols - 1, color);
      continue;
    }
    while (change < cols) {
      const start = unitStart(prev, next, base, change);
      // The run to write is start..end; `erase` then clears the rest of the row with EL.
      let end = start - 1;
      let erase =
        start >= eraseFrom &&
        blankToEnd(next, base, start, color) &&
        eraseIsCheaper(prev, next, base, start, cols, color);
      // Grow the run over changes (and the gaps between them, while rewriting them is cheaper).
      for (let from = change; !erase; from = change) {
        end = runEnd(prev, next, base, from, color);
        change = nextChange(prev, next, base, end + 1, color);
        if (change === cols) break;
        // Only blanks left to write, from right where the cursor will be: EL needs no move.
        erase =
          blankToEnd(next, base, end + 1, color) &&
          eraseIsCheaper(prev, next, base, end + 1, cols, color);
        if (
          !erase &&
          !rewriteIsCheaper(next, base, end + 1, unitStart(prev, next, base, change), color)
        )
          break;
      }
      if (!erase) {
        // The run may end by blanking the rest of the row: EL can do that part for less.
        // Nothing changes after the run unless `change` found something.
        const blanks = Math.max(eraseFrom, trailingBlanks(next, base, start, end, color));
        erase =
          blanks <= end &&
          eraseIsCheaper(prev, next, base, blanks, change < cols ? cols : end + 1, color) &&
          blankToEnd(next, base, end + 1, color);
        if (erase) end = blanks - 1;
      }
      out += moveCursor(row, col, r, start, lineFeeds);
      for (let c = start; c <= end; c++) {
        const i = base + c;
        if (changed(prev, next, i, color)) cellsChanged++;
        const glyph = glyphToWrite(next, i, c);
        if (glyph === '') continue;
        if (color) {
          const cellStyle = normalizeStyle(next.styles[i]);
          if (cellStyle !== style) {
            out += sgrTransition(style, cellStyle);
            style = cellStyle;
          }
        }
        out += glyph;
      }
      row = r;
      col = end + 1 < cols ? end + 1 : -1;
      if (erase) {
        // Some terminals give erased cells the current attributes: reset so they come out default.
        out += sgrTransition(style, 0) + EL;
        style = 0;
        cellsChanged += countChanges(prev, next, base, end + 1, cols - 1, color);
        break;
      }
    }
  }
  if (out === '') return { bytes: '', cursor: { row, col }, cellsChanged: 0, rowsChanged: 0 };
  if (style !== 0) out += SGR_RESET;
  const { rest } = options;
  if (rest !== undefined) {
    out += moveCursor(row, col, rest.row, rest.col, lineFeeds);
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
