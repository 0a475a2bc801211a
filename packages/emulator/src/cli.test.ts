import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { generateUserSig } from '@avchatroom/client';
import { build } from 'tsdown';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fitsSpec } from '../test/support/spec-answers.js';
import { apiPath } from './spec-facts.js';

// The CLI is tested as users run it: the built `cli.mjs` under plain Node.
// It is built here, from the current sources, into a private folder, rather
// than taken from dist/: the package's test task depends on ^build only, so
// dist/ may be missing or stale, and `pnpm test` at the root may be rebuilding
// it in parallel. The folder mirrors the published package (dist/, seeds/,
// package.json), since the CLI reads `../package.json` and the demo seed
// relative to itself; it sits under this package's node_modules so that
// `@avchatroom/openapi` resolves as it does for an installed package.
const packageDir = fileURLToPath(new URL('..', import.meta.url));
let buildDir = '';
let cliPath = '';

beforeAll(async () => {
  const cacheDir = join(packageDir, 'node_modules', '.cache');
  mkdirSync(cacheDir, { recursive: true });
  buildDir = mkdtempSync(join(cacheDir, 'emulator-cli-test-'));
  await build({
    config: false,
    cwd: packageDir,
    entry: ['src/cli.ts'],
    outDir: join(buildDir, 'dist'),
    format: 'esm',
    platform: 'node',
    fixedExtension: true,
    dts: false,
    report: false,
    logLevel: 'silent',
  });
  cpSync(join(packageDir, 'package.json'), join(buildDir, 'package.json'));
  cpSync(join(packageDir, 'seeds'), join(buildDir, 'seeds'), { recursive: true });
  cliPath = join(buildDir, 'dist', 'cli.mjs');
});

