import { fileURLToPath } from 'node:url';

/**
 * Where the tests' own build of the CLI goes. Not dist/: under `pnpm test`,
 * turbo runs this package's `build` (tsdown cleans dist/ first) at the same
 * time as its `test`, so a child process could find dist/cli.mjs missing. Inside
 * node_modules/, so the bundle still resolves @avchatroom/client by walking up.
 */
export const builtCliDir = fileURLToPath(
  new URL('../node_modules/.cache/online-members-test-build/', import.meta.url),
);

export const builtCliPath = `${builtCliDir}cli.mjs`;
