// The bundle-size budget of the runtime issue, enforced in `pnpm test`: an app
// that imports only createChatClient, bundled and minified by esbuild exactly
// as `pnpm bench` does (bench/bundle-size.mjs), must stay within the gzipped
// budget of bench/bundle-budget.mjs, the one number the bench also prints.
// It measures the built dist/ (what npm users get): turbo builds the client
// before this package's tests (turbo.json, "@avchatroom/client#test").
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundleBudget } from '../../bench/bundle-budget.mjs';
import { bundleEntries, measureBundle } from '../../bench/bundle-size.mjs';

const builtEntry = fileURLToPath(new URL('../../dist/index.mjs', import.meta.url));

const measureBudgetedEntry = async () => {
  if (!existsSync(builtEntry)) {
    throw new Error(
      'packages/client/dist/index.mjs is missing: run `pnpm build` in packages/client',
    );
  }
  const budgeted = bundleEntries.find((entry) => entry.name === bundleBudget.entryName);
  if (!budgeted) throw new Error(`bench/bundle-size.mjs has no entry ${bundleBudget.entryName}`);
  return measureBundle(budgeted.entry);
};

describe('bundle size budget', () => {
  it(`keeps an app importing only ${bundleBudget.entryName} within the gzipped budget`, async () => {
    const bundle = await measureBudgetedEntry();

    // The bundle holds the built client (modules of dist/), not an empty or unresolved import.
    const fromDist = bundle.inputs.filter((input) => input.path.startsWith('dist/'));
    expect(fromDist.reduce((bytes, input) => bytes + input.bytesInOutput, 0)).toBeGreaterThan(0);
    expect(bundle.gzipBytes).toBeLessThanOrEqual(bundleBudget.maxGzipBytes);
  });
});
