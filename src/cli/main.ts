import { readFileSync } from 'node:fs';
import { ArtError, listArt, resolveArt, DEFAULT_ART, type Art } from '../art/index.js';
import { composeFrame } from '../render/compose.js';
import { createGrid } from '../render/grid.js';
import { composeScene, swimmer, type Entity } from '../render/scene.js';
import { gridLines } from '../render/text.js';
import { canAnimate, colorEnabled } from '../terminal/env.js';
import { createPlayer, type TerminalStream } from '../terminal/player.js';
import { createRecorder, type Recorder } from '../terminal/record.js';
import { startSession } from '../terminal/session.js';
import { parseCli, UsageError, type CliOptions } from './args.js';
import { HELP } from './help.js';

/** Size of a recording made without a terminal, when `--size` does not say. */
const RECORDING_SIZE = { cols: 80, rows: 24 } as const;
/** Length of a recording made without a terminal, when neither --frames nor --duration says. */
const RECORDING_SECONDS = 10;

/**
 * The `fish` command. Sets `process.exitCode`; prints errors a user can cause as one line
 * (`fish: …`), never a stack trace.
 *
 * @param argv - the arguments after the command name
 */
export async function main(argv: readonly string[]): Promise<void> {
  try {
    process.exitCode = await run(parseCli(argv));
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`fish: ${error.message}\nTry 'fish --help' for more information.\n`);
      process.exitCode = 2;
    } else if ((error as NodeJS.ErrnoException | null)?.code === 'EPIPE') {
      // The reader of our output went away (`fish … | head`): nothing is wrong, stop quietly.
      process.exitCode = 0;
    } else if (error instanceof ArtError) {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 2;
    } else {
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`fish: ${message}\n`);
      process.exitCode = 1;
    }
  }
}

async function run(options: CliOptions): Promise<number> {
  const out = process.stdout;
  if (options.help) return print(HELP);
  if (options.version) return print(`${version()}\n`);
  if (options.list) return print(gallery(colorEnabled(options.color, out, process.env)));
  const art = resolveArt(options.art ?? DEFAULT_ART);
  if (options.check) return print(`${art.name}: ${describe(art)}\n`);
  if (options.size && !options.record) throw new UsageError('--size goes with --record');

  const height = art.height + 2 * options.bob;
  const entities: Entity[] = [swimmer(art, { speed: options.speed, bob: options.bob })];
  const compose = (t: number, into: ReturnType<typeof createGrid>) => composeScene(entities, t, into);
  const color = art.colored && colorEnabled(options.color, options.record && !out.isTTY ? { isTTY: true } : out, process.env);

  if (options.record && (!out.isTTY || options.size)) {
    return record(options, { compose, height, color, size: options.size ?? RECORDING_SIZE, title: art.name });
  }
  if (!canAnimate(out, process.env)) {
    process.stderr.write('fish: stdout is not a terminal, so nothing is animated (--record FILE.cast records one)\n');
    return 0;
  }
  const recorder = options.record
    ? createRecorder(options.record, { cols: out.columns, rows: out.rows, title: art.name })
    : undefined;
  const session = await startSession({
    stream: out,
    compose,
    height,
    fps: options.fps,
    sync: options.sync,
    redraw: options.redraw,
    color,
    frames: options.frames,
    duration: options.duration,
    persist: options.persist,
    onFrame: recorder?.onFrame,
  });
  await session.ended;
  recorder?.close();
  return 0;
}

/** Render the animation into a recording alone, as fast as it computes, at a fixed size. */
async function record(
  options: CliOptions,
  scene: { compose: Parameters<typeof createPlayer>[0]['compose']; height: number; color: boolean; size: { cols: number; rows: number }; title: string },
): Promise<number> {
  const recorder: Recorder = createRecorder(options.record as string, { ...scene.size, title: scene.title });
  const frames = options.frames ?? Math.max(1, Math.round((options.duration ?? RECORDING_SECONDS) * options.fps));
  const player = await createPlayer({
    stream: virtualTerminal(scene.size.cols, scene.size.rows, (bytes) => recorder.extra(player.frameCount / options.fps, bytes)),
    compose: scene.compose,
    height: scene.height,
    fps: options.fps,
    sync: 'step',
    redraw: options.redraw,
    color: scene.color,
    tick: false,
  });
  for (let i = 0; i < frames; i++) player.drawNow();
  player.stop(options.persist);
  recorder.close();
  return 0;
}

/**
 * A terminal of fixed size that exists only for a recording: each write (one per frame, then
 * the closing) becomes an event at the player's clock.
 */
function virtualTerminal(columns: number, rows: number, write: (bytes: string) => void): TerminalStream {
  return {
    columns,
    rows,
    isTTY: true,
    write: (chunk: string) => {
      write(chunk);
      return true;
    },
    on: () => undefined,
    off: () => undefined,
  };
}

function print(text: string): number {
  process.stdout.write(text);
  return 0;
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** "5x1 cells, 1 frame" */
function describe(art: Art): string {
  const frames = art.frames.right.length;
  return `${art.width}x${art.height} cells, ${frames} frame${frames === 1 ? '' : 's'}`;
}

/** `fish --list`: each built-in creature with its size and both facings side by side. */
function gallery(color: boolean): string {
  let text = '';
  for (const info of listArt()) {
    const art = resolveArt(info.path);
    const right = spriteLines(art, 'right', color);
    const left = spriteLines(art, 'left', color);
    text += `${info.name}${info.name === DEFAULT_ART ? ' (default)' : ''}: ${describe(art)}\n`;
    for (let row = 0; row < art.height; row++) {
      text += `  ${right[row]}    ${left[row]}`.trimEnd() + '\n';
    }
    text += '\n';
  }
  return text;
}

function spriteLines(art: Art, facing: 'left' | 'right', color: boolean): string[] {
  const grid = createGrid(art.width, art.height);
  composeFrame(art.width, art.height, [{ sprite: art.frames[facing][0], x: 0, y: 0, depth: 0 }], grid);
  return gridLines(grid, color, { trim: false });
}
