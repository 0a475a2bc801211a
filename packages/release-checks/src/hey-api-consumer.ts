import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { consumerTypeScript, createTarballProject } from './consumer-project.js';
import { type PackedPackage, workspaceRoot } from './published-packages.js';
import { isolatedEnv, runCommand } from './run-command.js';

/** The README whose "Generate your own client" section the project follows. */
export const openapiReadmePath: string = join(workspaceRoot, 'openapi/README.md');

/** A `ts` code block of the README that names its file on its first line (`// name.ts`). */
export interface ReadmeFile {
  name: string;
  text: string;
}

/** The README's `ts` blocks that start with `// <file>.ts`, the files a team writes. */
export const readmeFiles = (readme: string): ReadmeFile[] =>
  [...readme.matchAll(/```ts\n\/\/ ([\w.-]+\.ts)\n([\s\S]*?)```/g)].map(([text, name]) => ({
    name: name as string,
    text: text.slice('```ts\n'.length, -'```'.length),
  }));

/** The packages of the README's `npm install --save-dev ...` line, such as `typescript@5.9.3`. */
export const readmeDevDependencies = (readme: string): Record<string, string> => {
  const line = /^npm install --save-dev (.+)$/m.exec(readme)?.[1];
  if (!line) throw new Error('the README has no `npm install --save-dev` line');
  const entries = line.split(/\s+/).map((spec) => {
    const at = spec.lastIndexOf('@');
    if (at <= 0) throw new Error(`the README installs ${spec} without a version`);
    return [spec.slice(0, at), spec.slice(at + 1)] as const;
  });
  return Object.fromEntries(entries);
};

/** What a team's tsconfig for a Node ESM project says, at its strictest. */
const nodenextTsconfig = {
  compilerOptions: {
    strict: true,
    noUncheckedIndexedAccess: true,
    module: 'nodenext',
    moduleResolution: 'nodenext',
    target: 'ES2022',
    lib: ['ES2022', 'DOM', 'DOM.Iterable'],
    types: ['node'],
    skipLibCheck: false,
    rootDir: '.',
    outDir: 'build',
  },
  include: ['src', '*.ts'],
};

export interface HeyApiConsumer {
  /** Real path of the project, in os.tmpdir(). */
  dir: string;
  /** The files the README's blocks wrote, by name. */
  files: string[];
  /** The exact versions installed from the README's install line. */
  devDependencies: Record<string, string>;
  /** Milliseconds each step took. */
  timings: { installMs: number };
}

/**
 * A project outside the workspace that follows the openapi README's "Generate
 * your own client": the packed packages (@avchatroom/openapi, and the client
 * with its types for the createChatFetch variant), the README's dev
 * dependencies (hey-api, TypeScript) and @types/node, its files (the config and
 * the calls), and a strict `nodenext` tsconfig. Nothing is generated yet.
 */
export const installHeyApiConsumer = async (packages: PackedPackage[]): Promise<HeyApiConsumer> => {
  const readme = await readFile(openapiReadmePath, 'utf8');
  const files = readmeFiles(readme);
  const devDependencies = readmeDevDependencies(readme);
  const dir = await createTarballProject('avchatroom-hey-api-consumer', packages, {
    devDependencies: { ...devDependencies, '@types/node': '^20.19.0' },
  });
  try {
    await writeFile(join(dir, 'tsconfig.json'), `${JSON.stringify(nodenextTsconfig, null, 2)}\n`);
    for (const file of files) await writeFile(join(dir, file.name), file.text);
    const started = Date.now();
    await runCommand(
      'npm',
      ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'],
      // About 5 s from npm's cache: hey-api, TypeScript, @types/node and the tarballs.
      { cwd: dir, timeoutMs: 180_000, env: isolatedEnv() },
    );
    return {
      dir,
      files: files.map((file) => file.name),
      devDependencies,
      timings: { installMs: Date.now() - started },
    };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
};

/** Every file under `dir`, with its path relative to it. */
export const readTree = async (dir: string): Promise<Map<string, string>> => {
  const tree = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    tree.set(path.slice(dir.length + 1), await readFile(path, 'utf8'));
  }
  return tree;
};

/** TypeScript the workspace pins, which the README must install too. */
export const pinnedTypeScript: string = consumerTypeScript;
