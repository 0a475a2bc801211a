import {
  copyFile,
  lstat,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  realpath,
  rm,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PackageManifest, PackedPackage } from './published-packages.js';
import { isolatedEnv, runCommand } from './run-command.js';

/** The consumer sources copied into the project (see src/consumer/). */
const fixturesDir = join(dirname(fileURLToPath(import.meta.url)), 'consumer');

/** TypeScript the consumer project compiles with, pinned like the workspace's. */
export const consumerTypeScript = '5.9.3';

const strictCompilerOptions = {
  strict: true,
  noUncheckedIndexedAccess: true,
  // Check our shipped .d.mts files (and what they pull in), not only the consumer.
  skipLibCheck: false,
  noEmit: true,
  target: 'ES2022',
  lib: ['ES2022', 'DOM', 'DOM.Iterable'],
  // No ambient @types: the packages' declarations must stand on their own.
  types: [],
};

/** One tsconfig per module resolution a consumer may use. */
export const consumerTsconfigs = {
  'tsconfig.node16.json': { module: 'node16', moduleResolution: 'node16' },
  'tsconfig.bundler.json': { module: 'esnext', moduleResolution: 'bundler' },
} as const;

export interface ConsumerProject {
  /** Real path of the project, in os.tmpdir(). */
  dir: string;
  packages: PackedPackage[];
}

/**
 * A new project in os.tmpdir() (outside the workspace, so Node's and
 * TypeScript's lookups never reach its node_modules) whose package.json
 * depends on the packed tarballs, copied into its `tarballs/` folder, and on
 * `extra` fields of the manifest. Nothing is installed yet; on failure the
 * folder is removed.
 */
