import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  consumerTypeScript,
  createTarballProject,
  npmInstallTarballProject,
} from './consumer-project.js';
import { openapiReadmePath, readmeDevDependencies } from './hey-api-consumer.js';
import { type PackedPackage, workspaceRoot } from './published-packages.js';
import {
  importedPackages,
  type ReadmeSnippet,
  snippetFile,
  snippetLocation,
} from './readme-snippets.js';
import { isolatedEnv, runCommand } from './run-command.js';

/** The preload that sends the regions' requests to the emulator (see the file). */
const redirectPreload = join(
  dirname(fileURLToPath(import.meta.url)),
  'readme-snippets',
  'redirect-to-emulator.mjs',
);

/** What a team's strict tsconfig says; the two module settings are added per file. */
const strictOptions = {
  strict: true,
  target: 'ES2022',
  // DOM for the fetch types hey-api's generated client names (BodyInit), as in the other consumers.
  lib: ['ES2022', 'DOM', 'DOM.Iterable'],
  types: ['node'],
  skipLibCheck: true,
  rootDir: '.',
};

/** The two module settings every block must compile under. */
export const snippetTsconfigs = {
  'tsconfig.nodenext.json': {
    module: 'nodenext',
    moduleResolution: 'nodenext',
    // This one emits: Node runs build/<file>.js.
    outDir: 'build',
  },
  'tsconfig.bundler.json': { module: 'preserve', moduleResolution: 'bundler', noEmit: true },
} as const;

export interface SnippetProject {
  /** Real path of the project, in os.tmpdir(). */
  dir: string;
  /** The tarballs installed in it. */
  packages: PackedPackage[];
  /** The complete blocks, with the file each is written to. */
  files: { snippet: ReadmeSnippet; file: string }[];
  timings: { installMs: number; generateMs: number };
}

const exactVersion = /^\d+\.\d+\.\d+$/;

/**
 * The version of each package the workspace depends on, an exact pin
 * preferred over a range (redis 6.3.1 of a devDependency over ^6.0.0 of a peer).
 */
const workspacePins = async (): Promise<Map<string, string>> => {
  const manifests = ['package.json', 'openapi/package.json'];
  for (const folder of ['packages', 'apps']) {
    for (const name of await readdir(join(workspaceRoot, folder))) {
      manifests.push(`${folder}/${name}/package.json`);
    }
  }
  const pins = new Map<string, string>();
  for (const path of manifests) {
    const text = await readFile(join(workspaceRoot, path), 'utf8').catch(() => undefined);
    if (text === undefined) continue;
    const manifest = JSON.parse(text) as Record<string, Record<string, string> | undefined>;
    for (const field of ['dependencies', 'devDependencies', 'peerDependencies']) {
      for (const [name, specifier] of Object.entries(manifest[field] ?? {})) {
        if (specifier.startsWith('workspace:')) continue;
        const known = pins.get(name);
        if (!known || (!exactVersion.test(known) && exactVersion.test(specifier))) {
          pins.set(name, specifier);
        }
      }
    }
  }
  return pins;
};

/**
 * The project's registry dependencies: every package a block imports that is
 * not one of ours, at the workspace's version; the peers of ours it imports; the openapi README's install
 * line (hey-api, TypeScript) where a block generates a client; @types/node for
 * `process.env`; and the TypeScript the workspace pins.
 */
const registryDependencies = async (
  snippets: ReadmeSnippet[],
  packages: PackedPackage[],
): Promise<Record<string, string>> => {
  const pins = await workspacePins();
  const ours = new Map(packages.map((pkg) => [pkg.name, pkg]));
  const dependencies: Record<string, string> = {
    '@types/node': pins.get('@types/node') ?? '^20.19.0',
    typescript: consumerTypeScript,
  };
  for (const snippet of snippets) {
    for (const name of importedPackages(snippet.code)) {
      const pkg = ours.get(name);
      if (pkg) {
        // Optional peers too (Prism for @avchatroom/openapi), as its README has users install them.
        for (const [peer, version] of Object.entries(pkg.manifest.peerDependencies ?? {})) {
          const pin = pins.get(peer);
          if (!ours.has(peer)) dependencies[peer] = pin && exactVersion.test(pin) ? pin : version;
        }
        continue;
      }
      if (name in dependencies) continue;
      const version = pins.get(name);
      if (!version) {
        throw new Error(
          `${snippetLocation(snippet)} imports ${name}, which no workspace package.json depends on`,
        );
      }
      dependencies[name] = version;
    }
  }
  if (snippets.some((snippet) => snippet.namedFile === 'openapi-ts.config.ts')) {
    Object.assign(dependencies, readmeDevDependencies(await readFile(openapiReadmePath, 'utf8')));
  }
  return dependencies;
};