afterAll(() => {
  if (buildDir) rmSync(buildDir, { recursive: true, force: true });
});

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Starts the CLI; `finished` resolves when it exits, or rejects after `timeoutMs`. */
const launch = (args: string[], timeoutMs = 10_000) => {
  const child = spawn(process.execPath, [cliPath, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.on('data', (chunk: string) => {
    stderr += chunk;
  });
  const finished = new Promise<Finished>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the CLI did not exit within ${timeoutMs} ms; stderr: ${stderr}`));
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
  return { child, finished };
};

const run = (args: string[]): Promise<Finished> => launch(args).finished;

/** The first line the CLI prints on stdout, within 10 s. */
const firstLine = (child: ChildProcess): Promise<string> =>
  new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    const timer = setTimeout(() => reject(new Error('no line on stdout within 10 s')), 10_000);
    lines.once('line', (line) => {
      clearTimeout(timer);
      lines.close();
      resolve(line);
    });
    child.once('close', () => {
      clearTimeout(timer);
      reject(new Error('the CLI exited before printing a line'));
    });
  });

const demoQuery = async () =>
  new URLSearchParams({
    sdkappid: '1400000001',
    identifier: 'administrator',
    usersig: await generateUserSig({
      sdkAppId: 1400000001,
      identifier: 'administrator',
      secretKey: 'demo-only-secret-key-of-the-avchatroom-emulator',
      expireSeconds: 600,
    }),
    random: '1',
    contenttype: 'json',
  });

describe('avchatroom-emulator CLI', () => {
  it('prints its URL first, serves the demo seed, and exits 0 on SIGTERM', async () => {
    const { child, finished } = launch(['--port', '0', '--page-size', '250']);
    const url = await firstLine(child);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const health = await fetch(`${url}/__emulator/health`, { signal: AbortSignal.timeout(5000) });
    expect(await health.json()).toEqual({ ok: true });
    const response = await fetch(`${url}${apiPath}?${await demoQuery()}`, {
      method: 'POST',
      body: JSON.stringify({ GroupId: '@TGS#aLIVEDEMO', Timestamp: 0 }),
      signal: AbortSignal.timeout(5000),
    });
    const body = await response.json();
    expect(fitsSpec('getMembers', body)).toBe(true);
    expect(body.ErrorCode).toBe(0);
    // --page-size 250 is applied (a page runs on only to keep one second's joiners together).
    expect(body.MemberList.length).toBeGreaterThanOrEqual(250);
    expect(body.MemberList.length).toBeLessThan(300);
    expect(child.kill('SIGTERM')).toBe(true);
    const { code, signal, stderr } = await finished;
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(stderr).toContain(`control API at ${url}/__emulator/`);
    // What a caller in any language needs to sign a UserSig for the demo app.
    expect(stderr).toContain(
      'SDKAppID 1400000001 (pro edition): admin identifier administrator, secret key demo-only-secret-key-of-the-avchatroom-emulator',
    );
    expect(stderr).toContain("These keys are the demo seed's");
  });

  it("never prints the secret key of the user's own seed", async () => {
    const seedDir = mkdtempSync(join(buildDir, 'seed-'));
    const seedPath = join(seedDir, 'seed.json');
    const seed = {
      apps: [{ sdkAppId: 1400000009, secretKey: 'SENTINEL-own-secret-key', admins: ['ops'] }],
      groups: [{ sdkAppId: 1400000009, groupId: '@TGS#own', type: 'AVChatRoom', members: [] }],
    };
    writeFileSync(seedPath, JSON.stringify(seed));
    const { child, finished } = launch(['--seed', seedPath]);
    const url = await firstLine(child);
    // An answer means the command is past its start and handles SIGTERM.
    await fetch(`${url}/__emulator/health`, { signal: AbortSignal.timeout(5000) });
    child.kill('SIGTERM');
    const { stderr } = await finished;
    expect(stderr).toContain('SDKAppID 1400000009 (pro edition): admin identifier ops');
    expect(stderr).toContain('@TGS#own (AVChatRoom)');
    expect(stderr).not.toContain('SENTINEL');
  });

  it.each([['--help'], ['-h']])('prints the usage for %s and exits 0', async (flag) => {
    const { code, stdout, stderr } = await run([flag]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: avchatroom-emulator \[options\]\n/);
    expect(stdout).toContain('--calls-per-second N');
    expect(stdout).toContain('--spec FILE');
    expect(stderr).toBe('');
  });

  it.each([['--version'], ['-v']])(
    'prints the package version for %s and exits 0',
    async (flag) => {
      const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
      expect(await run([flag])).toEqual({
        code: 0,
        signal: null,
        stdout: `${version}\n`,
        stderr: '',
      });
    },
  );

  it.each([
    {
      args: ['--port', 'abc'],
      want: 'avchatroom-emulator: --port must be a whole number, not "abc"',
    },
    { args: ['--port=-1'], want: 'avchatroom-emulator: --port must be a whole number, not "-1"' },
    {
      args: ['--page-size', '2.5'],
      want: 'avchatroom-emulator: --page-size must be a whole number, not "2.5"',
    },
    {
      args: ['--calls-per-second', 'many'],
      want: 'avchatroom-emulator: --calls-per-second must be a whole number, not "many"',
    },
    { args: ['--bogus'], want: /^avchatroom-emulator: Unknown option '--bogus'/ },
    { args: ['serve'], want: /^avchatroom-emulator: Unexpected argument 'serve'/ },
  ])('exits 2 with the problem on the first line of stderr for $args', async ({ args, want }) => {
    const { code, stdout, stderr } = await run(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    // One line: the problem, then where to read what is accepted.
    expect(stderr.endsWith(' (see --help)\n')).toBe(true);
    expect(stderr.split('\n')).toHaveLength(2);
    if (typeof want === 'string') expect(stderr).toBe(`${want} (see --help)\n`);
    else expect(stderr).toMatch(want);
  });

  it.each([
    {
      args: ['--seed', '/nonexistent/seed.json'],
      want: /^avchatroom-emulator: Cannot read the emulator seed file \/nonexistent\/seed\.json: ENOENT[^\n]*\n$/,
    },
    {
      args: ['--spec', '/nonexistent/openapi.json'],
      want: /^avchatroom-emulator: Cannot read the spec file \/nonexistent\/openapi\.json: ENOENT[^\n]*\n$/,
    },
    {
      args: ['--port', '70000'],
      want: /^avchatroom-emulator: Invalid emulator options: port must be an integer from 0 to 65535\n$/,
    },
    {
      args: ['--rate-limit-code', '429'],
      want: /^avchatroom-emulator: Invalid emulator options: rateLimitErrorCode must be an error code of the spec\n$/,
    },
  ])('exits 2 when the emulator cannot start: $args', async ({ args, want }) => {
    const { code, stdout, stderr } = await run(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(want);
  });
});
