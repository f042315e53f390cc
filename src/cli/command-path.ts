/**
 * Finding a command as a shell does before it runs one, so that a command that cannot be
 * started is known before anything is drawn or written (`- TEXT` off a terminal): the name
 * alone is looked up in PATH; a name with a slash is the file itself.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** A command that can be started, or why not, with the status a shell gives. */
export type CommandLookup =
  | { readonly found: true }
  | { readonly found: false; readonly status: 126 | 127; readonly reason: string };

/**
 * Whether `file` names a command that can be started.
 *
 * @param file - the command's name or path
 * @param path - the PATH to look in (as `process.env.PATH`)
 */
export function lookUpCommand(file: string, path: string | undefined): CommandLookup {
  const candidates = file.includes('/')
    ? [file]
    : (path ?? '')
        .split(delimiter)
        // An empty entry of PATH is the current folder, as shells take it.
        .map((folder) => join(folder === '' ? '.' : folder, file));
  let denied: string | undefined;
  for (const candidate of candidates) {
    const kind = fileKind(candidate);
    if (kind === 'runnable') return { found: true };
    if (kind !== 'absent') denied ??= kind === 'folder' ? 'is a folder' : 'permission denied';
  }
  return denied === undefined
    ? {
        found: false,
        status: 127,
        reason: file.includes('/') ? 'no such file' : 'command not found',
      }
    : { found: false, status: 126, reason: denied };
}

function fileKind(candidate: string): 'runnable' | 'absent' | 'folder' | 'not-runnable' {
  try {
    if (statSync(candidate).isDirectory()) return 'folder';
  } catch {
    return 'absent';
  }
  try {
    accessSync(candidate, constants.X_OK);
    return 'runnable';
  } catch {
    return 'not-runnable';
  }
}
