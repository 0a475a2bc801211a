// The release proof: real releases to a real registry. Verdaccio runs on a free
// loopback port with temporary storage and no uplinks; a clone of this
// repository's HEAD (so no changeset, version or tag touches the checkout) is
// installed from the pnpm store, and in it, as the release workflow would:
//   1. the pending changesets are versioned (`pnpm version-packages`, the merged
//      version pull request) and `pnpm release` publishes every public package
//      to the registry (AVCHATROOM_REGISTRY), provenance off although the
//      workflow's NPM_CONFIG_PROVENANCE=true is set;
//   2. a project outside the workspace installs them with npm by semver range
//      (`^` of each version) from that registry and lists the demo room from the
//      installed emulator with the installed client;
//   3. a second changeset, `pnpm version-packages` and `pnpm release` publish the
//      next versions, and the project's `npm update` gets them;
//   4. releasing again publishes nothing;
//   5. a prerelease (`changeset pre enter next`) goes to the `next` dist-tag and
//      leaves `latest` alone (and `npm update` does not take it).
// The releases here pass --skip-checks: the API reports and the package checks
// run on the same commit in the same `pnpm test`. Timings and the consumer's
// install size are printed at the end.
import { writeFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type LocalRegistry, readPackument, startLocalRegistry } from './local-registry.js';
import { findPublishedPackages, formatKiB, type WorkspacePackage } from './published-packages.js';
import { createRegistryConsumer, type RegistryConsumer } from './registry-consumer.js';
import { copyRepository, type RepositoryCopy } from './repository-copy.js';
import { isolatedEnv, runCommand } from './run-command.js';

const publishedNames = [
  '@avchatroom/client',
  '@avchatroom/emulator',
  '@avchatroom/openapi',
  '@avchatroom/rate-limit-redis',
  '@avchatroom/types',
];

let registry: LocalRegistry | undefined;
let copy: RepositoryCopy | undefined;
let consumer: RegistryConsumer | undefined;
const timings: [string, number][] = [];
/** The last line of each release: what it published, under which dist-tag. */
const outcomes: string[] = [];
let installBytes: number | undefined;

const timed = async <T>(label: string, action: () => Promise<T>): Promise<T> => {
  const start = performance.now();
  try {
    return await action();
  } finally {
    timings.push([label, performance.now() - start]);
  }
};

const need = <T>(value: T | undefined, what: string): T => {
  if (value === undefined) throw new Error(`${what} did not start`);
  return value;
};

beforeAll(async () => {
  const [started, copied] = await Promise.allSettled([
    timed('start the registry', () => startLocalRegistry()),
    timed('clone and install the repository copy', () => copyRepository()),
  ]);
  if (started.status === 'fulfilled') registry = started.value;
  if (copied.status === 'fulfilled') copy = copied.value;
  for (const result of [started, copied]) if (result.status === 'rejected') throw result.reason;
  // The publishing user's token, as `npm login` would write it for that registry.
  const { dir, url, token } = need(registry, 'the registry');
  await writeFile(
    join(dir, 'publish.npmrc'),
    `${url.replace(/^https?:/, '')}:_authToken=${token}\n`,
  );
});

afterAll(async () => {
  const lines = timings.map(([label, ms]) => `  ${label}: ${(ms / 1000).toFixed(1)} s`);
  if (installBytes !== undefined) {
    lines.push(`  consumer node_modules: ${formatKiB(installBytes)} (${installBytes} B)`);
  }
  console.log(
    `Registry release flow:\n${lines.join('\n')}\nReleases:\n${outcomes.map((line) => `  ${line}`).join('\n')}`,
  );
  await Promise.all([registry?.stop(), copy?.remove(), consumer?.remove()]);
});