export const createTarballProject = async (
  name: string,
  packages: PackedPackage[],
  extra: { dependencies?: Record<string, string>; devDependencies?: Record<string, string> } = {},
): Promise<string> => {
  const dir = await realpath(await mkdtemp(join(tmpdir(), `${name}-`)));
  try {
    await mkdir(join(dir, 'tarballs'));
    const dependencies: Record<string, string> = {};
    for (const pkg of packages) {
      const tarball = basename(pkg.tarball);
      await copyFile(pkg.tarball, join(dir, 'tarballs', tarball));
      dependencies[pkg.name] = `file:./tarballs/${tarball}`;
    }
    const manifest = {
      name,
      private: true,
      type: 'module',
      dependencies: { ...dependencies, ...extra.dependencies },
      ...(extra.devDependencies && { devDependencies: extra.devDependencies }),
    };
    await writeFile(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return dir;
};

/** Installs a tarball project with npm, quietly and without install scripts. */
export const npmInstallTarballProject = (dir: string) =>
  runCommand(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--ignore-scripts',
      '--prefer-offline',
      '--loglevel=error',
    ],
    // The tarballs and their few registry packages take about 5 s.
    { cwd: dir, timeoutMs: 180_000, env: isolatedEnv() },
  );

/**
 * Creates a project in os.tmpdir() (outside the workspace, so Node's and
 * TypeScript's lookups never reach its node_modules) that depends on the packed
 * tarballs, copied in, and on TypeScript; installs it with npm; and copies the
 * consumer sources in.
 */
export const installConsumerProject = async (
  packages: PackedPackage[],
): Promise<ConsumerProject> => {
  const dir = await createTarballProject('avchatroom-pack-consumer', packages, {
    devDependencies: { typescript: consumerTypeScript },
  });
  try {
    for (const [file, options] of Object.entries(consumerTsconfigs)) {
      const tsconfig = {
        compilerOptions: { ...strictCompilerOptions, ...options },
        files: ['consumer.ts'],
      };
      await writeFile(join(dir, file), `${JSON.stringify(tsconfig, null, 2)}\n`);
    }
    for (const file of await readdir(fixturesDir)) {
      await copyFile(join(fixturesDir, file), join(dir, file));
    }
    await npmInstallTarballProject(dir);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return { dir, packages };
};

const dependencyFields = [
  'dependencies',
  'devDependencies',
  'peerDependencies',
  'optionalDependencies',
] as const;

/** Package directories under a node_modules folder, scoped ones included, recursively. */
const installedPackageDirs = async (nodeModules: string): Promise<string[]> => {
  const dirs: string[] = [];
  const entries = await readdir(nodeModules, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(nodeModules, entry.name);
    if (entry.name.startsWith('@')) {
      for (const scoped of await readdir(path, { withFileTypes: true })) {
        dirs.push(join(path, scoped.name));
      }
    } else {
      dirs.push(path);
    }
  }
  const nested = await Promise.all(
    dirs.map((dir) => installedPackageDirs(join(dir, 'node_modules'))),
  );
  return [...dirs, ...nested.flat()];
};

/**
 * Everything that shows the install is not self-contained: a published package
 * that is a link or resolves outside the project, a different version than
 * packed, a second copy of a published package (say the emulator's own
 * @avchatroom/openapi, fetched because the packed version is outside its
 * range), a `workspace:` or `link:` specifier in any installed package.json,
 * or a lockfile entry of a published package that is linked or not the copied
 * tarball. Empty when the project is sealed.
 */
export const isolationProblems = async (project: ConsumerProject): Promise<string[]> => {
  const problems: string[] = [];
  const inside = (path: string) => path.startsWith(`${project.dir}${sep}`);
  for (const pkg of project.packages) {
    const installed = join(project.dir, 'node_modules', ...pkg.name.split('/'));
    const stats = await lstat(installed).catch(() => undefined);
    if (!stats) {
      problems.push(`${pkg.name} is not installed`);
      continue;
    }
    if (stats.isSymbolicLink()) problems.push(`${pkg.name} is installed as a symlink`);
    const real = await realpath(installed);
    if (!inside(real)) problems.push(`${pkg.name} resolves outside the project: ${real}`);
    const manifest = JSON.parse(
      await readFile(join(real, 'package.json'), 'utf8'),
    ) as PackageManifest;
    if (manifest.version !== pkg.version) {
      problems.push(`${pkg.name} is installed at ${manifest.version}, packed at ${pkg.version}`);
    }
  }
  const packedNames = new Set(project.packages.map((pkg) => pkg.name));
  const topLevelDir = (name: string) => join(project.dir, 'node_modules', ...name.split('/'));
  for (const dir of await installedPackageDirs(join(project.dir, 'node_modules'))) {
    const text = await readFile(join(dir, 'package.json'), 'utf8').catch(() => undefined);
    if (text === undefined) continue;
    const manifest = JSON.parse(text) as PackageManifest;
    if (packedNames.has(manifest.name) && dir !== topLevelDir(manifest.name)) {
      problems.push(
        `${relative(project.dir, dir)} is a second copy of ${manifest.name} (${manifest.version}), not the packed tarball`,
      );
    }
    for (const field of dependencyFields) {
      for (const [name, specifier] of Object.entries(manifest[field] ?? {})) {
        if (/^(workspace|link):/.test(specifier)) {
          problems.push(
            `${relative(project.dir, dir)}/package.json ${field}.${name} is ${specifier}`,
          );
        }
      }
    }
  }
  const lock = JSON.parse(await readFile(join(project.dir, 'package-lock.json'), 'utf8')) as {
    packages?: Record<string, { link?: boolean; resolved?: string }>;
  };
  for (const [path, entry] of Object.entries(lock.packages ?? {})) {
    if (entry.link) problems.push(`package-lock.json: ${path} is a link to ${entry.resolved}`);
  }
  for (const pkg of project.packages) {
    const path = `node_modules/${pkg.name}`;
    const resolved = lock.packages?.[path]?.resolved;
    if (resolved !== `file:tarballs/${basename(pkg.tarball)}`) {
      problems.push(`package-lock.json: ${path} is resolved from ${resolved}, not its tarball`);
    }
  }
  return problems;
};
