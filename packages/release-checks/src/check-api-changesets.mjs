#!/usr/bin/env node
// Fails when the API report (api/*.api.md) of a published package changed since the base
// branch without a changeset naming that package.
//
// Base: `git merge-base HEAD <ref>`, where <ref> is API_CHANGESET_BASE when set (a branch,
// tag or commit) and otherwise the `baseBranch` of .changeset/config.json (or
// origin/<baseBranch> when there is no local branch of that name). On the base branch itself
// the base is HEAD, so only uncommitted changes count.
// Packages: any folder holding an api/*.api.md report (where each api-extractor.json writes it)
// next to a non-private package.json; there is no list of packages to keep up to date.
// Changed reports: those that differ between the base and the working tree (commits, staged,
// unstaged and untracked files). A new package (no package.json at the base) needs a changeset
// for its reports like any other change: its first release is one. A report added to a package
// that existed at the base without any report is the package adopting API reports, not an API
// change, and needs no changeset.
// Changesets: the .changeset/*.md files (README.md aside) added since the base, committed or
// not; a package counts as named by any release line of their front matter, such as
// `"@avchatroom/client": minor` (`none` included: an explicit "no release").
//
// Exit codes: 0 OK, 1 a package lacks a changeset, 2 the check could not run.
// Node built-ins only; run from anywhere inside the repository.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const NAME = 'check-api-changesets';
const REPORT_PATHSPEC = ':(glob)**/api/*.api.md';
const CHANGESET_PATHSPEC = ':(glob).changeset/*.md';
const RELEASE_LINE =
  /^\s*(?:"([^"]+)"|'([^']+)'|([^\s"'#][^:#]*?))\s*:\s*(major|minor|patch|none)\s*(?:#.*)?$/;

class CheckError extends Error {}