/**
 * A project in os.tmpdir(), outside the workspace, with the packed tarballs
 * and the registry packages the blocks import, installed once with npm; each
 * complete block written as a file, the two tsconfigs, and the redirect
 * preload. Where a block is hey-api's config (`// openapi-ts.config.ts`), the
 * README's `npx openapi-ts` generates the client the other blocks import.
 */
export const installSnippetProject = async (
  packages: PackedPackage[],
  snippets: ReadmeSnippet[],
): Promise<SnippetProject> => {
  const complete = snippets.filter((snippet) => !snippet.fragment);
  const dir = await createTarballProject('avchatroom-readme-snippets', packages, {
    dependencies: await registryDependencies(complete, packages),
  });
  try {
    await mkdir(join(dir, 'snippets'));
    const files = complete.map((snippet) => ({ snippet, file: snippetFile(snippet) }));
    const seen = new Set<string>();
    for (const { snippet, file } of files) {
      if (seen.has(file))
        throw new Error(`${snippetLocation(snippet)}: a second block names ${file}`);
      seen.add(file);
      await writeFile(join(dir, file), snippet.code);
    }
    for (const [name, options] of Object.entries(snippetTsconfigs)) {
      const tsconfig = {
        compilerOptions: { ...strictOptions, ...options },
        files: files.map(({ file }) => file),
      };
      await writeFile(join(dir, name), `${JSON.stringify(tsconfig, null, 2)}\n`);
    }
    await copyFile(redirectPreload, join(dir, basename(redirectPreload)));
    const installStarted = Date.now();
    await npmInstallTarballProject(dir);
    const installMs = Date.now() - installStarted;
    const generateStarted = Date.now();
    if (seen.has('openapi-ts.config.ts')) {
      await runCommand('npx', ['openapi-ts'], { cwd: dir, timeoutMs: 120_000, env: isolatedEnv() });
    }
    return {
      dir,
      packages,
      files,
      timings: { installMs, generateMs: Date.now() - generateStarted },
    };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
};

/**
 * Runs `tsc -p <tsconfig>` in the project and maps each error to the README
 * line it comes from (`packages/client/README.md:14: error TS2322: ...`).
 */
export const compileSnippets = async (
  project: SnippetProject,
  tsconfig: keyof typeof snippetTsconfigs,
): Promise<string[]> => {
  const { stdout, stderr, exitCode } = await runCommand(
    join(project.dir, 'node_modules/.bin/tsc'),
    ['-p', tsconfig, '--pretty', 'false'],
    {
      cwd: project.dir,
      timeoutMs: 120_000,
      env: isolatedEnv(),
      okExitCodes: [0, 1, 2],
    },
  );
  const byFile = new Map(project.files.map(({ snippet, file }) => [file, snippet]));
  const errors = stdout
    .split('\n')
    .filter((line) => /error TS\d+/.test(line))
    .map((line) => {
      const match = /^(.+?)\((\d+),(\d+)\): (.*)$/.exec(line);
      const snippet = match && byFile.get(match[1] as string);
      if (!match || !snippet) return line;
      return `${snippet.readme}:${snippet.line + Number(match[2])}: ${match[4]}`;
    });
  // A failed run whose output has no `error TS` line still fails.
  if (exitCode !== 0 && errors.length === 0)
    errors.push(`tsc exited ${exitCode}: ${stdout}${stderr}`);
  return errors;
};

/**
 * Runs a compiled block with Node, the redirect preload first, and resolves
 * with its output; rejects (with both output streams) unless it exits 0
 * within `timeoutMs`.
 */
export const runSnippet = (
  project: SnippetProject,
  file: string,
  env: Record<string, string>,
  timeoutMs = 60_000,
) =>
  runCommand(
    process.execPath,
    ['--import', `./${basename(redirectPreload)}`, join('build', file.replace(/\.ts$/, '.js'))],
    { cwd: project.dir, timeoutMs, env: { ...isolatedEnv(), ...env } },
  );
