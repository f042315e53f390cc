/**
 * The terminal-truth scenarios (issue 9) judged by xterm.js: every scenario of test/helpers/terminal-truth.ts in a pseudo-terminal
 * mirrored into @xterm/headless, and those that resize also in xterm.js with reflow off (a
 * truncating terminal, as the X11 xterm and the Linux console are).
 */
import { describe, it } from 'vitest';
import { TERMINAL_TRUTH_SCENARIOS } from '../helpers/terminal-truth.js';
import { truncatingXtermJudge, xtermJudge } from '../helpers/judges.js';
import { resizes, runScenario } from '../helpers/scenario.js';

describe.concurrent('issue 9 in xterm.js', () => {
  for (const scenario of TERMINAL_TRUTH_SCENARIOS) {
    it(scenario.name, () => runScenario(xtermJudge, scenario), 60_000);
  }
});

describe.concurrent('issue 9 in xterm.js with reflow off (a truncating terminal)', () => {
  for (const scenario of TERMINAL_TRUTH_SCENARIOS.filter(resizes)) {
    it(scenario.name, () => runScenario(truncatingXtermJudge, scenario), 60_000);
  }
});
