import { defineConfig } from 'vitest/config';

// Browser end-to-end tests: Debian's Chromium (playwright-core) against a real `specvet serve`
// child process on a throwaway SPECVET_HOME. Needs the built renderer: `npm run test:e2e`
// builds first. One file at a time — each starts a browser and a server.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
