/**
 * A school: many tasks at once, each with its own creature, in one region drawn on one tick.
 * Every frame composes all rows into one grid (`school-frame.ts`), so that one differential
 * encode covers them all. The terminal layer is the animation's own: one embedded session
 * (`openEmbeddedSession`) claims the terminal, interleaves the host's output above the region
 * and puts the terminal back on every exit path.
 *
 * A task's life: `running` (its row swims), `ended` (its row is its status line), `written`
 * (its status line went out as text: above the region, or when the school stopped), or
 * `dropped` (the school stopped while it ran: its status line, if it ever ends, is written
 * as text at once).
 */
import { type Art } from '../art/index.js';
import { openEmbeddedSession, type EmbeddedSession } from '../terminal/embedded.js';
import type { EndReason } from '../terminal/session.js';
import { terminalSize } from '../terminal/size.js';
import type { Progress, SpinnerScene } from './frame.js';
import { NO_LABEL, toLabel } from './host-text.js';
import { refusal } from './option-table.js';
import { artOption, resolveOptions, type FishConfig, type FishOptions } from './options.js';
import { composeSchoolFrame, schoolHeight, taskScene, type TaskRow } from './school-frame.js';
import { checkProgress, statusLine, Vocabulary, type PersistOptions } from './vocabulary.js';

/** Options of `school()`: the ones of `fish()` that the whole school shares. */
export type SchoolOptions = Pick<
  FishOptions,
  | 'stream'
  | 'fps'
  | 'delay'
  | 'signal'
  | 'onFrame'
  | 'color'
  | 'isEnabled'
  | 'hideCursor'
  | 'discardStdin'
  | 'redraw'
  | 'speed'
  | 'width'
>;

/** Options of `school.add()`: what one task shows. */
export type TaskOptions = Pick<FishOptions, 'art' | 'text' | 'prefixText' | 'suffixText'>;

/** The keys of {@link SchoolOptions}: the only ones `school()` reads. */
const SCHOOL_KEYS = [
  'stream',
  'fps',
  'delay',
  'signal',
  'onFrame',
  'color',
  'isEnabled',
  'hideCursor',
  'discardStdin',
  'redraw',
  'speed',
  'width',
] as const satisfies readonly (keyof SchoolOptions)[];

/**
 * The art a task swims with when it names none, in turn: the built-in fish one row high, so
 * that a school of them keeps one row per task.
 */
export const SCHOOL_ART = ['bass', 'salmon', 'minnow'] as const;

/**
 * One task of a school: a row with its own creature and texts while it runs, its status line
 * once it ends. Every method returns the task, for chaining. A task ends once: a status
 * method called again does nothing.
 */
export interface FishTask {
  /** Text after the tank; shown from the next tick. */
  text: string;
  /** Text before the tank; shown from the next tick. */
  prefixText: string;
  /** Text after `text`; shown from the next tick. */
  suffixText: string;
  /** True until the task ends (or the school stops). */
  readonly isRunning: boolean;
  /**
   * Report progress: the creature's place follows it and a label (`42% 42/100`) travels
   * beside it, from the next tick. The total, once given, is kept.
   *
   * @param amount - how much is done (0 or more)
   * @param total - how much there is in all (0 or more)
   * @throws RangeError for an amount or total out of range
   */
  progress(amount: number, total?: number): this;
  /**
   * End the task: its row becomes `✔ text` (`+ text` where the terminal may lack Unicode).
   *
   * @param text - the line's text (default: `text`)
   */
  succeed(text?: string): this;
  /**
   * End the task: its row becomes `✖ text` (`x text`).
   *
   * @param text - the line's text (default: `text`)
   */
  fail(text?: string): this;
  /**
   * End the task: its row becomes `⚠ text` (`! text`).
   *
   * @param text - the line's text (default: `text`)
   */
  warn(text?: string): this;
  /**
   * End the task: its row becomes `ℹ text` (`i text`).
   *
   * @param text - the line's text (default: `text`)
   */
  info(text?: string): this;
  /**
   * End the task: its row becomes prefix, symbol, text and suffix, separated by spaces.
   *
   * @param options - the symbol and texts (defaults: no symbol, the task's texts)
   */
  stopAndPersist(options?: PersistOptions): this;
}

/**
 * Many tasks in one region, one row each in the order they were added, drawn on one tick.
 * Off a TTY (or with `isEnabled: false`), no animation: `- text` when a task is added and
 * its status line when it ends, in the order they happen.
 */
