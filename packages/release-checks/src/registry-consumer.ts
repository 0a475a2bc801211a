import {
  copyFile,
  lstat,
  mkdtemp,
  readdir,
  readFile,
  realpath,
  rm,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isolatedEnv, type RunResult, runCommand } from './run-command.js';

/** The consumer that lists the demo room from the installed emulator (see src/consumer/). */
const listEmulatorMembers = join(
  dirname(fileURLToPath(import.meta.url)),
  'consumer',
  'list-emulator-members.mjs',
);

/**
 * A project in os.tmpdir(), outside the workspace, that gets the `@avchatroom`
 * scope from the given registry, as a team does with a scoped registry line in
 * its .npmrc, and every other package from its usual npm registry (the local
 * registry has no uplinks, so it serves only what was published to it).
 */
export interface RegistryConsumer {
  dir: string;
  npm: (args: string[], okExitCodes?: number[]) => Promise<RunResult>;
  /** `version` of each installed package, by name. */
  installedVersions: (names: string[]) => Promise<Record<string, string>>;
  /** The ranges package.json depends on, by name. */
  dependencyRanges: () => Promise<Record<string, string>>;
  /** Where package-lock.json says each package was downloaded from. */
  lockedTarballs: (names: string[]) => Promise<Record<string, string | undefined>>;
  /** Bytes of every file under node_modules. */
  installSize: () => Promise<number>;
  remove: () => Promise<void>;
}

const folderBytes = async (dir: string): Promise<number> => {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += await folderBytes(path);
    else if (entry.isFile()) total += (await lstat(path)).size;
  }
  return total;
};

export const createRegistryConsumer = async (registry: string): Promise<RegistryConsumer> => {
  const dir = await realpath(await mkdtemp(join(tmpdir(), 'avchatroom-registry-consumer-')));
  const manifest = { name: 'avchatroom-registry-consumer', private: true, type: 'module' };
  await writeFile(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  // The lockfile keeps download URLs here, whatever the user's npm config says,
  // so the test can see that the scope came from the local registry.
  await writeFile(
    join(dir, '.npmrc'),
    `@avchatroom:registry=${registry}\nomit-lockfile-registry-resolved=false\n`,
  );
  await copyFile(listEmulatorMembers, join(dir, 'list-emulator-members.mjs'));
  const readJson = async <T>(file: string): Promise<T> =>
    JSON.parse(await readFile(join(dir, file), 'utf8')) as T;
  return {
    dir,
    npm: (args, okExitCodes) =>
      runCommand('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], {
        cwd: dir,
        env: isolatedEnv(),
        timeoutMs: 180_000,
        ...(okExitCodes ? { okExitCodes } : {}),
      }),
    installedVersions: async (names) => {
      const versions: Record<string, string> = {};
      for (const name of names) {
        versions[name] = (
          await readJson<{ version: string }>(join('node_modules', name, 'package.json'))
        ).version;
      }
      return versions;
    },
    dependencyRanges: async () =>
      (await readJson<{ dependencies?: Record<string, string> }>('package.json')).dependencies ??
      {},
    lockedTarballs: async (names) => {
      const lock = await readJson<{ packages: Record<string, { resolved?: string }> }>(
        'package-lock.json',
      );
      return Object.fromEntries(
        names.map((name) => [name, lock.packages[`node_modules/${name}`]?.resolved]),
      );
    },
    installSize: () => folderBytes(join(dir, 'node_modules')),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
};
