import { readFileSync } from 'node:fs';
import { ArtError, listArt, resolveArt, DEFAULT_ART, type Art } from '../art/index.js';
import { printable, shorten } from '../art/untrusted.js';
import { composeFrame } from '../render/compose.js';
import { createGrid } from '../render/grid.js';
import { createScene, swimmer } from '../render/scene.js';
import { gridLines } from '../render/lines.js';
import {
  ciVariable,
  colorEnabled,
  stillReason,
  type Env,
  type StillReason,
} from '../terminal/env.js';
import { terminalKeyboard } from '../terminal/keys.js';
import { playOnTerminal } from '../terminal/play.js';
import { RecordingError } from '../terminal/errors.js';
import type { RecordingFile } from '../terminal/record.js';
import { dieBy } from '../terminal/signals.js';
import { parseCli, UsageError, type CliOptions } from './args.js';
import { aquariumShow } from './aquarium.js';
import { runCommand } from './command.js';
import { HELP } from './help.js';
import { runPipe } from './pipe.js';
import { runProgress } from './progress.js';
import { openRecordingFor, recordAlone } from './recording.js';
import type { Show } from './show.js';

/** Characters of a path quoted in a message, at the most: enough for any path one types. */
const PATH_LENGTH = 120;
/** Size of a recording made without a terminal, when `--size` does not say. */
const RECORDING_SIZE = { cols: 80, rows: 24 } as const;

/** Why nothing is animated, as the message says it (the rule is `stillReason`'s, the library's too). */
const STILL_REASONS: Readonly<Record<StillReason, (env: Env) => string>> = {
  'not-a-terminal': () => 'stdout is not a terminal',
  dumb: () => 'TERM is "dumb"',
  ci: (env) => `${ciVariable(env) ?? 'CI'} is set (CI keeps logs)`,
};

/**
 * The `fish` command. Sets `process.exitCode`; prints errors a user can cause as one line
 * (`fish: …`), never a stack trace, and never a control character of theirs.
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
      // The reader of our output (or of the recording) went away (`fish … | head`): nothing
      // is wrong, stop quietly.
      process.exitCode = 0;
    } else if (error instanceof ArtError) {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 2;
    } else if (error instanceof RecordingError) {
      process.stderr.write(`fish: --record ${shorten(error.path, PATH_LENGTH)}: ${error.reason}\n`);
      process.exitCode = 2;
    } else {
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`fish: ${printable(message.split('\n')[0])}\n`);
      process.exitCode = 1;
    }
  }
}

async function run(options: CliOptions): Promise<number> {
  const out = process.stdout;
  if (options.help) return print(HELP);
  if (options.version) return print(`${version()}\n`);
  if (options.command !== undefined) return runCommand(options, options.command);
  if (options.pipe) return runPipe(options);
  if (options.progress) return runProgress(options);
  if (options.list) return print(gallery(colorEnabled(options.color, out, process.env)));
  const arts = (options.arts.length > 0 ? options.arts : options.aquarium ? [] : [DEFAULT_ART]).map(
    resolveArt,
  );
  if (options.check) return print(arts.map((art) => `${art.name}: ${artSummary(art)}\n`).join(''));

  const still = stillReason(out, process.env);
  const live = still === undefined && options.size === undefined;
  if (!live && options.record === undefined) {
    // --size goes with --record: here the stream cannot animate.
    const why = STILL_REASONS[still ?? 'not-a-terminal'](process.env);
    process.stderr.write(`fish: ${why}, so nothing is animated (--record FILE.cast records one)\n`);
    return 0;
  }
  const file = options.record === undefined ? undefined : openRecordingFor(options, arts);
  // A recording made alone is for a terminal of its own, one that shows colour.
  const color = live
    ? colorEnabled(options.color, out, process.env)
    : colorEnabled(options.color, { isTTY: true }, { ...process.env, TERM: undefined });
  const recordingSize = options.size ?? RECORDING_SIZE;
  const show = options.aquarium
    ? aquariumShow(options, arts, color, recordingSize.rows)
    : inlineShow(options, arts[0], color);
  if (!live && file !== undefined) return recordAlone(options, show, file, recordingSize);
  return animate(options, show, file);
}

/**
 * Draw the show on the terminal until it ends, recording every byte written to the terminal
 * (and every resize) when `file` is given. A recording that fails ends the show: the terminal
 * is put back, then the failure is thrown (one line, status 2).
 */
async function animate(
  options: CliOptions,
  show: Show,
  file: RecordingFile | undefined,
): Promise<number> {
  let status = 0;
  const { onKey } = show;
  const playback = playOnTerminal({
    stream: process.stdout,
    recording: file && { file, title: show.title, timestamp: options.seed === undefined },
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
    // The command owns the terminal: typed keys never echo into the animation.
    keyboard: terminalKeyboard(),
    onKey:
      onKey &&
      ((key, running) => {
        const quit = (code: number): void => {
          status = code;
          running.stop();
        };
        onKey(key, { player: running.player, quit });
      }),
  });
  const reason = await playback.ended;
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

function print(text: string): number {
  process.stdout.write(text);
  return 0;
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

/** An art's size and frames, as `--check` and `--list` show them: "5x1 cells, 1 frame". */
function artSummary(art: Art): string {
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
    text += `${info.name}${info.name === DEFAULT_ART ? ' (default)' : ''}: ${artSummary(art)}\n`;
    for (let row = 0; row < art.height; row++) {
      text += `  ${right[row]}    ${left[row]}`.trimEnd() + '\n';
    }
    text += '\n';
  }
  return text;
}

function spriteLines(art: Art, facing: 'left' | 'right', color: boolean): string[] {
  const grid = createGrid(art.width, art.height);
  composeFrame(
    art.width,
    art.height,
    [{ sprite: art.frames[facing][0], x: 0, y: 0, depth: 0 }],
    grid,
  );
  return gridLines(grid, color, { trim: false });
}
