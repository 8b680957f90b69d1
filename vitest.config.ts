import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // The import and queue suites start real servers and worker processes; on a 2-core machine,
    // running test files one after another keeps them from starving each other.
    fileParallelism: false,
  },
});
