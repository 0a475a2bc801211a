import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Real redis-server processes and real windows of a few hundred ms, on a
    // shared 2-core machine: generous limits.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
