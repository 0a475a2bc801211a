#!/usr/bin/env node
// `pnpm release [--dry-run]`: builds every package, runs the package checks
// (API reports, publint and attw on the packed tarballs, the install-from-tarball
// test, the workflows), then publishes each public package whose version is not
// on the registry yet, and tags the release with changesets. `--dry-run` goes
// through every step but publishes nothing and tags nothing.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const { values } = parseArgs({ options: { 'dry-run': { type: 'boolean', default: false } } });
const dryRun = values['dry-run'];

const step = (title, command, args) => {
  console.log(`\n▶ ${title}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' },
  });
  if (result.status !== 0) {
    console.error(
      `✖ ${title} failed (exit ${result.status ?? result.signal}); nothing was published.`,
    );
    process.exit(result.status ?? 1);
  }
};

const turbo = ['exec', 'turbo', 'run'];
step('build', 'pnpm', [...turbo, 'build']);
step('API reports', 'pnpm', [...turbo, 'api-report']);
step('package checks', 'pnpm', ['--filter', '@avchatroom/release-checks', 'test']);
// pnpm publishes only the packages whose version the registry does not have yet,
// rewriting `workspace:` ranges to the versions being released.
step('publish', 'pnpm', [
  '--recursive',
  'publish',
  '--access',
  'public',
  '--no-git-checks',
  ...(dryRun ? ['--dry-run'] : []),
]);
if (dryRun) {
  console.log('\n✔ Dry run complete: nothing was published or tagged.');
} else {
  step('tag', 'pnpm', ['exec', 'changeset', 'tag']);
  console.log('\n✔ Released. Push the tags: git push --follow-tags');
}
