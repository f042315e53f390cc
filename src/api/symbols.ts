/**
 * The symbols of status lines (`succeed`, `fail`, `warn`, `info`), in Unicode where the
 * terminal can draw it and in plain ASCII elsewhere.
 */
import type { Env } from '../terminal/env.js';

/** The four kinds of status line. */
export type StatusKind = 'success' | 'error' | 'warning' | 'info';

/** A symbol per kind of status line. */
export type StatusSymbols = Readonly<Record<StatusKind, string>>;

/** Where the terminal draws Unicode: the symbols ora and log-symbols use. */
export const UNICODE_SYMBOLS: StatusSymbols = { success: '✔', error: '✖', warning: '⚠', info: 'ℹ' };

/** Where it may not: one plain ASCII character each. */
export const ASCII_SYMBOLS: StatusSymbols = { success: '+', error: 'x', warning: '!', info: 'i' };

/** The colour of each kind's symbol (a `Style`: green, red, yellow, blue). */
export const SYMBOL_STYLES: Readonly<Record<StatusKind, number>> = {
  success: 3,
  error: 2,
  warning: 4,
  info: 5,
};

/**
 * Whether the terminal can be trusted to draw the Unicode symbols. The rule is small on
 * purpose: not on the Linux console (`TERM=linux`, whose font lacks them) nor a `dumb`
 * terminal; on Windows only in terminals known to (Windows Terminal, VS Code's, ConEmu/Cmder,
 * and those that set an xterm-like TERM, such as mintty), not in the old console host;
 * everywhere else, yes.
 *
 * @param env - the environment
 * @param platform - `process.platform`
 */
export function unicodeSymbolsSupported(env: Env, platform: NodeJS.Platform): boolean {
  const term = env.TERM ?? '';
  if (term === 'linux' || term === 'dumb') return false;
  if (platform !== 'win32') return true;
  return (
    env.WT_SESSION !== undefined ||
    env.TERM_PROGRAM === 'vscode' ||
    env.ConEmuTask !== undefined ||
    term.startsWith('xterm') ||
    term === 'alacritty'
  );
}
