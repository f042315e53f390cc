/**
 * Runs in each test process before its test file: the suite behaves the same on a developer's
 * machine and on a CI service. The variables by which CI services announce themselves, colour
 * overrides and an enclosing tmux's variables are removed from this process's environment, so
 * every program a test starts (in a pty, in tmux, piped) inherits what an interactive user's
 * shell has. Tests of the CI and colour rules set these variables themselves.
 */
import { CI_VARIABLES } from '../src/terminal/env.js';

for (const name of [...CI_VARIABLES, 'NO_COLOR', 'FORCE_COLOR', 'TMUX', 'TMUX_PANE'])
  Reflect.deleteProperty(process.env, name);
