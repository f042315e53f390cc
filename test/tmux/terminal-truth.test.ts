/**
 * The terminal-truth scenarios (issue 9) judged by tmux: every scenario of test/helpers/terminal-truth.ts in a pane of a private tmux
 * server (tmux re-wraps rows as VTE, iTerm2 and kitty do, the cursor's own row included).
 */
import { describe, it } from 'vitest';
import { TERMINAL_TRUTH_SCENARIOS } from '../helpers/terminal-truth.js';
import { tmuxJudge } from '../helpers/judges.js';
import { runScenario } from '../helpers/scenario.js';
import { tmuxVersion } from '../helpers/tmux.js';

const version = tmuxVersion();

describe.concurrent(`issue 9 in tmux (${version ?? 'tmux missing'})`, () => {
  it('tmux is installed (.ci/run installs it; this suite never skips)', () => {
    if (version === undefined) throw new Error('tmux is not installed: apt-get install -y tmux');
  });
  for (const scenario of TERMINAL_TRUTH_SCENARIOS) {
    it(scenario.name, () => runScenario(tmuxJudge, scenario), 60_000);
  }
});
