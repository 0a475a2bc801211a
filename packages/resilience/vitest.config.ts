import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Retries wait real back-offs (0.25 s to 2 s), so scenarios take seconds.
    testTimeout: 60_000,
    hookTimeout: 30_000,
    // Scenarios mostly wait (back-offs, timeouts): run a whole matrix at once
    // rather than five at a time (the default).
    maxConcurrency: 100,
  },
});
