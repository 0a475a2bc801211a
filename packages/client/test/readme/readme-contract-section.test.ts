import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import {
  contractSection,
  methodsSection,
  readmePath,
  withSections,
} from '../../scripts/readme-contract-section.mjs';

it('lists every method, every named example of the spec and the Prism version in the README', () => {
  const readme = readFileSync(readmePath, 'utf8');
  const current = withSections(readme);
  // On failure: pnpm --filter @avchatroom/client readme:update, then commit README.md.
  expect(readme, 'README.md is stale: run pnpm --filter @avchatroom/client readme:update').toBe(
    current,
  );
  expect(contractSection()).toContain('`groupNotFound` (10010)');
  expect(methodsSection()).toContain(
    '| `getMembers`; `members`, `listMembers` | `group_open_avchatroom_http_svc/get_members` | `{ groupId, timestamp?, mark? }` → `{ members, nextTimestamp }` |',
  );
});
