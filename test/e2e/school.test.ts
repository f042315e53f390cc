/**
 * Issue 14 judged by xterm.js: every school scenario of test/helpers/school.ts in a
 * pseudo-terminal mirrored into @xterm/headless.
 */
import { describe, it } from 'vitest';
import { xtermJudge } from '../helpers/judges.js';
import { runScenario } from '../helpers/scenario.js';
import { SCHOOL_SCENARIOS } from '../helpers/school.js';

describe.concurrent('issue 14 (a school) in xterm.js', () => {
  for (const scenario of SCHOOL_SCENARIOS) {
    it(scenario.name, () => runScenario(xtermJudge, scenario), 60_000);
  }
});
