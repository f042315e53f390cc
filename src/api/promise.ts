/**
 * `fishPromise()`: an animation for as long as a promise is pending; `schoolPromise()`: a
 * school of them, one task per promise.
 */
import { fish, type FishAnimation } from './fish.js';
import type { FishOptions } from './options.js';
import { school, type FishTask, type SchoolOptions, type TaskOptions } from './school.js';

/** Options of {@link fishPromise}: the animation's, plus the status texts. */
export interface FishPromiseOptions<T> extends FishOptions {
  /** The success line's text, or a function of the value (default: the animation's `text`). */
  readonly successText?: string | ((value: T) => string);
  /** The failure line's text, or a function of the error (default: the animation's `text`). */
  readonly failText?: string | ((error: unknown) => string);
}

/** What {@link fishPromise} waits for: a promise, or a function (given the animation) that returns one. */
export type FishAction<T> = PromiseLike<T> | ((animation: FishAnimation) => PromiseLike<T> | T);

/**
 * Animate while a promise is pending; then leave a success line (`✔ text`) when it resolves
 * or a failure line (`✖ text`) when it rejects.
 *
 * @param action - the promise, or a function that is given the animation (to update its text
 *   or progress) and returns the promise
 * @param options - the animation's options and the status texts, or just the text
 * @returns the promise's value
 * @throws the promise's error, after the failure line; or what `fish()` and `start()` throw
 */
export async function fishPromise<T>(
  action: FishAction<T>,
  options: string | FishPromiseOptions<T> = {},
): Promise<T> {
  const { successText, failText, ...animationOptions } =
    typeof options === 'string' ? { text: options } : options;
  let animation: FishAnimation;
  try {
    animation = fish(animationOptions).start();
  } catch (error) {
    disown(action);
    throw error;
  }
  return settle(animation, action, successText, failText);
}

/** What {@link schoolPromise} runs for one task: a promise, or a function (given the task) that returns one. */
export type SchoolAction<T> = PromiseLike<T> | ((task: FishTask) => PromiseLike<T> | T);

/** One task of {@link schoolPromise}, with its art, texts and status texts. */
export interface SchoolEntry<T> extends TaskOptions {
  /** What the task waits for. */
  readonly action: SchoolAction<T>;
  /** The success line's text, or a function of the value (default: the task's `text`). */
  readonly successText?: string | ((value: T) => string);
  /** The failure line's text, or a function of the error (default: the task's `text`). */
  readonly failText?: string | ((error: unknown) => string);
}

/**
 * Run tasks at once in a school, one row each in the order given: each leaves a success line
 * when its promise resolves and a failure line when it rejects. Waits for every one.
 *
 * @param entries - per task, the promise or function to wait for, or an entry with its texts
 * @param options - the school's options (see `school()`)
 * @returns the values, in the order given
 * @throws the first error in the order given, once every task has ended; or what `school()`
 *   and `add()` throw
 */
export async function schoolPromise<T>(
  entries: readonly (SchoolAction<T> | SchoolEntry<T>)[],
  options?: SchoolOptions,
): Promise<T[]> {
  const given = entries.map(asEntry);
  const tasks: FishTask[] = [];
  try {
    const group = school(options);
    for (const { action: _action, successText: _s, failText: _f, ...texts } of given)
      tasks.push(group.add(texts));
  } catch (error) {
    for (const { action } of given) disown(action);
    for (const task of tasks) task.stopAndPersist({ text: '' });
    throw error;
  }
  const settled = await Promise.allSettled(
    given.map(({ action, successText, failText }, index) =>
      settle(tasks[index], action, successText, failText),
    ),
  );
  const failed = settled.find((result) => result.status === 'rejected');
  // What the action threw, as it threw it.

  if (failed !== undefined) throw failed.reason;
  return settled.map((result) => (result as PromiseFulfilledResult<Awaited<T>>).value);
}

/** What leaves a status line: an animation, or a school's task. */
interface StatusLines {
  succeed(text?: string): unknown;
  fail(text?: string): unknown;
}

/**
 * Wait for `action` (given `target`, when it is a function); then leave `target`'s success
 * line with the value's text, or its failure line with the error's text and throw the error.
 */
async function settle<T, Target extends StatusLines>(
  target: Target,
  action: PromiseLike<T> | ((target: Target) => PromiseLike<T> | T),
  successText: string | ((value: T) => string) | undefined,
  failText: string | ((error: unknown) => string) | undefined,
): Promise<T> {
  try {
    const value = await (typeof action === 'function' ? action(target) : action);
    target.succeed(typeof successText === 'function' ? successText(value) : successText);
    return value;
  } catch (error) {
    target.fail(typeof failText === 'function' ? failText(error) : failText);
    throw error;
  }
}

/**
 * Mark a promise the host handed over, and that we will not wait for, as handled: its
 * rejection must not go unhandled. A function was never called, so it has nothing to reject.
 */
function disown(action: PromiseLike<unknown> | ((...args: never[]) => unknown)): void {
  if (typeof action !== 'function') Promise.resolve(action).catch(() => undefined);
}

/** An entry of {@link schoolPromise} as an object: a bare promise or function is its action. */
function asEntry<T>(entry: SchoolAction<T> | SchoolEntry<T>): SchoolEntry<T> {
  const isEntry =
    typeof entry === 'object' && (entry as Partial<PromiseLike<T>>).then === undefined;
  return isEntry ? (entry as SchoolEntry<T>) : { action: entry as SchoolAction<T> };
}
