import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          // test/bundle-size measures the built dist/: turbo builds the client
          // before its tests ("@avchatroom/client#test" in turbo.json).
          include: [
            'src/**/*.test.ts',
            'test/runtime/**/*.test.ts',
            'test/bundle-size/**/*.test.ts',
            'test/readme/**/*.test.ts',
          ],
          typecheck: { enabled: true, include: ['test/**/*.test-d.ts'] },
        },
      },
      {
        // The subset `pnpm test:runtimes` runs on Node 20, 22 and 24, Bun and
        // Deno: UserSigs, request building, the rate limit, pagination, a real
        // loopback socket.
        // `pnpm test` runs these files in the unit project, not twice.
        extends: true,
        test: {
          name: 'runtimes',
          include: [
            'src/user-sig/**/*.test.ts',
            'src/call-sender.test.ts',
            'src/policies/rate-limit*.test.ts',
            'src/pagination/**/*.test.ts',
            'test/runtime/**/*.test.ts',
          ],
        },
      },
      {
        extends: true,
        test: {
          name: 'contract',
          include: ['test/contract/**/*.test.ts'],
          globalSetup: ['test/contract/prism-global-setup.ts'],
          testTimeout: 15_000,
          hookTimeout: 30_000,
        },
      },
    ],
  },
});
