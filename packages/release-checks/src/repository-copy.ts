import { mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { workspaceRoot } from './published-packages.js';
import { isolatedEnv, type RunResult, runCommand } from './run-command.js';

/**
 * A clone of this repository's HEAD commit in os.tmpdir(), installed from the
 * pnpm store, where changesets, versions, tags and releases are made without
 * touching the real checkout. Uncommitted changes are not in it: it is what
 * a push would release.
 */
export interface RepositoryCopy {
  dir: string;
  /** Runs a command in the copy with the isolated environment plus `env`. */
  run: (
    file: string,
    args: string[],
    options?: { env?: NodeJS.ProcessEnv; timeoutMs?: number },
  ) => Promise<RunResult>;
  /** Writes a changeset (`.changeset/NAME.md`) releasing `releases`. */
  addChangeset: (name: string, releases: Record<string, string>, summary: string) => Promise<void>;
  /** Commits every change in the copy, as merging a pull request would. */
  commitAll: (message: string) => Promise<void>;
  remove: () => Promise<void>;
}

/** The isolated environment without the outer turbo run's variables (a nested turbo reads them). */
const copyEnv = (): NodeJS.ProcessEnv => {
  const env = isolatedEnv();
  for (const name of Object.keys(env)) {
    if (name.startsWith('TURBO_')) delete env[name];
  }
  return { ...env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' };
};

export const copyRepository = async (): Promise<RepositoryCopy> => {
  const dir = await realpath(await mkdtemp(join(tmpdir(), 'avchatroom-release-copy-')));
  const run: RepositoryCopy['run'] = (file, args, options = {}) =>
    runCommand(file, args, {
      cwd: dir,
      env: { ...copyEnv(), ...options.env },
      timeoutMs: options.timeoutMs ?? 60_000,
    });
  const git = (...args: string[]) => run('git', args);
  try {
    await runCommand('git', ['clone', '--quiet', workspaceRoot, dir], {
      cwd: tmpdir(),
      env: copyEnv(),
      timeoutMs: 60_000,
    });
    await git('config', 'user.name', 'Release test');
    await git('config', 'user.email', 'release-test@example.invalid');
    await git('config', 'commit.gpgsign', 'false');
    await git('config', 'tag.gpgsign', 'false');
    // Everything comes from the store the workspace was installed from.
    await run('pnpm', ['install', '--offline', '--frozen-lockfile'], { timeoutMs: 180_000 });
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    dir,
    run,
    addChangeset: (name, releases, summary) =>
      writeFile(
        join(dir, '.changeset', `${name}.md`),
        [
          '---',
          ...Object.entries(releases).map(([pkg, bump]) => `"${pkg}": ${bump}`),
          '---',
          '',
          summary,
          '',
        ].join('\n'),
      ),
    commitAll: async (message) => {
      await git('add', '-A');
      await git('commit', '--quiet', '--no-verify', '--allow-empty', '-m', message);
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
};
