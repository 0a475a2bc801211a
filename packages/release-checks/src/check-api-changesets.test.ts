import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('./check-api-changesets.mjs', import.meta.url));

// Each case is a few git commands and one Node process on a tiny repository.
const TIMEOUT = 20_000;

// Variables that would point git, or the check, elsewhere than the temporary repository.
const cleanEnv = (): NodeJS.ProcessEnv => {
  const env = { ...process.env };
  for (const name of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'API_CHANGESET_BASE']) {
    delete env[name];
  }
  return env;
};

let repo: string;

const write = (file: string, contents: string) => {
  const target = path.join(repo, file);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, contents);
};

const git = (...args: string[]) =>
  execFileSync('git', args, { cwd: repo, env: cleanEnv(), stdio: 'pipe', timeout: TIMEOUT });

const commitAll = (message: string) => {
  git('add', '-A');
  git('commit', '--quiet', '--no-verify', '-m', message);
};

const check = (env: Record<string, string> = {}) => {
  const result = spawnSync(process.execPath, [script], {
    cwd: repo,
    env: { ...cleanEnv(), ...env },
    encoding: 'utf8',
    timeout: TIMEOUT,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
};

const changeset = (file: string, releases: Record<string, string>) =>
  write(
    `.changeset/${file}`,
    [
      '---',
      ...Object.entries(releases).map(([name, bump]) => `"${name}": ${bump}`),
      '---',
      '',
      'A change.',
      '',
    ].join('\n'),
  );

const report = (name: string, exports: string) =>
  `## API Report File for "@avchatroom/${name}"\n\n\`\`\`ts\n\n${exports}\n\n\`\`\`\n`;

beforeEach(() => {
  repo = mkdtempSync(path.join(tmpdir(), 'check-api-changesets-'));
  git('init', '--quiet', '-b', 'main');
  git('config', 'user.name', 'Test');
  git('config', 'user.email', 'test@example.invalid');
  git('config', 'commit.gpgsign', 'false');
  write('.changeset/config.json', JSON.stringify({ baseBranch: 'main' }));
  write('.changeset/README.md', '# Changesets\n');
  write('package.json', JSON.stringify({ name: 'root', private: true }));
  write('packages/types/package.json', JSON.stringify({ name: '@avchatroom/types' }));
  write('packages/types/api/types.api.md', report('types', 'export type A = string;'));
  write('packages/client/package.json', JSON.stringify({ name: '@avchatroom/client' }));
  write('packages/client/api/client.api.md', report('client', 'export const a: number;'));
  write('packages/internal/package.json', JSON.stringify({ name: 'internal', private: true }));
  write('packages/internal/api/internal.api.md', report('internal', 'export type I = 1;'));
  // Published before API reports existed.
  write('packages/openapi/package.json', JSON.stringify({ name: '@avchatroom/openapi' }));
  commitAll('initial');
});

afterEach(() => {
  rmSync(repo, { recursive: true, force: true });
});

describe('check-api-changesets', () => {
  it('passes when nothing changed, on the base branch and on a new branch', {
    timeout: TIMEOUT,
  }, () => {
    const onMain = check();
    expect(onMain.stderr).toBe('');
    expect(onMain.status).toBe(0);
    expect(onMain.stdout).toMatch(/^check-api-changesets: OK/);

    git('checkout', '--quiet', '-b', 'feature');
    write('packages/types/README.md', 'Docs only.\n');
    commitAll('docs');
    expect(check().status).toBe(0);
  });

  it('fails naming the package whose report changed without a changeset', {
    timeout: TIMEOUT,
  }, () => {
    git('checkout', '--quiet', '-b', 'feature');
    write('packages/types/api/types.api.md', report('types', 'export type A = string | number;'));
    commitAll('widen A');

    const result = check();
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('- @avchatroom/types: packages/types/api/types.api.md');
    expect(result.stderr).toContain('pnpm changeset');
    expect(result.stderr).not.toContain('@avchatroom/client');
  });

  it('passes when a changeset names that package', { timeout: TIMEOUT }, () => {
    git('checkout', '--quiet', '-b', 'feature');
    write('packages/types/api/types.api.md', report('types', 'export type A = string | number;'));
    changeset('wide-a.md', { '@avchatroom/types': 'minor', '@avchatroom/client': 'patch' });
    commitAll('widen A');

    const result = check();
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('@avchatroom/types');
  });

  it('fails when the changeset names another package only', { timeout: TIMEOUT }, () => {
    git('checkout', '--quiet', '-b', 'feature');
    write('packages/types/api/types.api.md', report('types', 'export type A = string | number;'));
    write('packages/client/api/client.api.md', report('client', 'export const a: string;'));
    changeset('client-a.md', { '@avchatroom/client': 'major' });
    commitAll('change both');

    const result = check();
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('- @avchatroom/types:');
    expect(result.stderr).not.toContain('- @avchatroom/client:');
  });

  it('fails on an uncommitted report change on the base branch', { timeout: TIMEOUT }, () => {
    write('packages/client/api/client.api.md', report('client', 'export const b: number;'));

    const result = check();
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('- @avchatroom/client: packages/client/api/client.api.md');

    // An untracked changeset counts as well.
    changeset('b.md', { '@avchatroom/client': 'minor' });
    expect(check().status).toBe(0);
  });

  it('ignores private packages and the first report of an existing package, and honours API_CHANGESET_BASE', {
    timeout: TIMEOUT,
  }, () => {
    git('checkout', '--quiet', '-b', 'feature');
    write('packages/internal/api/internal.api.md', report('internal', 'export type I = 2;'));
    write(
      'packages/openapi/api/openapi.api.md',
      report('openapi', 'export const specPath: string;'),
    );
    commitAll('private change and an existing package adopting API reports');
    expect(check().status).toBe(0);

    // Compared with this commit, a new report of the openapi package is a new entry point.
    git('tag', 'reports');
    write('packages/openapi/api/openapi-extra.api.md', report('openapi', 'export const x: 1;'));
    commitAll('new entry point');
    expect(check().status).toBe(0);
    const result = check({ API_CHANGESET_BASE: 'reports' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      '- @avchatroom/openapi: packages/openapi/api/openapi-extra.api.md',
    );
  });

  it('needs a changeset for the reports of a new package, uncommitted or committed', {
    timeout: TIMEOUT,
  }, () => {
    const addEmulator = () => {
      write('packages/emulator/package.json', JSON.stringify({ name: '@avchatroom/emulator' }));
      write(
        'packages/emulator/api/emulator.api.md',
        report('emulator', 'export const startEmulator: () => void;'),
      );
    };
    // A new private package is never checked, new or not.
    write('packages/tool/package.json', JSON.stringify({ name: 'tool', private: true }));
    write('packages/tool/api/tool.api.md', report('tool', 'export type T = 1;'));
    addEmulator();

    const uncommitted = check();
    expect(uncommitted.status).toBe(1);
    expect(uncommitted.stderr).toContain(
      '- @avchatroom/emulator: packages/emulator/api/emulator.api.md',
    );
    expect(uncommitted.stderr).not.toContain('- tool:');
    expect(uncommitted.stderr).not.toContain('@avchatroom/types');

    rmSync(path.join(repo, 'packages/tool'), { recursive: true });
    git('checkout', '--quiet', '-b', 'feature');
    commitAll('a new package');
    const committed = check();
    expect(committed.status).toBe(1);
    expect(committed.stderr).toContain(
      '- @avchatroom/emulator: packages/emulator/api/emulator.api.md',
    );

    changeset('emulator-package.md', { '@avchatroom/emulator': 'minor' });
    commitAll('its changeset');
    const named = check();
    expect(named.stderr).toBe('');
    expect(named.status).toBe(0);
    expect(named.stdout).toContain('@avchatroom/emulator');
  });
});