export interface FishSchool {
  /**
   * Add a task, and start the school if it is not running (after `delay`, if set). While it
   * runs, what the host writes to the terminal appears above it.
   *
   * @param options - the task's art and texts, or just its text
   * @returns the task
   * @throws TerminalBusyError when another animation runs on the same terminal; TypeError or
   *   ArtError for art that cannot be loaded
   */
  add(options?: TaskOptions | string): FishTask;
  /**
   * Stop now: the region is cleared, the status lines of the tasks that ended are written in
   * the order they were added, and the tasks still running are dropped (their status lines,
   * should they end, are written as plain lines). Idempotent. The school stops by itself when
   * every task has ended.
   */
  stop(): this;
  /** True from the first `add()` until every task has ended or the school is stopped. */
  readonly isSpinning: boolean;
}

/**
 * Make a school of tasks (it starts with the first `add()`).
 *
 * @param options - stream, fps, delay, signal, onFrame, colour and interactivity, speed and
 *   tank width (see {@link SchoolOptions}; they mean what they mean for `fish()`)
 * @returns the school
 * @throws RangeError or TypeError for an option out of range
 */
export function school(options: SchoolOptions = {}): FishSchool {
  if (typeof options !== 'object' || (options as unknown) === null || Array.isArray(options)) {
    throw new TypeError(`fish: ${refusal('school options', 'an object', options)}`);
  }
  const shared: Record<string, unknown> = {};
  for (const key of SCHOOL_KEYS) shared[key] = options[key];
  return new School(resolveOptions(shared, surroundings()));
}

/** What `resolveOptions` reads besides the options: this process's. */
function surroundings(): Parameters<typeof resolveOptions>[1] {
  return { env: process.env, defaultStream: process.stderr, platform: process.platform };
}

/** Where a task is in its life (see the module's comment). */
type TaskState = 'running' | 'ended' | 'written' | 'dropped';

/** What a task asks of its school. */
interface Pond {
  readonly config: FishConfig;
  /** The task ended: its `line` is its status line ('' for none). */
  ended(task: Task): void;
}

/** A task behind {@link FishTask}. */
class Task extends Vocabulary implements FishTask {
  state: TaskState = 'running';
  /** Its status line, once it ended. */
  line = '';
  /** The school's clock when its row was first drawn. */
  since: number | undefined;
  /** Its row, made again when something it shows changed. */
  row: TaskRow | undefined;
  readonly #pond: Pond;
  readonly #art: Art;
  #progress: Progress | undefined;

  constructor(pond: Pond, art: Art, options: TaskOptions) {
    super(options);
    this.#pond = pond;
    this.#art = art;
  }

  protected textsChanged(): void {
    this.row = undefined;
  }

  get isRunning(): boolean {
    return this.state === 'running';
  }

  progress(amount: number, total?: number): this {
    this.#progress = checkProgress(amount, total, this.#progress?.total);
    this.row = undefined;
    return this;
  }

  stopAndPersist(options: PersistOptions = {}): this {
    if (this.state !== 'running' && this.state !== 'dropped') return this;
    this.line = this.statusLine(options, this.#pond.config.color);
    this.#pond.ended(this);
    return this;
  }

  /**
   * The row as the frame shows it (made again when something it shows changed).
   *
   * @param t - the frame's time, which starts the task's clock on its first frame; undefined
   *   when only the row's height is asked
   */
  rowAt(t: number | undefined): TaskRow {
    if (t !== undefined && this.since === undefined) {
      this.since = t;
      this.row = undefined;
    }
    this.row ??= this.#makeRow(this.since ?? 0);
    return this.row;
  }

  #makeRow(since: number): TaskRow {
    const { color } = this.#pond.config;
    if (this.state !== 'running')
      return { scene: undefined, status: toLabel(this.line, color), since };
    return { scene: this.#scene(), status: NO_LABEL, since };
  }

  #scene(): SpinnerScene {
    const { config } = this.#pond;
    return taskScene(this.#art, config, this.labels(config.color), this.#progress);
  }

  protected symbolStyle(): FishConfig {
    return this.#pond.config;
  }
}

/** The school behind {@link school}. */
class School implements FishSchool, Pond {
  readonly config: FishConfig;
  /** The tasks on the screen (running or ended, not yet written), in the order added. */
  #tasks: Task[] = [];
  /** How many tasks took art from {@link SCHOOL_ART}: the next one takes the next fish. */
  #cycled = 0;
  /** The school on the terminal, from the first `add()` until it stops. */
  #session: EmbeddedSession | undefined;

