/**
 * Issue 13's shell modes (test/helpers/shell-scenarios.ts) judged by xterm.js in a
 * pseudo-terminal.
 */
import { describe, it } from 'vitest';
import { xtermJudge } from '../helpers/judges.js';
import { runScenario } from '../helpers/scenario.js';
import { SHELL_SCENARIOS } from '../helpers/shell-scenarios.js';

describe.concurrent('issue 13 in xterm.js', () => {
  for (const scenario of SHELL_SCENARIOS) {
    it(scenario.name, () => runScenario(xtermJudge, scenario), 60_000);
  }
});
