import { defineConfig } from 'vitest/config';

// SpecVet against a real 3-node MariaDB Galera cluster it starts itself (test/support/galera.ts):
// `npm run test:cluster`. One file at a time: a test kills nodes the next must not miss.
export default defineConfig({
  test: {
    include: ['test/cluster/**/*.cluster.test.ts'],
    globalSetup: ['test/cluster/setup.ts'],
    testTimeout: 180_000,
    hookTimeout: 300_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
