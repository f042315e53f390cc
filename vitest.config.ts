import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // node-pty and child processes want real processes, not worker threads.
    pool: 'forks',
    // CI variables removed before each file, so that the programs tests start see a user's shell.
    setupFiles: ['test/setup.ts'],
    testTimeout: 20_000,
    // The console report, plus a JSON one that .ci/run sums up in a closing line.
    reporters: ['default', ['json', { outputFile: 'test-results.json' }]],
    hookTimeout: 20_000,
  },
});
