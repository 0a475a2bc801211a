import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Each check runs the whole generator (about 2 s alone, more on busy cores).
    testTimeout: 60_000,
  },
});
