// Snippets are tests: every ```ts (or ```typescript) block of every README (the
// root's, openapi's, packages/*'s and apps/*'s) is a complete module. The
// packed tarballs and the registry packages the blocks import are installed
// once into a project in os.tmpdir(), outside the workspace; each block is a
// file there (a block whose first line is `// name.ts` under that name, and
// openapi-ts.config.ts makes `npx openapi-ts` generate the client the next
// blocks import). tsc checks them all strict twice, with module nodenext and
// with moduleResolution bundler, errors given as README lines. Then Node runs
// each block against an emulator started here on a free port: the blocks are
// written for production (region singapore), and redirect-to-emulator.mjs,
// preloaded, sends the regions' hosts to the emulator. The emulator serves the
// demo seed plus the README's app (SDKAppID 1400000000) and room
// (@TGS#a6I4ZUUGO); the blocks read the secret key and the rest from the
// environment (CHAT_SECRET_KEY, CHAT_USERSIG, CHAT_BASE_URL, REDIS_URL, ...).
// Only blocks fenced ```ts fragment are skipped; each is listed in the output.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateUserSig } from '@avchatroom/client';
import {
  demoSeedPath,
  type EmulatorSeed,
  loadSeedFile,
  type RunningEmulator,
  startEmulator,
} from '@avchatroom/emulator';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type RedisServer, startRedisServer } from '../../rate-limit-redis/test/redis-server.js';
import { isolationProblems } from './consumer-project.js';
import { packPublishedPackages } from './published-packages.js';
import { readSnippets, snippetFile, snippetLocation } from './readme-snippets.js';
import {
  compileSnippets,
  installSnippetProject,
  runSnippet,
  type SnippetProject,
  snippetTsconfigs,
} from './readme-snippets-project.js';

/** The app and room most READMEs use, added to the demo seed. */
const readmeApp = { sdkAppId: 1400000000, identifier: 'administrator' };
const readmeRoom = '@TGS#a6I4ZUUGO';

const snippets = await readSnippets();
const complete = snippets.filter((snippet) => !snippet.fragment);
const fragments = snippets.filter((snippet) => snippet.fragment);

/**
 * The demo seed, plus the READMEs' app and a copy of the demo room under the
 * READMEs' group ID. The READMEs' app shares the demo app's key, so one
 * CHAT_SECRET_KEY serves both the blocks that name SDKAppID 1400000000 and
 * those that take CHAT_SDKAPPID (the demo app, whose room is @TGS#aLIVEDEMO).
 */
const readmeSeed = () => {
  const demo = loadSeedFile(demoSeedPath);
  const [demoApp] = demo.apps;
  const liveRoom = demo.groups.find((group) => group.groupId === '@TGS#aLIVEDEMO');
  if (!demoApp || !liveRoom) throw new Error('the demo seed has no app or no @TGS#aLIVEDEMO');
  const seed: EmulatorSeed = {
    ...demo,
    apps: [...demo.apps, { ...demoApp, sdkAppId: readmeApp.sdkAppId }],
    groups: [...demo.groups, { ...liveRoom, sdkAppId: readmeApp.sdkAppId, groupId: readmeRoom }],
  };
  return { seed, demoApp };
};

let packDir: string | undefined;
let project: SnippetProject | undefined;
let emulator: RunningEmulator | undefined;
let redis: RedisServer | undefined;
let env: Record<string, string> = {};
const timings: Record<string, number> = {};

const timed = async <T>(name: string, step: () => Promise<T>): Promise<T> => {
  const started = Date.now();
  try {
    return await step();
  } finally {
    timings[name] = (timings[name] ?? 0) + Date.now() - started;
  }
};

beforeAll(async () => {
  packDir = await mkdtemp(join(tmpdir(), 'avchatroom-packed-readmes-'));
  const packed = await timed('packMs', () => packPublishedPackages(packDir as string));
  project = await installSnippetProject(packed, snippets);
  Object.assign(timings, project.timings);
  const { seed, demoApp } = readmeSeed();
  [emulator, redis] = await Promise.all([startEmulator({ seed, port: 0 }), startRedisServer()]);
  env = {
    AVCHATROOM_EMULATOR_URL: emulator.url,
    CHAT_BASE_URL: emulator.url,
    CHAT_SDKAPPID: String(demoApp.sdkAppId),
    CHAT_IDENTIFIER: readmeApp.identifier,
    CHAT_SECRET_KEY: demoApp.secretKey,
    CHAT_USERSIG: await generateUserSig({
      sdkAppId: demoApp.sdkAppId,
      identifier: readmeApp.identifier,
      secretKey: demoApp.secretKey,
      expireSeconds: 3600,
    }),
    REDIS_URL: redis.url,
  };
});

afterAll(async () => {
  console.log(`README snippets timings (ms): ${JSON.stringify(timings)}`);
  await Promise.all([emulator?.stop(), redis?.stop()]);
  await Promise.all(
    [packDir, project?.dir].map((dir) => dir && rm(dir, { recursive: true, force: true })),
  );
});

test('the READMEs have TypeScript blocks, and only a few fragments', () => {
  console.log(
    `README blocks: ${complete.length} complete, ${fragments.length} fragments` +
      fragments.map((snippet) => `\n  fragment ${snippetLocation(snippet)}`).join(''),
  );
  expect(complete.length).toBeGreaterThan(10);
  expect(fragments.length).toBeLessThanOrEqual(complete.length / 4);
});

test('the project is sealed: every @avchatroom package is its packed tarball', async () => {
  expect(await isolationProblems(project as SnippetProject)).toEqual([]);
});

test.each(Object.keys(snippetTsconfigs) as (keyof typeof snippetTsconfigs)[])(
  'every complete block compiles strict with %s',
  async (tsconfig) => {
    const errors = await timed(`tscMs`, () => compileSnippets(project as SnippetProject, tsconfig));
    expect(errors).toEqual([]);
  },
);

/** API calls each block made to this test's emulator (blocks may start their own, or Prism). */
const callsByBlock: Record<string, number> = {};

test.each(complete.map((snippet) => [snippetLocation(snippet), snippet] as const))(
  '%s runs with Node, a region being the emulator',
  async (location, snippet) => {
    const before = emulator?.stats().apiCalls ?? 0;
    await timed('runMs', () => runSnippet(project as SnippetProject, snippetFile(snippet), env));
    callsByBlock[location] = (emulator?.stats().apiCalls ?? 0) - before;
  },
);

test('the blocks reached the emulator through the redirect', () => {
  console.log(`API calls to the emulator by block: ${JSON.stringify(callsByBlock, null, 1)}`);
  // Requests to any other host fail in the preload, so a block that called a
  // region and ran got its answers from here.
  expect(Object.values(callsByBlock).reduce((sum, calls) => sum + calls, 0)).toBeGreaterThan(0);
});
