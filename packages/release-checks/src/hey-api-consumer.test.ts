// "Generate your own client", tried as a team outside the workspace would from
// the openapi README: the packed @avchatroom/openapi, the README's hey-api and
// TypeScript versions and its files (openapi-ts.config.ts with heyApiPreset, and
// list-members.ts) in a temporary project; `npx openapi-ts` generates the
// client, `tsc` compiles it strict under `nodenext`, and Node runs the call
// against the emulator, started here from the workspace build on a free port.
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
import { type PackedPackage, packPackage, workspaceRoot } from './published-packages.js';
import { isolatedEnv, runCommand } from './run-command.js';

const groupId = '@TGS#aLIVEDEMO';
const identifier = 'administrator';

let packDir: string | undefined;
let openapi: PackedPackage;
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
  const dir = join(workspaceRoot, 'openapi');
  const { name, version } = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
  };
  openapi = await timed('packMs', () => packPackage({ name, version, dir }, packDir as string));
  project = await installHeyApiConsumer(openapi);
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

test('the README installs the TypeScript the workspace pins, and writes both files', () => {
  expect(project.devDependencies).toEqual({
    '@hey-api/openapi-ts': '0.95.0',
    typescript: pinnedTypeScript,
  });
  expect(project.files).toEqual(['openapi-ts.config.ts', 'list-members.ts']);
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

test('the generated client and the README call compile strict under nodenext', async () => {
  await timed('tscMs', () =>
    runCommand(join(project.dir, 'node_modules/.bin/tsc'), ['-p', '.'], {
      cwd: project.dir,
      timeoutMs: 120_000,
      env: isolatedEnv(),
    }),
  );
});

test('the README call lists the demo room from the emulator', async () => {
  let emulator: RunningEmulator | undefined;
  try {
    emulator = await startEmulator({ port: 0 });
    const [app] = emulator.seed.apps;
    if (!app) throw new Error('the demo seed has no app');
    const userSig = await generateUserSig({
      sdkAppId: app.sdkAppId,
      identifier,
      secretKey: app.secretKey,
      expireSeconds: 600,
    });
    const callsBefore = emulator.stats().apiCalls;
    const { stdout } = await timed('callMs', () =>
      runCommand(process.execPath, ['build/list-members.js'], {
        cwd: project.dir,
        timeoutMs: 30_000,
        env: {
          ...isolatedEnv(),
          CHAT_BASE_URL: (emulator as RunningEmulator).url,
          CHAT_SDKAPPID: String(app.sdkAppId),
          CHAT_IDENTIFIER: identifier,
          CHAT_USERSIG: userSig,
        },
      }),
    );
    expect(emulator.stats().apiCalls - callsBefore).toBe(1);
    const accounts = JSON.parse(stdout) as string[];
    // The same first page through the workspace client.
    const client = createChatClient({
      sdkAppId: app.sdkAppId,
      identifier,
      secretKey: app.secretKey,
      baseUrl: emulator.url,
    });
    const { response } = await client.getMembers({ groupId, timestamp: 0 });
    expect(accounts.length).toBeGreaterThan(0);
    expect(accounts).toEqual(response.MemberList?.map((member) => member.Member_Account));
  } finally {
    await emulator?.stop();
  }
});
