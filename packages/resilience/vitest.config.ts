import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Retries wait real back-offs (0.25 s to 2 s), so scenarios take seconds.
    testTimeout: 60_000,
    hookTimeout: 30_000,
  },
});
