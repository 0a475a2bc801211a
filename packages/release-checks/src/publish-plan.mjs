// What `pnpm release` passes to `pnpm publish`: the registry, provenance and
// the dist-tag, decided from its options, the environment and changesets' pre
// mode. Kept apart from release.mjs so it is tested without publishing.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

/** The environment variable that names a registry, like `--registry`. */
export const registryVariable = 'AVCHATROOM_REGISTRY';

/**
 * changesets' pre mode (`.changeset/pre.json`, written by `changeset pre enter
 * TAG`): its tag while in pre mode, otherwise undefined. pnpm 12 publishes a
 * prerelease version under `latest` unless given a tag, so the tag is passed on.
 */
export const preReleaseTag = (root) => {
  const file = join(root, '.changeset', 'pre.json');
  if (!existsSync(file)) return undefined;
  const pre = JSON.parse(readFileSync(file, 'utf8'));
  return pre.mode === 'pre' && typeof pre.tag === 'string' ? pre.tag : undefined;
};

/**
 * - registry: `--registry URL`, else `AVCHATROOM_REGISTRY`, else none (the
 *   registry of the npm configuration, the public one in the release workflow).
 * - provenance: on when `NPM_CONFIG_PROVENANCE` is `true` (the release workflow
 *   sets it) and no other registry is named. pnpm 12 reads neither that variable
 *   nor `publishConfig.provenance`, only its `--provenance` flag, which fails
 *   outside a CI provider with an OIDC token; a provenance statement names the
 *   public registry's transparency log, so it means nothing for another registry.
 * - tag: the pre mode's tag, else pnpm's default (`latest`).
 * - skipChecks: `--skip-checks` leaves out the API reports and the package checks,
 *   for a caller that ran them on the same commit (the registry test does).
 */
export const publishPlan = ({ argv, env, root }) => {
  const { values } = parseArgs({
    args: argv,
    options: {
      registry: { type: 'string' },
      'skip-checks': { type: 'boolean', default: false },
    },
  });
  const registry = values.registry ?? (env[registryVariable] || undefined);
  if (registry !== undefined && !/^https?:\/\/[^/]/.test(registry)) {
    throw new Error(`the registry must be an http(s) URL, got ${JSON.stringify(registry)}`);
  }
  const provenance = registry === undefined && env.NPM_CONFIG_PROVENANCE === 'true';
  const tag = preReleaseTag(root);
  return {
    registry,
    provenance,
    tag,
    skipChecks: values['skip-checks'],
    publishArgs: [
      '--recursive',
      'publish',
      '--access',
      'public',
      '--no-git-checks',
      '--report-summary',
      ...(registry === undefined ? [] : ['--registry', registry]),
      ...(provenance ? ['--provenance'] : []),
      ...(tag === undefined ? [] : ['--tag', tag]),
    ],
  };
};
