import { readFileSync } from 'node:fs';
import { ArtError, listArt, resolveArt, DEFAULT_ART, type Art } from '../art/index.js';
import { composeFrame } from '../render/compose.js';
import { createGrid } from '../render/grid.js';
import { createScene, swimmer } from '../render/scene.js';
import { gridLines } from '../render/text.js';
import { canAnimate, colorEnabled } from '../terminal/env.js';
import { terminalKeyboard } from '../terminal/keys.js';
import { startPlayer, type TerminalStream } from '../terminal/player.js';
import { createRecorder, type Recorder } from '../terminal/record.js';
import { startSession } from '../terminal/session.js';
import { dieBy } from '../terminal/signals.js';
import { parseCli, UsageError, type CliOptions } from './args.js';
import { aquariumShow } from './aquarium.js';
import { HELP } from './help.js';
import type { Show } from './show.js';

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
  const arts = (options.arts.length > 0 ? options.arts : options.aquarium ? [] : [DEFAULT_ART]).map(resolveArt);
  if (options.check) {
    const checked = arts.length > 0 ? arts : [resolveArt(DEFAULT_ART)];
    return print(checked.map((art) => `${art.name}: ${describe(art)}\n`).join(''));
  }
  if (options.size && !options.record) throw new UsageError('--size goes with --record');

  const color = colorEnabled(options.color, options.record && !out.isTTY ? { isTTY: true } : out, process.env);
  const recordingSize = options.size ?? RECORDING_SIZE;
  const show = options.aquarium ? aquariumShow(options, arts, color, recordingSize.rows) : inlineShow(options, arts[0], color);

  if (options.record && (!out.isTTY || options.size)) return record(options, show, recordingSize);
  if (!canAnimate(out, process.env)) {
    process.stderr.write('fish: stdout is not a terminal, so nothing is animated (--record FILE.cast records one)\n');
    return 0;
  }
  const recorder = options.record
    ? createRecorder(options.record, { cols: out.columns, rows: out.rows, title: show.title, timestamp: options.seed === undefined })
    : undefined;
  let status = 0;
  const { onKey } = show;
  const session = await startSession({
    stream: out,
    compose: show.compose,
    height: show.height,
    screen: show.screen,
    fps: options.fps,
    sync: options.sync,
    redraw: options.redraw,
    color: show.color,
    frames: options.frames,
    duration: options.duration,
    persist: options.persist,
    onFrame: recorder?.onFrame,
    // The command owns the terminal: typed keys never echo into the animation.
    keyboard: terminalKeyboard(),
    onKey:
      onKey &&
      ((key, session) => {
        const quit = (code: number): void => {
          status = code;
          session.stop();
        };
        onKey(key, { player: session.player, quit });
      }),
  });
  const reason = await session.ended;
  recorder?.close();
  // The terminal went away (closed, or its pane killed), even where SIGHUP never came (nohup):
  // end as the hang-up ends a program. Node's own exit would fail to reset the terminal, and abort.
  if (reason === 'closed') dieBy('SIGHUP');
  return status;
}

/** The single creature's strip: a scene of one swimmer, under the cursor. */
function inlineShow(options: CliOptions, art: Art, color: boolean): Show {
  const scene = createScene([swimmer(art, { speed: options.speed, bob: options.bob })]);
  return {
    compose: (t, into) => scene.compose(t, into),
    height: art.height + 2 * options.bob,
    color: color && art.colored,
    title: art.name,
    screen: 'inline',
  };
}

/** Render the animation into a recording alone, as fast as it computes, at a fixed size. */
async function record(options: CliOptions, show: Show, size: { cols: number; rows: number }): Promise<number> {
  const recorder: Recorder = createRecorder(options.record as string, {
    ...size,
    title: show.title,
    timestamp: options.seed === undefined,
  });
  const frames = options.frames ?? Math.max(1, Math.round((options.duration ?? RECORDING_SECONDS) * options.fps));
  const player = startPlayer({
    stream: virtualTerminal(size.cols, size.rows, (bytes) => recorder.extra(player.frameCount / options.fps, bytes)),
    compose: show.compose,
    height: show.height,
    screen: show.screen,
    fps: options.fps,
    sync: 'step',
    redraw: options.redraw,
    color: show.color,
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
