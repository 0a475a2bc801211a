import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { publint } from 'publint';
import { formatMessage, formatMessagePath } from 'publint/utils';
import type { PackedPackage } from './published-packages.js';
import { isolatedEnv, runCommand } from './run-command.js';

/**
 * publint on the packed tarball (the files a consumer gets, not the package
 * directory). Every message counts, suggestions included: the packages are
 * clean at every level today, and a deliberate exception belongs in this file
 * with its reason. Returns one readable line per problem.
 */
export const publintProblems = async (pkg: PackedPackage): Promise<string[]> => {
  const data = readFileSync(pkg.tarball);
  const tarball = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength);
  const { messages, pkg: manifest } = await publint({
    pack: { tarball: tarball as ArrayBuffer },
    level: 'suggestion',
    strict: true,
  });
  return messages.map(
    (message) =>
      `${message.type} ${message.code} at ${formatMessagePath(message.path)}: ${
        formatMessage(message, manifest, { color: false }) ?? ''
      }`,
  );
};

/**
 * The attw profile, chosen deliberately: `node16`, with the one rule that
 * predates require(esm) switched off.
 *
 * - `esm-only` would ignore the whole `node16-cjs` column, i.e. everything a
 *   CommonJS consumer sees. But our `engines` say Node >= 20.19, where
 *   `require()` of an ES module without top-level await works unflagged, so
 *   CommonJS consumers are supported and their resolution (an entrypoint that
 *   does not resolve, untyped, false CJS/ESM) should still be checked.
 * - Plain `node16` fails every ESM-only package with `CJSResolvesToESM`
 *   ("require of ESM is an error in Node"), which is no longer true on our
 *   engines; attw 0.18.5 runs TypeScript 5.6, which predates require(esm)
 *   (TypeScript 5.8+ accepts it under `module: nodenext`, 5.9 also under
 *   `node20`). So that
 *   rule is ignored, and the pack test proves the real thing instead: it
 *   `require()`s the installed tarballs from a `.cjs` file on Node 20.19+.
 * - `node10` (no `exports` support) is ignored by `node16` itself: TypeScript's
 *   `moduleResolution: node10` cannot see subpath exports, and our packages
 *   are exports-only.
 */
export const attwProfile = { profile: 'node16', ignoreRules: ['cjs-resolves-to-esm'] } as const;

const ignoredResolutions = new Set(['node10']);
const ignoredProblemKinds = new Set(['CJSResolvesToESM']);

/**
 * Exported files that are data, not modules (the bundled spec as YAML, the
 * HTML reference page): TypeScript resolves no import of them in any mode, so
 * attw would report NoResolution for them whatever the packaging. JavaScript,
 * declaration and JSON targets are all checked.
 */
const dataEntrypoints = (exportsField: unknown): string[] => {
  if (!exportsField || typeof exportsField !== 'object') return [];
  return Object.entries(exportsField as Record<string, unknown>)
    .filter(
      ([, target]) => typeof target === 'string' && !/\.([cm]?js|json|d\.[cm]?ts)$/.test(target),
    )
    .map(([subpath]) => subpath);
};

const attwBin = (): string => {
  const require = createRequire(import.meta.url);
  const manifestPath = require.resolve('@arethetypeswrong/cli/package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { bin: { attw: string } };
  return join(dirname(manifestPath), manifest.bin.attw);
};

interface AttwProblem {
  kind: string;
  entrypoint?: string;
  resolutionKind?: string;
}

interface AttwJson {
  analysis: { types: unknown; problems?: AttwProblem[] };
}

/**
 * @arethetypeswrong/cli on the packed tarball, with `attwProfile`. Returns one
 * line per problem, each with its documentation page. attw's entrypoints are
 * the `exports` subpaths only: a `bin` (the emulator's `avchatroom-emulator`)
 * is a program, not an import, and is not one of them. publint checks that the
 * bin file is packed, starts with a shebang and has the module format its
 * extension says; the pack test runs it.
 */
export const attwProblems = async (pkg: PackedPackage): Promise<string[]> => {
  const excluded = dataEntrypoints(pkg.manifest.exports);
  const args = [
    attwBin(),
    pkg.tarball,
    '--format',
    'json',
    '--profile',
    attwProfile.profile,
    '--ignore-rules',
    ...attwProfile.ignoreRules,
    // Our packages ship their own types; never look for @types on the network.
    '--no-definitely-typed',
    ...(excluded.length > 0 ? ['--exclude-entrypoints', ...excluded] : []),
  ];
  const { stdout, exitCode } = await runCommand(process.execPath, args, {
    cwd: dirname(pkg.tarball),
    timeoutMs: 60_000,
    env: isolatedEnv(),
    okExitCodes: [0, 1],
  });
  const { analysis } = JSON.parse(stdout) as AttwJson;
  if (!analysis.types) return ['attw found no types in the package'];
  const problems = (analysis.problems ?? [])
    .filter((problem) => !ignoredProblemKinds.has(problem.kind))
    .filter((problem) => !ignoredResolutions.has(problem.resolutionKind ?? ''))
    .map(
      (problem) =>
        `${problem.kind} at ${problem.entrypoint ?? '(package)'}${
          problem.resolutionKind ? ` (${problem.resolutionKind})` : ''
        }: https://github.com/arethetypeswrong/arethetypeswrong.github.io/blob/main/docs/problems/${problem.kind}.md`,
    );
  if (problems.length === 0 && exitCode !== 0) {
    return [`attw exited with ${exitCode} but reported no problem outside the profile`];
  }
  return problems;
};
