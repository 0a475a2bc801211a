// Release checks of every published (non-private) workspace package, run on
// the tarballs `pnpm pack` writes (the files and package.json a consumer gets,
// with `workspace:` specifiers rewritten), each package packed once per run:
//
// - Packed size: printed for each package (tarball and unpacked bytes).
// - publint and @arethetypeswrong/cli on each tarball; any finding fails the
//   test and is listed. attw's profile is explained in package-lint.ts.
// - Pack test: the tarballs (and TypeScript 5.9.3) are installed with npm into
//   a project in os.tmpdir(), outside the workspace, once; the test asserts
//   nothing resolves back into the workspace (the emulator's own
//   @avchatroom/openapi included), then, with cwd in that project:
//   (a) an ESM consumer lists a group's members with the installed client
//       against an in-process get_members server on a free loopback port;
//   (b) a CommonJS consumer require()s the ESM-only packages (Node >= 20.19)
//       and issues and verifies a UserSig;
//   (c) a strict TypeScript consumer of @avchatroom/client, /fetch, types,
//       openapi and emulator compiles under node16 and under bundler module
//       resolution;
//   (d) the installed emulator: an ESM consumer starts it with its demo seed
//       (startEmulator) and lists the demo room with the installed client
//       (1,000 members, truncated); and the installed `avchatroom-emulator`
//       command, run from node_modules/.bin with `--port 0`, prints its URL,
//       answers its health check and exits 0 on SIGTERM.
//   The consumers are in src/consumer/.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  type ConsumerProject,
  consumerTsconfigs,
  consumerTypeScript,
  installConsumerProject,
  isolationProblems,
} from './consumer-project.js';
import { attwProblems, publintProblems } from './package-lint.js';
import {
  findPublishedPackages,
  formatKiB,
  type PackedPackage,
  packPackage,
  workspaceRoot,
} from './published-packages.js';
import { isolatedEnv, runCommand } from './run-command.js';

const published = await findPublishedPackages();
const packed = new Map<string, PackedPackage>();
let packDir: string | undefined;
let installation: Promise<ConsumerProject> | undefined;

const packedPackage = (name: string): PackedPackage => {
  const pkg = packed.get(name);
  if (!pkg) throw new Error(`${name} was not packed`);
  return pkg;
};

beforeAll(async () => {
  packDir = await mkdtemp(join(tmpdir(), 'avchatroom-packed-'));
  for (const pkg of published) {
    packed.set(pkg.name, await packPackage(pkg, packDir));
  }
  // npm install dominates the run: start it now so it overlaps with the lint
  // tests; the pack tests wait for it (and report its failure).
  installation = installConsumerProject([...packed.values()]);
  installation.catch(() => undefined);
});

afterAll(async () => {
  const project = await installation?.catch(() => undefined);
  await Promise.all(
    [packDir, project?.dir].map((dir) => dir && rm(dir, { recursive: true, force: true })),
  );
});

test('the published packages are found', () => {
  expect(published.map((pkg) => pkg.name)).toEqual(
    expect.arrayContaining([
      '@avchatroom/client',
      '@avchatroom/emulator',
      '@avchatroom/openapi',
      '@avchatroom/rate-limit-redis',
      '@avchatroom/types',
    ]),
  );
});

// Budgets a little above today's sizes (client 79 KiB, emulator 34 KiB, openapi
// 70 KiB, rate-limit-redis 8 KiB, types 12 KiB, since the spec grew from
// get_members to the ten operations of the member family): a tarball that
// suddenly grows (a 2.6 MB reference page, a source map, a stray folder, a seed
// with every member written out) fails here instead of reaching users.
const packedBudgetKiB: Record<string, number> = {
  '@avchatroom/client': 96,
  '@avchatroom/emulator': 42,
  '@avchatroom/openapi': 84,
  '@avchatroom/rate-limit-redis': 12,
  '@avchatroom/types': 16,
};

test('packed sizes stay within their budgets', () => {
  const lines = [...packed.values()].map(
    (pkg) =>
      `${pkg.name}@${pkg.version}: ${formatKiB(pkg.packedBytes)} packed (${pkg.packedBytes} B), ` +
      `${formatKiB(pkg.unpackedBytes)} unpacked, ${pkg.files.size} files`,
  );
  console.log(`Packed sizes:\n${lines.join('\n')}`);
  for (const pkg of packed.values()) {
    const budget = packedBudgetKiB[pkg.name];
    expect(budget, `${pkg.name} has no size budget`).toBeDefined();
    expect(pkg.packedBytes / 1024, `${pkg.name} packed size in KiB`).toBeLessThanOrEqual(
      budget ?? 0,
    );
  }
});

describe.concurrent.each(published.map((pkg) => pkg.name))('%s tarball', (name) => {
  test('has no workspace: or link: specifier left', ({ expect }) => {
    const { manifest } = packedPackage(name);
    const leftovers = Object.entries({
      ...manifest.dependencies,
      ...manifest.peerDependencies,
      ...manifest.optionalDependencies,
      ...manifest.devDependencies,
    }).filter(([, specifier]) => /^(workspace|link):/.test(specifier));
    expect(leftovers).toEqual([]);
  });

  test('passes publint', async ({ expect }) => {
    expect(await publintProblems(packedPackage(name))).toEqual([]);
  });

  test('passes @arethetypeswrong/cli', async ({ expect }) => {
    expect(await attwProblems(packedPackage(name))).toEqual([]);
  });
});

