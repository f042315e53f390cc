/**
 * The one error the art loader throws for bad input. Its message is the single line a user
 * sees: `fish: my.art:3: mask is wider than the art`.
 */
export class ArtError extends Error {
  /** The file (as the user named it) or `<text>` for art given as a string. */
  readonly file: string;
  /** 1-based line of the problem, or 0 when it concerns the whole file. */
  readonly line: number;
  /** What is wrong, in words a user can act on. */
  readonly reason: string;

  /**
   * @param file - the file as the user named it
   * @param line - 1-based line number, or 0 for the whole file
   * @param reason - what is wrong
   */
  constructor(file: string, line: number, reason: string) {
    super(`fish: ${file}${line > 0 ? `:${line}` : ''}: ${reason}`);
    this.name = 'ArtError';
    this.file = file;
    this.line = line;
    this.reason = reason;
  }
}
