/**
 * Issue 13's shell modes (test/helpers/shell-scenarios.ts) judged by tmux.
 */
import { describe, it } from 'vitest';
import { tmuxJudge } from '../helpers/judges.js';
import { runScenario } from '../helpers/scenario.js';
import { SHELL_SCENARIOS } from '../helpers/shell-scenarios.js';
import { tmuxVersion } from '../helpers/tmux.js';

describe.concurrent(`issue 13 in tmux (${tmuxVersion() ?? 'tmux missing'})`, () => {
  for (const scenario of SHELL_SCENARIOS) {
    it(scenario.name, () => runScenario(tmuxJudge, scenario), 60_000);
  }
});