  constructor(config: FishConfig) {
    this.config = config;
  }

  get isSpinning(): boolean {
    return this.#session?.running === true;
  }

  add(options: TaskOptions | string = {}): FishTask {
    const given = taskOptions(options);
    const art =
      given.art === undefined
        ? artOption(SCHOOL_ART[this.#cycled++ % SCHOOL_ART.length])
        : artOption(given.art);
    const task = new Task(this, art, given);
    const { interactive, stream } = this.config;
    if (!interactive) {
      const line = statusLine({ symbol: '-' }, task, false);
      if (line !== '') stream.write(`${line}\n`);
      task.state = 'dropped';
      return task;
    }
    if (this.#session?.running !== true) {
      // Claimed first: a busy terminal throws before the task joins.
      this.#session = this.#open();
      this.#tasks = [];
    }
    this.#tasks.push(task);
    if (!this.#session.running) this.#ended('stopped', false);
    else this.#settle();
    return task;
  }

  stop(): this {
    if (this.#session === undefined) return this;
    this.#session.stop();
    return this;
  }

  ended(task: Task): void {
    const { stream } = this.config;
    if (task.state === 'dropped') {
      task.state = 'written';
      if (task.line !== '') stream.write(`${task.line}\n`);
      return;
    }
    task.state = 'ended';
    task.row = undefined;
    if (this.#tasks.every((each) => each.state !== 'running')) this.#session?.stop();
    else this.#settle();
  }

  /**
   * After a task was added or ended: when the rows no longer fit on the terminal, the ended
   * ones leave their status lines above the region (as the host's output goes, in order with
   * its lines, ahead of a partial line it has not finished), and the region shows the running
   * ones.
   */
  #settle(): void {
    const available = terminalSize(this.config.stream).rows ?? Number.POSITIVE_INFINITY;
    if (schoolHeight(this.#rows(undefined)) <= available) return;
    const done = this.#tasks.filter((task) => task.state === 'ended');
    if (done.length === 0) return;
    for (const task of done) task.state = 'written';
    this.#tasks = this.#tasks.filter((task) => task.state !== 'written');
    const lines = done.map((task) => task.line).filter((line) => line !== '');
    if (lines.length > 0) this.#session?.writeAbove(`${lines.join('\n')}\n`);
  }

  /** The rows of the tasks on the screen; a frame's `t` starts the clocks of the new ones. */
  #rows(t: number | undefined): TaskRow[] {
    return this.#tasks.map((task) => task.rowAt(t));
  }

  /** Begin on the terminal: one session, one tick, for every row. */
  #open(): EmbeddedSession {
    const config = this.config;
    return openEmbeddedSession({
      drawing: {
        compose: (t, into) => composeSchoolFrame(this.#rows(t), t, into, config.unicode),
        height: () => schoolHeight(this.#rows(undefined)),
        fps: config.fps,
        sync: 'time',
        redraw: config.redraw,
        color: config.color,
        onFrame: config.onFrame,
        hideCursor: config.hideCursor,
      },
      stream: config.stream,
      tick: true,
      delay: config.delay,
      signal: config.signal,
      discardStdin: config.discardStdin,
      onEnd: (reason, midLine) => this.#ended(reason, midLine),
    });
  }

  /**
   * The session ended (every task ended, `stop()`, the signal, an exit path): the region is
   * off the screen and the terminal let go. The status lines of the ended tasks are written,
   * in the order the tasks were added; the running ones are dropped.
   */
  #ended(reason: EndReason, midLine: boolean): void {
    const tasks = this.#tasks;
    this.#tasks = [];
    const lines: string[] = [];
    for (const task of tasks) {
      if (task.state === 'running') {
        task.state = 'dropped';
        continue;
      }
      task.state = 'written';
      if (task.line !== '') lines.push(task.line);
    }
    // A terminal gone (or a stream that threw) takes nothing more.
    if (reason === 'closed' || reason === 'failed' || lines.length === 0) return;
    this.config.stream.write(`${midLine ? '\n' : ''}${lines.join('\n')}\n`);
  }
}

/** A task's options as an object: a text alone is its `text`. */
function taskOptions(options: unknown): TaskOptions {
  if (typeof options === 'string') return { text: options };
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new TypeError(`fish: ${refusal('task', 'an object or a text', options)}`);
  }
  return options;
}
