// The bundle-size budgets, enforced in `pnpm test`: each budgeted app (one
// importing createChatClient, one importing a single hey-api SDK operation),
// bundled and minified by esbuild exactly as `pnpm bench` does
// (bench/bundle-size.mjs), must stay within its gzipped budget of
// bench/bundle-budget.mjs, the numbers the bench also prints.
// It measures the built dist/ (what npm users get): turbo builds the client
// before this package's tests (turbo.json, "@avchatroom/client#test").
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundleBudgets } from '../../bench/bundle-budget.mjs';
import { bundleEntries, measureBundle } from '../../bench/bundle-size.mjs';

const builtEntry = fileURLToPath(new URL('../../dist/index.mjs', import.meta.url));

describe('bundle size budgets', () => {
  it.each(bundleBudgets)(
    'keeps an app importing only $entryName within $maxGzipBytes bytes gzipped',
    async ({ entryName, maxGzipBytes }) => {
      if (!existsSync(builtEntry)) {
        throw new Error(
          'packages/client/dist/index.mjs is missing: run `pnpm build` in packages/client',
        );
      }
      const budgeted = bundleEntries.find((entry) => entry.name === entryName);
      if (!budgeted) throw new Error(`bench/bundle-size.mjs has no entry ${entryName}`);
      const bundle = await measureBundle(budgeted.entry);
      console.log(`${entryName}: ${bundle.gzipBytes} bytes gzipped (budget ${maxGzipBytes})`);
      // The bundle holds the built client (modules of dist/), not an empty or unresolved import.
      const fromDist = bundle.inputs.filter((input) => input.path.startsWith('dist/'));
      expect(fromDist.reduce((bytes, input) => bytes + input.bytesInOutput, 0)).toBeGreaterThan(0);
      expect(bundle.gzipBytes).toBeLessThanOrEqual(maxGzipBytes);
    },
  );
});
