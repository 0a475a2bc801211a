// The GitHub workflows: both pass action-validator (the workflow schema), and
// keep what the release depends on. The essentials are checked on the text
// (no YAML parser is a dependency here), one setting per line as written.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, test } from 'vitest';
import { publishPlan, registryVariable } from './publish-plan.mjs';
import { workspaceRoot } from './published-packages.js';
import { isolatedEnv, runCommand } from './run-command.js';

const workflowsDir = join(workspaceRoot, '.github', 'workflows');
/** Every workflow in the folder is validated, not only the two this file knows. */
const workflowFiles = readdirSync(workflowsDir).filter((file) => /\.ya?ml$/.test(file));
const read = (file: string): string => readFileSync(join(workflowsDir, file), 'utf8');

const actionValidatorBin = (): string => {
  const require = createRequire(import.meta.url);
  const manifestPath = require.resolve('@action-validator/cli/package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    bin: { 'action-validator': string };
  };
  return join(dirname(manifestPath), manifest.bin['action-validator']);
};

interface ValidatorError {
  code?: string;
  path?: string;
  title?: string;
  detail?: string;
  states?: { errors: ValidatorError[] }[];
}

/** One line per error, nested `one_of` alternatives included. */
const formatErrors = (errors: ValidatorError[], indent = ''): string[] =>
  errors.flatMap((error) => [
    `${indent}${error.path ?? ''}: ${error.title ?? error.code ?? 'error'}${error.detail ? ` (${error.detail})` : ''}`,
    ...(error.states ?? []).flatMap((state, index) => [
      `${indent}  alternative ${index + 1}:`,
      ...formatErrors(state.errors, `${indent}    `),
    ]),
  ]);

/** Lines of `run:` commands, in order. */
const runCommands = (text: string): string[] =>
  [...text.matchAll(/^\s+(?:- )?run: (.+)$/gm)].map((match) => match[1]?.trim() ?? '');

describe.concurrent('GitHub workflows', () => {
  test('ci.yml and release.yml are there', ({ expect }) => {
    expect(workflowFiles).toEqual(expect.arrayContaining(['ci.yml', 'release.yml']));
  });

  test.for(workflowFiles)('%s passes action-validator', async (file, { expect }) => {
    const { exitCode, stdout, stderr } = await runCommand(
      process.execPath,
      [actionValidatorBin(), join(workflowsDir, file)],
      { cwd: workspaceRoot, timeoutMs: 30_000, env: isolatedEnv(), okExitCodes: [0, 1] },
    );
    let problems: string[] = [];
    if (exitCode !== 0) {
      try {
        problems = formatErrors((JSON.parse(stderr) as { errors: ValidatorError[] }).errors);
      } catch {
        problems = [`exit code ${exitCode}`, stdout, stderr];
      }
    }
    expect(problems, `action-validator found errors in ${file}`).toEqual([]);
  });

  test.for(workflowFiles)('%s pins every action by major version', (file, { expect }) => {
    const uses = [...read(file).matchAll(/^\s+(?:- )?uses: (\S+)$/gm)].map((match) => match[1]);
    expect(uses.length).toBeGreaterThan(0);
    expect(uses.filter((action) => !/^[\w.-]+\/[\w.-]+@v\d+$/.test(action ?? ''))).toEqual([]);
  });

  test.for(['ci.yml', 'release.yml'])(
    '%s installs the pinned pnpm and the frozen lockfile',
    (file, { expect }) => {
      const commands = runCommands(read(file));
      expect(commands).toContain(
        `npm install --global "pnpm@$(node -p "require('./package.json').packageManager.replace(/^pnpm@/, '')")"`,
      );
      expect(commands).toContain('pnpm install --frozen-lockfile');
      expect(read(file)).toMatch(/^\s+node-version: 20$/m);
      // The default registry: no registry URL written into the workflow.
      expect(read(file)).not.toMatch(/^\s+registry-url:/m);
    },
  );

  test('ci runs on push and pull_request: install, pnpm test, then pnpm test:runtimes', ({
    expect,
  }) => {
    const ci = read('ci.yml');
    expect(ci).toMatch(/^on:\n {2}push:\n {2}pull_request:\n/m);
    const commands = runCommands(ci);
    const order = ['pnpm install --frozen-lockfile', 'pnpm test', 'pnpm test:runtimes'].map(
      (command) => commands.indexOf(command),
    );
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  test("ci caches turbo's cache, keyed on the lockfile and the commit", ({ expect }) => {
    const ci = read('ci.yml');
    expect(ci).toMatch(/uses: actions\/cache@v\d+/);
    expect(ci).toMatch(/^\s+\.turbo$/m);
    expect(ci).toMatch(/^\s+node_modules\/\.cache\/turbo$/m);
    expect(ci).toMatch(/key: .*hashFiles\('pnpm-lock\.yaml'\).*\$\{\{ github\.sha \}\}/);
  });

  test('release runs changesets/action on push to main, with provenance', ({ expect }) => {
    const release = read('release.yml');
    expect(release).toMatch(/^on:\n {2}push:\n {4}branches:\n {6}- main\n/m);
    const permissions = /^permissions:\n((?: {2}.*\n)+)/m.exec(release)?.[1] ?? '';
    for (const permission of ['contents: write', 'pull-requests: write', 'id-token: write']) {
      expect(permissions).toContain(permission);
    }
    expect(release).toMatch(/uses: changesets\/action@v\d+/);
    expect(release).toMatch(/^\s+version: pnpm version-packages$/m);
    expect(release).toMatch(/^\s+publish: pnpm release$/m);
    expect(release).toMatch(/^\s+GITHUB_TOKEN: \$\{\{ secrets\.GITHUB_TOKEN \}\}$/m);
    expect(release).toMatch(/^\s+NPM_TOKEN: \$\{\{ secrets\.NPM_TOKEN \}\}$/m);
    expect(release).toMatch(/^\s+NPM_CONFIG_PROVENANCE: true$/m);
  });

  test("release's environment makes pnpm release publish with provenance, to the default registry", ({
    expect,
  }) => {
    const release = read('release.yml');
    const env = Object.fromEntries(
      [...release.matchAll(/^\s+([A-Z_]+): (\S+)$/gm)].map((match) => [match[1], match[2]]),
    );
    expect(env[registryVariable]).toBeUndefined();
    const plan = publishPlan({ argv: [], env, root: workspaceRoot });
    expect(plan.provenance).toBe(true);
    expect(plan.publishArgs).toContain('--provenance');
    expect(plan.publishArgs).not.toContain('--registry');
    expect(plan.skipChecks).toBe(false);
  });
});
