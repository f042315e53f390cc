/**
 * The words an animation and a school's task share: their texts as strings whatever a
 * JavaScript host passed, progress as it is checked, and the status line each leaves when it
 * ends (`✔ text`). One module, so that `fish()` and `school()` say them the same way.
 */
import { sgr, SGR_RESET } from '../render/escapes.js';
import type { Progress } from './frame.js';
import { lineText } from './host-text.js';
import { numberOption } from './options.js';
import { ASCII_SYMBOLS, SYMBOL_STYLES, UNICODE_SYMBOLS, type StatusKind } from './symbols.js';

/** What `stopAndPersist` leaves on the screen. */
export interface PersistOptions {
  /** The symbol at the start of the line (default none). */
  readonly symbol?: string;
  /** The text (default: the animation's `text`). */
  readonly text?: string;
  /** Text before the symbol (default: the animation's `prefixText`). */
  readonly prefixText?: string;
  /** Text after the text (default: the animation's `suffixText`). */
  readonly suffixText?: string;
}

/** The texts an animation or a task shows. */
export interface Texts {
  /** Text after the tank. */
  readonly text: string;
  /** Text before the tank. */
  readonly prefixText: string;
  /** Text after `text`. */
  readonly suffixText: string;
}

/**
 * A text property as a string, whatever a JavaScript host passed.
 *
 * @param value - what the host passed
 */
export function asText(value: unknown): string {
  if (value === undefined || value === null) return '';
  // What JavaScript makes of any value: a host that passes an object sees what it passed.
  // eslint-disable-next-line @typescript-eslint/no-base-to-string
  return typeof value === 'string' ? value : String(value);
}

/**
 * Progress as the host reported it, checked: an amount of 0 or more, at most the total; the
 * total, once given, kept.
 *
 * @param amount - how much is done
 * @param total - how much there is in all, or undefined to keep `known`
 * @param known - the total reported before, if any
 * @throws RangeError (one line) for an amount or total out of range
 */
export function checkProgress(
  amount: number,
  total: number | undefined,
  known: number | undefined,
): Progress {
  // A JavaScript host can call it with nothing.
  if ((amount as number | undefined) === undefined) {
    throw new RangeError('fish: progress needs an amount, got undefined');
  }
  const done = numberOption('progress amount', amount, { min: 0 }) ?? 0;
  const all = numberOption('progress total', total, { min: 0 }) ?? known;
  if (all !== undefined && done > all) {
    throw new RangeError(`fish: progress amount must be at most the total (${all}), got ${done}`);
  }
  return { amount: done, total: all };
}

/**
 * The symbol of a kind of status line: Unicode or ASCII, coloured when colour is on.
 *
 * @param kind - success, error, warning or info
 * @param how - Unicode symbols, colour
 */
export function statusSymbol(
  kind: StatusKind,
  how: { readonly unicode: boolean; readonly color: boolean },
): string {
  const symbol = (how.unicode ? UNICODE_SYMBOLS : ASCII_SYMBOLS)[kind];
  return how.color ? `${sgr(SYMBOL_STYLES[kind])}${symbol}${SGR_RESET}` : symbol;
}

/**
 * A status line (without its line feed): prefix, symbol, text and suffix, each made safe,
 * the empty ones left out, separated by spaces; '' when all are empty.
 *
 * @param options - the symbol and texts given
 * @param texts - the texts shown until now (the defaults)
 * @param color - keep the host's SGR styling
 */
export function statusLine(options: PersistOptions, texts: Texts, color: boolean): string {
  return [
    options.prefixText ?? texts.prefixText,
    options.symbol ?? '',
    options.text ?? texts.text,
    options.suffixText ?? texts.suffixText,
  ]
    .map((part) => lineText(asText(part), color))
    .filter((part) => part !== '')
    .join(' ');
}
