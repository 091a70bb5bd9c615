import { defineConfig } from 'vitest/config';

// Writes fixtures from the code as it is now (for instance a database filled by this version, for
// a later version's upgrade test). Not part of the suite: run on purpose, see each file.
export default defineConfig({
  test: {
    include: ['test/fixtures/**/*.fixture.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 300_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
