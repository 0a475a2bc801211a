import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Packing, installing tarballs with npm and compiling consumers take seconds each.
    testTimeout: 180_000,
    hookTimeout: 300_000,
  },
});