describe('installed from the tarballs outside the workspace', () => {
  let project: ConsumerProject;

  beforeAll(async () => {
    if (!installation) throw new Error('the packages were not packed');
    project = await installation;
  });

  const node = (file: string) =>
    runCommand(process.execPath, [file], {
      cwd: project.dir,
      timeoutMs: 30_000,
      env: isolatedEnv(),
    });

  /** Resolved paths that are not inside the consumer project. */
  const outside = (resolved: Record<string, string>): Record<string, string> =>
    Object.fromEntries(
      Object.entries(resolved).filter(([, path]) => !path.startsWith(`${project.dir}${sep}`)),
    );

  test('resolves nothing from the workspace', async () => {
    expect(project.dir.startsWith(`${workspaceRoot}${sep}`)).toBe(false);
    expect(await isolationProblems(project)).toEqual([]);
  });

  describe.concurrent('consumers', () => {
    test('(a) ESM: createChatClient(...).listMembers(...) against a local get_members server', async ({
      expect,
    }) => {
      const { stdout } = await node('list-members.mjs');
      const result = JSON.parse(stdout) as {
        members: { Member_Account: string; JoinTime: number }[];
        pages: number;
        truncated: boolean;
        requests: {
          method: string;
          path: string;
          query: Record<string, string>;
          userSigValid: boolean;
          body: unknown;
        }[];
        resolved: Record<string, string>;
      };
      expect(result.members).toEqual([
        { Member_Account: 'student1003', JoinTime: 1657773200 },
        { Member_Account: 'student1002', JoinTime: 1657773150 },
        { Member_Account: 'teacher1', JoinTime: 1657772900 },
      ]);
      expect(result.pages).toBe(2);
      expect(result.truncated).toBe(false);
      expect(result.requests.map(({ method, path, body }) => ({ method, path, body }))).toEqual(
        [0, 1657773005].map((timestamp) => ({
          method: 'POST',
          path: '/v4/group_open_avchatroom_http_svc/get_members',
          body: { GroupId: '@TGS#aPackTest', Timestamp: timestamp },
        })),
      );
      for (const request of result.requests) {
        expect(request.userSigValid).toBe(true);
        expect(request.query).toEqual({
          sdkappid: '1400000000',
          identifier: 'administrator',
          random: expect.stringMatching(/^\d+$/),
          contenttype: 'json',
        });
      }
      expect(outside(result.resolved)).toEqual({});
    });

    test('(b) CommonJS: require() of the ESM-only packages, generateUserSig and verifyUserSig', async ({
      expect,
    }) => {
      const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
      expect(major > 20 || (major === 20 && minor >= 19), 'require(esm) needs Node >= 20.19').toBe(
        true,
      );
      const { stdout } = await node('require-esm.cjs');
      const result = JSON.parse(stdout) as {
        nodeVersion: string;
        verification: Record<string, unknown>;
        forgedReason: string;
        createChatClient: string;
        createFetchClient: string;
        createRedisRateLimitStore: string;
        specExists: boolean;
        resolved: Record<string, string>;
      };
      expect(result.nodeVersion).toBe(process.versions.node);
      expect(result.verification).toMatchObject({
        valid: true,
        identifier: 'administrator',
        sdkAppId: 1400000000,
      });
      expect(result.forgedReason).toBe('bad-signature');
      expect(result.createChatClient).toBe('function');
      expect(result.createFetchClient).toBe('function');
      expect(result.createRedisRateLimitStore).toBe('function');
      expect(result.specExists).toBe(true);
      expect(outside(result.resolved)).toEqual({});
    });

    test('(d) ESM: startEmulator() with the demo seed, listed with the installed client', async ({
      expect,
    }) => {
      const { stdout } = await node('list-emulator-members.mjs');
      const result = JSON.parse(stdout) as {
        url: string;
        sdkAppId: number;
        memberCount: number;
        uniqueAccounts: number;
        newestFirst: boolean;
        pages: number;
        truncated: boolean;
        apiCalls: number;
        seedIsTheExportedDemo: boolean;
        resolved: Record<string, string>;
      };
      expect(result.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(result.seedIsTheExportedDemo).toBe(true);
      // The demo room has about 1,200 members; get_members lists the 1,000 latest.
      expect(result.memberCount).toBe(1000);
      expect(result.uniqueAccounts).toBe(1000);
      expect(result.newestFirst).toBe(true);
      expect(result.truncated).toBe(true);
      expect(result.pages).toBeGreaterThan(1);
      expect(result.apiCalls).toBe(result.pages);
      expect(outside(result.resolved)).toEqual({});
    });

    test('(d) the avchatroom-emulator command: URL, health check, exit 0 on SIGTERM', async ({
      expect,
    }) => {
      const { stdout } = await node('run-emulator-bin.mjs');
      const result = JSON.parse(stdout) as {
        firstLine?: string;
        health?: { status?: number; body?: unknown; error?: string };
        exit: { code?: number | null; signal?: string | null; error?: string };
        stderr: string;
      };
      expect(result.firstLine, result.stderr).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(result.health).toEqual({ status: 200, body: { ok: true } });
      expect(result.exit, result.stderr).toEqual({ code: 0, signal: null });
    });

    test.for(Object.keys(consumerTsconfigs))(
      '(c) TypeScript %s: a strict consumer compiles with tsc --noEmit',
      async (tsconfig, { expect }) => {
        const typescriptDir = join(project.dir, 'node_modules', 'typescript');
        const { version } = JSON.parse(
          await readFile(join(typescriptDir, 'package.json'), 'utf8'),
        ) as { version: string };
        expect(version).toBe(consumerTypeScript);
        const { stdout } = await runCommand(
          process.execPath,
          [join(typescriptDir, 'bin', 'tsc'), '-p', tsconfig, '--pretty', 'false'],
          { cwd: project.dir, timeoutMs: 120_000, env: isolatedEnv() },
        );
        expect(stdout).toBe('');
      },
    );
  });
});
