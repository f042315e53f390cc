/**
 * Issue 14 judged by tmux: every school scenario of test/helpers/school.ts in a pane of a
 * private tmux server (tmux re-wraps rows as VTE, iTerm2 and kitty do).
 */
import { describe, it } from 'vitest';
import { tmuxJudge } from '../helpers/judges.js';
import { runScenario } from '../helpers/scenario.js';
import { SCHOOL_SCENARIOS } from '../helpers/school.js';
import { tmuxVersion } from '../helpers/tmux.js';

const version = tmuxVersion();

describe.concurrent(`issue 14 (a school) in tmux (${version ?? 'tmux missing'})`, () => {
  it('tmux is installed (.ci/run installs it; this suite never skips)', () => {
    if (version === undefined) throw new Error('tmux is not installed: apt-get install -y tmux');
  });
  for (const scenario of SCHOOL_SCENARIOS) {
    it(scenario.name, () => runScenario(tmuxJudge, scenario), 60_000);
  }
});
