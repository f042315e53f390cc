/**
 * The words an animation and a school's task share: their texts as strings whatever a
 * JavaScript host passed, progress as it is checked, and the status line each leaves when it
 * ends (`✔ text`). One module, so that `fish()` and `school()` say them the same way.
 */
import { sgr, SGR_RESET } from '../render/escapes.js';
import type { Progress } from './frame.js';
import { lineText, toLabel, type Label } from './host-text.js';
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
export function statusSymbol(kind: StatusKind, how: SymbolStyle): string {
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

/** How status symbols are drawn: Unicode or ASCII, coloured or not. */
export interface SymbolStyle {
  readonly unicode: boolean;
  readonly color: boolean;
}

/**
 * What an animation and a school's task have in common: the three texts a host sets, and
 * ora's four status words, each a `stopAndPersist` with its kind's symbol. A subclass says
 * what a changed text means to it and how it ends with a line.
 */
export abstract class Vocabulary implements Texts {
  #text: string;
  #prefixText: string;
  #suffixText: string;

  constructor(texts: {
    readonly text?: unknown;
    readonly prefixText?: unknown;
    readonly suffixText?: unknown;
  }) {
    this.#text = asText(texts.text);
    this.#prefixText = asText(texts.prefixText);
    this.#suffixText = asText(texts.suffixText);
  }

  get text(): string {
    return this.#text;
  }

  set text(value: string) {
    this.#text = asText(value);
    this.textsChanged();
  }

  get prefixText(): string {
    return this.#prefixText;
  }

  set prefixText(value: string) {
    this.#prefixText = asText(value);
    this.textsChanged();
  }

  get suffixText(): string {
    return this.#suffixText;
  }

  set suffixText(value: string) {
    this.#suffixText = asText(value);
    this.textsChanged();
  }

  succeed(text?: string): this {
    return this.#status('success', text);
  }

  fail(text?: string): this {
    return this.#status('error', text);
  }

  warn(text?: string): this {
    return this.#status('warning', text);
  }

  info(text?: string): this {
    return this.#status('info', text);
  }

  /** End with the line of `options` (see {@link statusLine}). */
  abstract stopAndPersist(options?: PersistOptions): this;

  /** A text changed (after it was set). */
  protected abstract textsChanged(): void;

  /** How this one's status symbols are drawn. */
  protected abstract symbolStyle(): SymbolStyle;

  /**
   * The three texts as a frame draws them.
   *
   * @param color - keep the host's SGR styling
   */
  protected labels(color: boolean): { prefix: Label; text: Label; suffix: Label } {
    return {
      prefix: toLabel(this.#prefixText, color),
      text: toLabel(this.#text, color),
      suffix: toLabel(this.#suffixText, color),
    };
  }

  /**
   * The status line of `options`, this one's texts the defaults (see {@link statusLine}).
   *
   * @param options - the symbol and texts given
   * @param color - keep the host's SGR styling
   */
  protected statusLine(options: PersistOptions, color: boolean): string {
    return statusLine(options, this, color);
  }

  #status(kind: StatusKind, text: string | undefined): this {
    return this.stopAndPersist({ symbol: statusSymbol(kind, this.symbolStyle()), text });
  }
}
