import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCommand } from './run-command.js';
import { readTarball, type TarballFiles } from './tarball.js';

/** The workspace root (this file is packages/release-checks/src/published-packages.ts). */
export const workspaceRoot: string = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export interface WorkspacePackage {
  name: string;
  version: string;
  dir: string;
}

export interface PackageManifest {
  name: string;
  version: string;
  exports?: unknown;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

export interface PackedPackage extends WorkspacePackage {
  /** Absolute path of the `.tgz`. */
  tarball: string;
  /** Size of the `.tgz` in bytes (what the registry stores and consumers download). */
  packedBytes: number;
  /** Sum of the packed files' sizes in bytes. */
  unpackedBytes: number;
  files: TarballFiles;
  /** package.json as packed, with `workspace:` specifiers already rewritten by pnpm. */
  manifest: PackageManifest;
}

interface PnpmListEntry {
  name?: string;
  version?: string;
  path: string;
  private?: boolean;
}

/**
 * Every non-private workspace package, as pnpm sees the workspace
 * (pnpm-workspace.yaml's globs), sorted by name; of this workspace or of a copy at `root`.
 */
export const findPublishedPackages = async (root = workspaceRoot): Promise<WorkspacePackage[]> => {
  const { stdout } = await runCommand('pnpm', ['ls', '-r', '--json', '--depth', '-1'], {
    cwd: root,
    timeoutMs: 30_000,
  });
  const entries = JSON.parse(stdout) as PnpmListEntry[];
  return entries
    .filter((entry) => entry.private !== true && entry.path !== root)
    .map((entry) => {
      if (!entry.name || !entry.version) {
        throw new Error(`${entry.path} is not private but has no name or version`);
      }
      return { name: entry.name, version: entry.version, dir: entry.path };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
};

/** Export targets under ./dist/ that are missing: the package was not built. */
const missingBuildOutput = async (dir: string): Promise<string[]> => {
  const manifest = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as {
    exports?: unknown;
  };
  const targets = new Set<string>();
  const collect = (value: unknown): void => {
    if (typeof value === 'string') targets.add(value);
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  collect(manifest.exports);
  return [...targets].filter(
    (target) => target.startsWith('./dist/') && !existsSync(join(dir, target)),
  );
};

/**
 * Packs one package with `pnpm pack` (which rewrites `workspace:` specifiers to
 * the versions being released, as `pnpm publish` does) into `destination`.
 */
export const packPackage = async (
  pkg: WorkspacePackage,
  destination: string,
): Promise<PackedPackage> => {
  const missing = await missingBuildOutput(pkg.dir);
  if (missing.length > 0) {
    throw new Error(
      `${pkg.name} is not built (missing ${missing.join(', ')}): run \`pnpm build\` at the root first (\`pnpm test\` does)`,
    );
  }
  const { stdout } = await runCommand(
    'pnpm',
    ['pack', '--json', '--pack-destination', destination],
    {
      cwd: pkg.dir,
      timeoutMs: 60_000,
    },
  );
  const { filename } = JSON.parse(stdout) as { filename: string };
  const tarball = resolve(destination, filename);
  const gzipped = await readFile(tarball);
  const files = readTarball(gzipped);
  const manifestFile = files.get('package/package.json');
  if (!manifestFile) throw new Error(`${tarball} has no package/package.json`);
  let unpackedBytes = 0;
  for (const data of files.values()) unpackedBytes += data.length;
  return {
    ...pkg,
    tarball,
    packedBytes: (await stat(tarball)).size,
    unpackedBytes,
    files,
    manifest: JSON.parse(manifestFile.toString('utf8')) as PackageManifest,
  };
};

/** Packs every published package once, one after the other (pnpm pack takes a fraction of a second). */
export const packPublishedPackages = async (destination: string): Promise<PackedPackage[]> => {
  const packed: PackedPackage[] = [];
  for (const pkg of await findPublishedPackages()) packed.push(await packPackage(pkg, destination));
  return packed;
};

export const formatKiB = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;
