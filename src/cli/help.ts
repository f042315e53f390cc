import { NUMBER_OPTIONS } from '../api/option-table.js';

/** What a number option with a default means, its range and its default, from the table. */
function numberHelp(name: 'density' | 'speed' | 'fps' | 'bob'): string {
  const option = NUMBER_OPTIONS[name];
  return `${option.means} (${option.min} to ${option.max}, default ${option.default.cli})`;
}

/** The text of `fish --help`. */
export const HELP = `fish: a fish swims and bobs across your terminal until Ctrl+C

Usage: fish [options]
       fish [options] -- COMMAND [ARGS...]   swim while COMMAND runs; exit with its status
       fish --pipe [--total BYTES]           copy stdin to stdout, the fish following the bytes
       fish --progress [--total N]           follow a script's progress, one line a step

Art
  -a, --art NAME|FILE     a built-in creature (see --list) or your own art file
  -l, --list              show every built-in creature, both ways round
  -c, --check             validate --art and print its name, size and frames

Aquarium
      --aquarium          fill the terminal with a tank of fish (in the alternate screen);
                          keys: q quit, p pause, space add a fish, f feed, r redraw
      --density N         ${numberHelp('density')}
      --screensaver       with --aquarium: any key ends it (for tmux's lock-command)
  -a, --art NAME|FILE     with --aquarium, may be given again: each adds a creature to the tank

Motion
  -s, --speed N           ${numberHelp('speed')}
  -f, --fps N             ${numberHelp('fps')}
  -b, --bob ROWS          ${numberHelp('bob')}
      --sync time|step    advance by wall time (default) or exactly 1/fps per frame
      --seed N            make every random choice (and so a recording) reproducible

Ending
  -n, --frames N          stop after N frames
  -d, --duration SECONDS  stop after this long
  -p, --persist           keep the last frame on screen when it ends

Output
      --redraw diff|full  cell-level diffs (default) or whole-line redraws
      --color auto|always|never
                          colour from the art's masks (auto honours NO_COLOR, FORCE_COLOR)
  -r, --record FILE.cast  also write an asciicast v2 recording of what is drawn
      --force             let --record replace an existing file that is not a .cast
      --size COLSxROWS    record at this size without drawing on the terminal (with --record)

In shell scripts (the fish on stderr; without a terminal there, only '- TEXT' and the status)
  -- COMMAND [ARGS...]    run COMMAND (no shell), its output above the fish; then '✔ TEXT'
                          or '✖ TEXT (exit N)'; Ctrl+C goes to COMMAND, SIGTERM is passed on
      --pipe              copy stdin to stdout unchanged: bytes, rate, percent, time left
      --progress          each line of stdin is a step; '42' or '42/120' sets the count and
                          the total, other text the label
      --total N           bytes (--pipe: with k, M, G or T for powers of 1024; default the
                          size of stdin when it is a file) or steps (--progress)
  -t, --text TEXT         the text beside the fish (default: the command line)

  -h, --help              this help
  -v, --version           the version

Numbers are plain decimals (12, 0.5). With both --frames and --duration, the first reached ends.
Without a terminal on stdout (or with TERM=dumb) nothing is animated; --record still records
(80x24 by default).
Exit status: 0 done, 2 bad usage or bad art; with a COMMAND, its status (128+n after its
signal n, 127 not found, 126 not executable); --pipe 141 when its reader went away. After a
signal fish cleans up and dies by it (130 Ctrl+C, 143 SIGTERM, 129 when the terminal is
closed). Ctrl+Z suspends; fg resumes.
`;
