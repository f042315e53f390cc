/**
 * `fish --progress`: the fish's place follows a script's own count, read from stdin's lines
 * (see `progress-input.ts`). The strip takes the latest count on its tick, not on each line:
 * a script printing a million lines a second costs a few frames a second.
 */
import type { CliOptions } from './args.js';
import { applyLine, countText, LineSplitter, type ProgressState } from './progress-input.js';
import { besideText, onTheTick, startStrip, type Strip } from './strip.js';

/**
 * Follow progress from stdin until it ends, then leave `✔` and the final count.
 *
 * @param options - the command line, with `progress`
 * @returns fish's exit status: 0, or 1 when stdin cannot be read
 */
export async function runProgress(options: CliOptions): Promise<number> {
  let state: ProgressState = { amount: 0, total: options.total, text: undefined };
  let shown: ProgressState | undefined;
  const show = (): void => {
    if (state === shown) return;
    showState(strip, options.text, state, shown);
    shown = state;
  };
  const strip = startStrip(options, options.text ?? '', 'progress', onTheTick(show));
  const splitter = new LineSplitter();
  const onLine = (line: string): void => {
    state = applyLine(state, line);
  };
  const failure = await new Promise<Error | undefined>((resolve) => {
    process.stdin.on('data', (chunk: Buffer) => splitter.push(chunk, onLine));
    process.stdin.once('end', () => resolve(undefined));
    process.stdin.once('error', resolve);
  });
  splitter.end(onLine);
  if (failure !== undefined) {
    strip.animation.stop();
    const code = (failure as NodeJS.ErrnoException).code ?? 'error';
    process.stderr.write(
      `fish: --progress: cannot read stdin (${code}) after ${countText(state)}\n`,
    );
    return 1;
  }
  strip.animation.succeed(besideText(options.text, countText(state)));
  return 0;
}

/** Put the progress on the strip: the place and its label, and the text when it changed. */
function showState(
  strip: Strip,
  text: string | undefined,
  state: ProgressState,
  shown: ProgressState | undefined,
): void {
  strip.animation.progress(state.amount, state.total);
  if (state.text !== shown?.text) strip.animation.text = besideText(text, state.text ?? '');
}
