import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import {
  contractSection,
  readmePath,
  withSection,
} from '../../scripts/readme-contract-section.mjs';

it('lists every named example of the spec and the Prism version in the README', () => {
  const readme = readFileSync(readmePath, 'utf8');
  const current = withSection(readme, contractSection());
  // On failure: pnpm --filter @avchatroom/client readme:update, then commit README.md.
  expect(readme, 'README.md is stale: run pnpm --filter @avchatroom/client readme:update').toBe(
    current,
  );
  expect(contractSection()).toContain('`groupNotFound` (10010)');
});
