/**
 * `fishPromise()`: an animation for as long as a promise is pending.
 */
import { fish, type FishAnimation } from './fish.js';
import type { FishOptions } from './options.js';

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
    // The host handed its promise over to us: its rejection must not go unhandled.
    if (typeof action !== 'function') Promise.resolve(action).catch(() => undefined);
    throw error;
  }
  try {
    const value = await (typeof action === 'function' ? action(animation) : action);
    animation.succeed(typeof successText === 'function' ? successText(value) : successText);
    return value;
  } catch (error) {
    animation.fail(typeof failText === 'function' ? failText(error) : failText);
    throw error;
  }
}