/** `pnpm release` in the copy, to the local registry, with the workflow's provenance switch on. */
const release = async (label: string): Promise<string> => {
  const { url, dir } = need(registry, 'the registry');
  const { stdout } = await timed(label, () =>
    need(copy, 'the copy').run('pnpm', ['release', '--skip-checks'], {
      env: {
        AVCHATROOM_REGISTRY: url,
        NPM_CONFIG_USERCONFIG: join(dir, 'publish.npmrc'),
        NPM_CONFIG_PROVENANCE: 'true',
      },
      timeoutMs: 240_000,
    }),
  );
  outcomes.push(`${label}: ${stdout.trim().split('\n').at(-1) ?? ''}`);
  return stdout;
};

/** `pnpm version-packages` in the copy, committed as a merged version pull request would be. */
const versionPackages = async (label: string): Promise<WorkspacePackage[]> => {
  const repository = need(copy, 'the copy');
  await timed(label, () => repository.run('pnpm', ['version-packages'], { timeoutMs: 120_000 }));
  await repository.commitAll(label);
  return findPublishedPackages(repository.dir);
};

/** Each package's versions and dist-tags on the registry. */
const registryState = async () => {
  const url = need(registry, 'the registry').url;
  const state: Record<string, { versions: string[]; tags: Record<string, string> }> = {};
  for (const name of publishedNames) {
    const packument = await readPackument(url, name);
    state[name] = {
      versions: Object.keys(packument?.versions ?? {}).sort(),
      tags: packument?.['dist-tags'] ?? {},
    };
  }
  return state;
};

const versionOf = (packages: WorkspacePackage[], name: string): string => {
  const pkg = packages.find((candidate) => candidate.name === name);
  if (!pkg) throw new Error(`${name} is not a published package`);
  return pkg.version;
};

const changedSince = (before: WorkspacePackage[], after: WorkspacePackage[]) =>
  after.filter((pkg) => versionOf(before, pkg.name) !== pkg.version);

/** Runs the installed client against the installed emulator's demo room. */
const listDemoRoom = async () => {
  const { dir } = need(consumer, 'the consumer');
  const { stdout } = await runCommand(process.execPath, ['list-emulator-members.mjs'], {
    cwd: dir,
    timeoutMs: 60_000,
    env: isolatedEnv(),
  });
  const result = JSON.parse(stdout) as {
    memberCount: number;
    truncated: boolean;
    resolved: Record<string, string>;
  };
  expect(result.memberCount).toBe(1000);
  expect(result.truncated).toBe(true);
  expect(Object.values(result.resolved).filter((path) => !path.startsWith(`${dir}${sep}`))).toEqual(
    [],
  );
};

