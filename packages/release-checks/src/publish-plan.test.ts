import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { publishPlan } from './publish-plan.mjs';

let root: string;

const writePre = (pre: { mode: string; tag: string }) => {
  mkdirSync(join(root, '.changeset'), { recursive: true });
  writeFileSync(
    join(root, '.changeset', 'pre.json'),
    JSON.stringify({ ...pre, initialVersions: {}, changesets: [] }),
  );
};

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'publish-plan-'));
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

const base = [
  '--recursive',
  'publish',
  '--access',
  'public',
  '--no-git-checks',
  '--report-summary',
];
const local = 'http://127.0.0.1:48731/';

describe('publishPlan', () => {
  test.for([
    {
      given: 'the release workflow: NPM_CONFIG_PROVENANCE=true, no registry',
      argv: [],
      env: { NPM_CONFIG_PROVENANCE: 'true' },
      want: [...base, '--provenance'],
    },
    {
      given: 'no registry and no provenance variable',
      argv: [],
      env: {},
      want: base,
    },
    {
      given: '--registry: provenance off even when the workflow variable is set',
      argv: ['--registry', local],
      env: { NPM_CONFIG_PROVENANCE: 'true' },
      want: [...base, '--registry', local],
    },
    {
      given: 'AVCHATROOM_REGISTRY',
      argv: [],
      env: { AVCHATROOM_REGISTRY: local, NPM_CONFIG_PROVENANCE: 'true' },
      want: [...base, '--registry', local],
    },
    {
      given: '--registry wins over AVCHATROOM_REGISTRY',
      argv: ['--registry', local],
      env: { AVCHATROOM_REGISTRY: 'http://127.0.0.1:1/' },
      want: [...base, '--registry', local],
    },
  ])('$given', ({ argv, env, want }) => {
    expect(publishPlan({ argv, env, root }).publishArgs).toEqual(want);
  });

  test("pre mode publishes under the pre mode's tag; after `pre exit`, under latest", () => {
    writePre({ mode: 'pre', tag: 'next' });
    const plan = publishPlan({ argv: [], env: {}, root });
    expect(plan.tag).toBe('next');
    expect(plan.publishArgs.slice(-2)).toEqual(['--tag', 'next']);
    writePre({ mode: 'exit', tag: 'next' });
    expect(publishPlan({ argv: [], env: {}, root }).publishArgs).toEqual(base);
  });

  test('--skip-checks is read; a registry that is not a URL and unknown options are refused', () => {
    expect(publishPlan({ argv: ['--skip-checks'], env: {}, root }).skipChecks).toBe(true);
    expect(publishPlan({ argv: [], env: {}, root }).skipChecks).toBe(false);
    expect(() => publishPlan({ argv: ['--registry', 'verdaccio'], env: {}, root })).toThrow(
      /http\(s\) URL/,
    );
    expect(() => publishPlan({ argv: ['--dry-run'], env: {}, root })).toThrow(/dry-run/);
  });
});
