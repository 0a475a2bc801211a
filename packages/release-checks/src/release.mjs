#!/usr/bin/env node
// `pnpm release [--registry URL] [--skip-checks]`: builds every package, runs
// the package checks (API reports, publint and attw on the packed tarballs, the
// install-from-tarball test, the workflows), then publishes each public package
// whose version is not on the registry yet, and tags the release with
// changesets. What goes to `pnpm publish` (registry, provenance, dist-tag) is
// decided in publish-plan.mjs; the registry test (registry-release.test.ts)
// runs this script against a local Verdaccio.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { publishPlan } from './publish-plan.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const summaryFile = join(root, 'pnpm-publish-summary.json');

let plan;
try {
  plan = publishPlan({ argv: process.argv.slice(2), env: process.env, root });
} catch (error) {
  console.error(`✖ pnpm release: ${error.message}`);
  process.exit(2);
}

const step = (title, command, args) => {
  console.log(`\n▶ ${title}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' },
  });
  if (result.status !== 0) {
    console.error(`✖ ${title} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
};

console.log(
  `Registry: ${plan.registry ?? 'from the npm configuration'}; provenance: ${
    plan.provenance ? 'on' : 'off'
  }; dist-tag: ${plan.tag ?? 'latest'}`,
);
const turbo = ['exec', 'turbo', 'run'];
step('build', 'pnpm', [...turbo, 'build']);
if (plan.skipChecks) {
  console.log('\nAPI reports and package checks skipped (--skip-checks).');
} else {
  step('API reports', 'pnpm', [...turbo, 'api-report']);
  step('package checks', 'pnpm', ['--filter', '@avchatroom/release-checks', 'test']);
}
// pnpm publishes only the packages whose version the registry does not have yet,
// rewriting `workspace:` ranges to the versions being released.
rmSync(summaryFile, { force: true });
step('publish', 'pnpm', plan.publishArgs);
const published = existsSync(summaryFile)
  ? JSON.parse(readFileSync(summaryFile, 'utf8')).publishedPackages
  : [];
rmSync(summaryFile, { force: true });
step('tag', 'pnpm', ['exec', 'changeset', 'tag']);
console.log(
  published.length === 0
    ? '\n✔ Nothing new to publish.'
    : `\n✔ Published ${published
        .map(({ name, version }) => `${name}@${version}`)
        .join(', ')} under ${plan.tag ?? 'latest'}. Push the tags: git push --follow-tags`,
);