// Each step is a build and a publish or an npm run: about 20 s here, far more on a busy machine.
describe.sequential('releases to a local Verdaccio', { timeout: 300_000 }, () => {
  let first: WorkspacePackage[] = [];
  let second: WorkspacePackage[] = [];

  test('pnpm release publishes the five public packages, provenance off', async () => {
    first = await versionPackages('version the pending changesets');
    expect(first.map((pkg) => pkg.name)).toEqual(publishedNames);
    const output = await release('release: first publish');
    expect(output).toContain('provenance: off; dist-tag: latest');
    for (const pkg of first) expect(output).toContain(`${pkg.name}@${pkg.version}`);
    // changeset tag, in the copy: a git tag per released version.
    const { stdout: tags } = await need(copy, 'the copy').run('git', [
      'tag',
      '--list',
      '@avchatroom/*',
    ]);
    expect(tags.split('\n')).toEqual(
      expect.arrayContaining(first.map((pkg) => `${pkg.name}@${pkg.version}`)),
    );
    const state = await registryState();
    for (const pkg of first) {
      expect(state[pkg.name], pkg.name).toEqual({
        versions: [pkg.version],
        tags: { latest: pkg.version },
      });
    }
  });

  test('a project outside the workspace installs them by semver range and lists the demo room', async () => {
    const { url } = need(registry, 'the registry');
    consumer = await createRegistryConsumer(url);
    const ranges = Object.fromEntries(first.map((pkg) => [pkg.name, `^${pkg.version}`]));
    const project = consumer;
    await timed('consumer: npm install', () =>
      project.npm([
        'install',
        ...Object.entries(ranges).map(([name, range]) => `${name}@${range}`),
      ]),
    );
    expect(await consumer.dependencyRanges()).toEqual(ranges);
    expect(await consumer.installedVersions(publishedNames)).toEqual(
      Object.fromEntries(first.map((pkg) => [pkg.name, pkg.version])),
    );
    for (const [name, tarball] of Object.entries(await consumer.lockedTarballs(publishedNames))) {
      expect(tarball, name).toMatch(new RegExp(`^${url.replace(/[.]/g, '\\.')}`));
    }
    installBytes = await consumer.installSize();
    await listDemoRoom();
  });

  test('a second changeset: version-packages and release publish the next version; npm update gets it', async () => {
    const repository = need(copy, 'the copy');
    const project = need(consumer, 'the consumer');
    await repository.addChangeset(
      'registry-test-fix',
      { '@avchatroom/client': 'patch' },
      'A fix, released by the registry test.',
    );
    second = await versionPackages('version the second changeset');
    const changed = changedSince(first, second);
    expect(changed.map((pkg) => pkg.name)).toContain('@avchatroom/client');
    const output = await release('release: next version');
    for (const pkg of changed) expect(output).toContain(`${pkg.name}@${pkg.version}`);
    const state = await registryState();
    for (const pkg of second) {
      const before = versionOf(first, pkg.name);
      expect(state[pkg.name], pkg.name).toEqual({
        versions: [...new Set([before, pkg.version])].sort(),
        tags: { latest: pkg.version },
      });
    }

    await timed('consumer: npm update', () => project.npm(['update']));
    const installed = await project.installedVersions(publishedNames);
    expect(installed['@avchatroom/client']).toBe(versionOf(second, '@avchatroom/client'));
    // Every package is at the newest version its range allows.
    const { stdout } = await project.npm(['outdated', '--json'], [0, 1]);
    const outdated = JSON.parse(stdout || '{}') as Record<
      string,
      { current: string; wanted: string }
    >;
    for (const [name, { current, wanted }] of Object.entries(outdated)) {
      expect(current, name).toBe(wanted);
    }
    await listDemoRoom();
  });

  test('releasing again publishes nothing', async () => {
    const before = await registryState();
    const output = await release('release: nothing new');
    expect(output).toContain('Nothing new to publish.');
    expect(await registryState()).toEqual(before);
  });

  test('a prerelease goes to the next dist-tag and leaves latest alone', async () => {
    const repository = need(copy, 'the copy');
    const project = need(consumer, 'the consumer');
    await repository.run('pnpm', ['exec', 'changeset', 'pre', 'enter', 'next']);
    await repository.addChangeset(
      'registry-test-feature',
      { '@avchatroom/client': 'minor' },
      'A feature, released as a prerelease by the registry test.',
    );
    const prerelease = await versionPackages('version the prerelease');
    const changed = changedSince(second, prerelease);
    expect(changed.map((pkg) => pkg.name)).toContain('@avchatroom/client');
    for (const pkg of changed) expect(pkg.version, pkg.name).toMatch(/-next\.0$/);
    const output = await release('release: prerelease');
    expect(output).toContain('dist-tag: next');
    const state = await registryState();
    for (const pkg of second) {
      const next = changed.find((candidate) => candidate.name === pkg.name)?.version;
      expect(state[pkg.name]?.tags, pkg.name).toEqual({
        latest: pkg.version,
        ...(next === undefined ? {} : { next }),
      });
    }
    const installedBefore = await project.installedVersions(publishedNames);
    await timed('consumer: npm update (prerelease out of range)', () => project.npm(['update']));
    expect(await project.installedVersions(publishedNames)).toEqual(installedBefore);
  });
});
