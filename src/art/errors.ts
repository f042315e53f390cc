/**
 * The one error the art loader throws for bad input. Its message is the single line a user
 * sees: `fish: my.art:3: mask is wider than the art`, or `fish: my.art:3:12: …` for a problem
 * at one column.
 */
export class ArtError extends Error {
  /** The file (as the user named it) or `<text>` for art given as a string. */
  readonly file: string;
  /** 1-based line of the problem, or 0 when it concerns the whole file. */
  readonly line: number;
  /**
   * 1-based column of the problem in terminal cells (tabs expanded to the next multiple of
   * 8), or 0 when it concerns a whole line or file.
   */
  readonly column: number;
  /** What is wrong, in words a user can act on. */
  readonly reason: string;

  /**
   * @param file - the file as the user named it
   * @param line - 1-based line number, or 0 for the whole file
   * @param reason - what is wrong
   * @param column - 1-based column in cells, or 0 (the default) for the whole line
   */
  constructor(file: string, line: number, reason: string, column = 0) {
    const where = line > 0 ? `:${line}${column > 0 ? `:${column}` : ''}` : '';
    super(`fish: ${file}${where}: ${reason}`);
    this.name = 'ArtError';
    this.file = file;
    this.line = line;
    this.column = line > 0 ? column : 0;
    this.reason = reason;
  }
}
