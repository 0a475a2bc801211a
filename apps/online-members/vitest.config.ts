import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Builds the CLI once for the tests that spawn it (see test/build-cli.ts).
    globalSetup: ['test/build-cli.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
