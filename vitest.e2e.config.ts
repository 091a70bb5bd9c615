import { defineConfig } from 'vitest/config';

// Browser tests: Debian's Chromium driven by playwright-core, against the real server.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.{ts,tsx}'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
