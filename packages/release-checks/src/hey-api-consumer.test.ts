// "Generate your own client", tried as a team outside the workspace would from
// the openapi README: the packed @avchatroom/openapi (and client, for the
// createChatFetch variant), the README's hey-api and TypeScript versions and its
// files (openapi-ts.config.ts with heyApiPreset, list-members.ts and
// list-members-with-chat-fetch.ts) in a temporary project; `npx openapi-ts`
// generates the client, `tsc` compiles it strict under `nodenext`, and Node runs
// both calls against the emulator, started here from the workspace build on a
// free port.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createChatClient, generateUserSig } from '@avchatroom/client';
import { type RunningEmulator, startEmulator } from '@avchatroom/emulator';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  type HeyApiConsumer,
  installHeyApiConsumer,
  pinnedTypeScript,
  readTree,
} from './hey-api-consumer.js';
import { packPackage, workspaceRoot } from './published-packages.js';
import { isolatedEnv, runCommand } from './run-command.js';

const groupId = '@TGS#aLIVEDEMO';
const identifier = 'administrator';

let packDir: string | undefined;
let project: HeyApiConsumer;
let generated: Map<string, string>;
const timings: Record<string, number> = {};

const timed = async <T>(name: string, step: () => Promise<T>): Promise<T> => {
  const started = Date.now();
  try {
    return await step();
  } finally {
    timings[name] = Date.now() - started;
  }
};

beforeAll(async () => {
  packDir = await mkdtemp(join(tmpdir(), 'avchatroom-packed-openapi-'));
  const packed = await timed('packMs', () =>
    Promise.all(
      ['openapi', 'packages/client', 'packages/types'].map(async (folder) => {
        const dir = join(workspaceRoot, folder);
        const manifest = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as {
          name: string;
          version: string;
        };
        return packPackage({ ...manifest, dir }, packDir as string);
      }),
    ),
  );
  project = await installHeyApiConsumer(packed);
  timings.installMs = project.timings.installMs;
  // The README's command, run as written in the project.
  await timed('generateMs', () =>
    runCommand('npx', ['openapi-ts'], { cwd: project.dir, timeoutMs: 120_000, env: isolatedEnv() }),
  );
  generated = await readTree(join(project.dir, 'src/chat-api'));
});

afterAll(async () => {
  console.log(`hey-api consumer timings (ms): ${JSON.stringify(timings)}`);
  await Promise.all(
    [packDir, project?.dir].map((dir) => dir && rm(dir, { recursive: true, force: true })),
  );
});

test('the README installs the TypeScript the workspace pins, and names its three files', () => {
  expect(project.devDependencies).toEqual({
    '@hey-api/openapi-ts': '0.95.0',
    typescript: pinnedTypeScript,
  });
  expect(project.files).toEqual([
    'openapi-ts.config.ts',
    'list-members.ts',
    'list-members-with-chat-fetch.ts',
  ]);
});

test('the preset shapes the output: .js imports, no common parameters, no Response2, no base URL', () => {
  expect([...generated.keys()]).toEqual(
    expect.arrayContaining(['client.gen.ts', 'sdk.gen.ts', 'types.gen.ts', 'index.ts']),
  );
  for (const [file, text] of generated) {
    const relativeImports = [...text.matchAll(/from '(\.{1,2}\/[^']*)'/g)].map(([, path]) => path);
    for (const path of relativeImports) expect(path, `${file} imports ${path}`).toMatch(/\.js$/);
  }
  const types = generated.get('types.gen.ts') ?? '';
  expect(types).not.toMatch(/Response2\b/);
  expect(types).toMatch(/export type GetMembersResult = /);
  const getMembersData = /export type GetMembersData = \{[\s\S]*?\n\};/.exec(types)?.[0] ?? '';
  expect(getMembersData).toMatch(/query\?: never/);
  expect(generated.get('client.gen.ts')).not.toMatch(/baseUrl:/);
});

test('the generated client and the README calls compile strict under nodenext', async () => {
  await timed('tscMs', () =>
    runCommand(join(project.dir, 'node_modules/.bin/tsc'), ['-p', '.'], {
      cwd: project.dir,
      timeoutMs: 120_000,
      env: isolatedEnv(),
    }),
  );
});

/** Starts the emulator with its demo seed, runs `body`, and stops it. */
const withEmulator = async (
  body: (emulator: RunningEmulator, app: { sdkAppId: number; secretKey: string }) => Promise<void>,
): Promise<void> => {
  const emulator = await startEmulator({ port: 0 });
  try {
    const [app] = emulator.seed.apps;
    if (!app) throw new Error('the demo seed has no app');
    await body(emulator, app);
  } finally {
    await emulator.stop();
  }
};

/** Runs a compiled README call with its environment; resolves to the accounts it printed. */
const runCall = async (
  name: string,
  file: string,
  env: Record<string, string>,
): Promise<string[]> => {
  const { stdout } = await timed(name, () =>
    runCommand(process.execPath, [`build/${file}`], {
      cwd: project.dir,
      timeoutMs: 30_000,
      env: { ...isolatedEnv(), ...env },
    }),
  );
  return JSON.parse(stdout) as string[];
};

/** The demo room's first page through the workspace client: what both calls must print. */
const firstPage = async (
  emulator: RunningEmulator,
  app: { sdkAppId: number; secretKey: string },
): Promise<string[] | undefined> => {
  const client = createChatClient({
    sdkAppId: app.sdkAppId,
    identifier,
    secretKey: app.secretKey,
    baseUrl: emulator.url,
  });
  const { response } = await client.getMembers({ groupId, timestamp: 0 });
  return response.MemberList?.map((member) => member.Member_Account);
};

test('the README call with its interceptor lists the demo room from the emulator', async () => {
  await withEmulator(async (emulator, app) => {
    const userSig = await generateUserSig({
      sdkAppId: app.sdkAppId,
      identifier,
      secretKey: app.secretKey,
      expireSeconds: 600,
    });
    const callsBefore = emulator.stats().apiCalls;
    const accounts = await runCall('interceptorCallMs', 'list-members.js', {
      CHAT_BASE_URL: emulator.url,
      CHAT_SDKAPPID: String(app.sdkAppId),
      CHAT_IDENTIFIER: identifier,
      CHAT_USERSIG: userSig,
    });
    expect(emulator.stats().apiCalls - callsBefore).toBe(1);
    expect(accounts.length).toBeGreaterThan(0);
    expect(accounts).toEqual(await firstPage(emulator, app));
  });
});

test('the README call through createChatFetch lists the demo room from the emulator', async () => {
  await withEmulator(async (emulator, app) => {
    const callsBefore = emulator.stats().apiCalls;
    const accounts = await runCall('chatFetchCallMs', 'list-members-with-chat-fetch.js', {
      CHAT_BASE_URL: emulator.url,
      CHAT_SDKAPPID: String(app.sdkAppId),
      CHAT_IDENTIFIER: identifier,
      CHAT_SECRET_KEY: app.secretKey,
    });
    expect(emulator.stats().apiCalls - callsBefore).toBe(1);
    expect(accounts.length).toBeGreaterThan(0);
    expect(accounts).toEqual(await firstPage(emulator, app));
  });
});