/** Runs git in `cwd` and returns its stdout; throws with git's stderr when it fails. */
const git = (cwd, args) => {
  try {
    return execFileSync('git', args, {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    const stderr = String(error.stderr ?? '').trim();
    throw new CheckError(`git ${args.join(' ')} failed${stderr ? `: ${stderr}` : ''}`);
  }
};

/** git answers yes or no (exit 0 or 1), such as `cat-file -e`. */
const gitSucceeds = (cwd, args) => {
  try {
    execFileSync('git', args, { cwd, stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

/** NUL-separated git output (`-z`) as a list of paths. */
const paths = (output) => output.split('\0').filter((entry) => entry !== '');

const readBaseBranch = (root) => {
  const configPath = path.join(root, '.changeset', 'config.json');
  if (!existsSync(configPath)) return 'main';
  const config = JSON.parse(readFileSync(configPath, 'utf8'));
  return typeof config.baseBranch === 'string' && config.baseBranch !== ''
    ? config.baseBranch
    : 'main';
};

const findBase = (root) => {
  const override = process.env.API_CHANGESET_BASE?.trim();
  const baseBranch = readBaseBranch(root);
  const candidates = override ? [override] : [baseBranch, `origin/${baseBranch}`];
  const ref = candidates.find((candidate) =>
    gitSucceeds(root, ['rev-parse', '--verify', '--quiet', `${candidate}^{commit}`]),
  );
  if (ref === undefined) {
    throw new CheckError(
      `cannot find ${candidates.join(' or ')} to compare with: fetch the base branch ` +
        `(git fetch origin ${baseBranch}) or set API_CHANGESET_BASE to a branch or commit`,
    );
  }
  return { ref, commit: git(root, ['merge-base', 'HEAD', ref]).trim() };
};

/** Paths matching `pathspec` that differ between `base` and the working tree, untracked included. */
const changedSince = (root, base, pathspec, diffFilter) => {
  const filter = diffFilter ? [`--diff-filter=${diffFilter}`] : [];
  const tracked = git(root, [
    'diff',
    '--name-only',
    '--no-renames',
    '-z',
    ...filter,
    base,
    '--',
    pathspec,
  ]);
  const untracked = git(root, ['ls-files', '--others', '--exclude-standard', '-z', '--', pathspec]);
  return [...new Set([...paths(tracked), ...paths(untracked)])].sort();
};

const existsAtBase = (root, base, file) => gitSucceeds(root, ['cat-file', '-e', `${base}:${file}`]);

/** The package.json next to the api/ folder, from the working tree or else from the base. */
const readPackageJson = (root, base, packageDir) => {
  const file = path.posix.join(packageDir, 'package.json');
  const onDisk = path.join(root, ...file.split('/'));
  if (existsSync(onDisk)) return JSON.parse(readFileSync(onDisk, 'utf8'));
  if (existsAtBase(root, base, file)) return JSON.parse(git(root, ['show', `${base}:${file}`]));
  return undefined;
};

/** Package names named in a changeset's front matter. */
const parseChangesetPackages = (contents) => {
  const frontMatter = /^\s*---([\s\S]*?)\n\s*---/.exec(contents);
  if (!frontMatter) return [];
  const names = [];
  for (const line of frontMatter[1].split(/\r?\n/)) {
    const match = RELEASE_LINE.exec(line);
    const name = match?.[1] ?? match?.[2] ?? match?.[3];
    if (name) names.push(name.trim());
  }
  return names;
};

const run = () => {
  const root = git(process.cwd(), ['rev-parse', '--show-toplevel']).trim();
  const base = findBase(root);
  const shortBase = base.commit.slice(0, 10);

  // Packages whose report changed, with the reports that changed.
  const changedPackages = new Map();
  for (const report of changedSince(root, base.commit, REPORT_PATHSPEC)) {
    const apiDir = path.posix.dirname(report);
    const packageDir = path.posix.dirname(apiDir);
    const manifest = readPackageJson(root, base.commit, packageDir);
    if (!manifest || manifest.private === true || typeof manifest.name !== 'string') continue;
    const isNewPackage = !existsAtBase(root, base.commit, `${packageDir}/package.json`);
    if (!isNewPackage && !existsAtBase(root, base.commit, report)) {
      const reportsAtBase = git(root, [
        'ls-tree',
        '--name-only',
        '-z',
        base.commit,
        '--',
        `${apiDir}/`,
      ]);
      if (!paths(reportsAtBase).some((file) => file.endsWith('.api.md'))) continue;
    }
    const reports = changedPackages.get(manifest.name) ?? [];
    reports.push(report);
    changedPackages.set(manifest.name, reports);
  }

  const named = new Set();
  for (const file of changedSince(root, base.commit, CHANGESET_PATHSPEC, 'A')) {
    if (path.posix.basename(file).toLowerCase() === 'readme.md') continue;
    const onDisk = path.join(root, ...file.split('/'));
    if (!existsSync(onDisk)) continue;
    for (const name of parseChangesetPackages(readFileSync(onDisk, 'utf8'))) named.add(name);
  }

  const missing = [...changedPackages].filter(([name]) => !named.has(name));
  if (missing.length === 0) {
    const checked = [...changedPackages.keys()];
    console.log(
      checked.length === 0
        ? `${NAME}: OK, no API report changed since ${base.ref} (${shortBase})`
        : `${NAME}: OK, the API changes of ${checked.join(', ')} come with changesets`,
    );
    return 0;
  }

  const lines = [
    `${NAME}: the public API changed without a changeset (compared with ${base.ref}, ${shortBase}):`,
    ...missing.map(([name, reports]) => `  - ${name}: ${reports.join(', ')}`),
    '',
    'Add a changeset naming each package above: run `pnpm changeset`, pick the package and the',
    'bump, describe the change for its users and commit the new .changeset/*.md file together',
    'with the updated report (`pnpm api-report:update` rewrites the reports).',
  ];
  console.error(lines.join('\n'));
  return 1;
};

try {
  process.exitCode = run();
} catch (error) {
  if (!(error instanceof CheckError)) throw error;
  console.error(`${NAME}: ${error.message}`);
  process.exitCode = 2;
}
