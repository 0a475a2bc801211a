import { generateUserSig } from '@avchatroom/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultHarnessSettings } from '../test/support/api-harness.js';
import {
  syntheticAnswer,
  syntheticPath,
  writeSyntheticSpec,
} from '../test/support/synthetic-spec.js';
import { createApiContext } from './api-context.js';
import { answerApiRequest } from './api-request-answer.js';
import { createManualClock } from './clock.js';
import { EmulatorState } from './emulator-state.js';
import type { EmulatorSeed } from './seed.js';
import { loadApiSpec } from './spec-facts.js';
import { type RunningEmulator, startEmulator } from './start-emulator.js';

// An operation added to the spec gets a route with no other change: after the
// shared checks it answers its first success example.

const startMs = Date.UTC(2026, 0, 1);
const app = { sdkAppId: 1400000001, secretKey: 'fallback-test-key' };
const seed: EmulatorSeed = {
  apps: [{ ...app, admins: ['administrator'] }],
  groups: [
    { sdkAppId: app.sdkAppId, groupId: '@TGS#aROOM' },
    { sdkAppId: app.sdkAppId, groupId: '@TGS#2WORK', type: 'Private' },
  ],
};

let specPath = '';
let goodQuery = '';
beforeAll(async () => {
  specPath = writeSyntheticSpec();
  const usersig = await generateUserSig({
    ...app,
    identifier: 'administrator',
    expireSeconds: 86_400,
    issuedAt: startMs / 1000,
  });
  goodQuery = new URLSearchParams({
    sdkappid: String(app.sdkAppId),
    identifier: 'administrator',
    usersig,
    random: '1',
    contenttype: 'json',
  }).toString();
});

const makeContext = () => {
  const clock = createManualClock(startMs);
  const spec = loadApiSpec(specPath);
  const context = createApiContext(
    { ...defaultHarnessSettings, spec },
    new EmulatorState(seed, clock),
    clock,
  );
  const operation = spec.operationAt(syntheticPath);
  if (!operation) throw new Error('the synthetic spec has no synthetic operation');
  return {
    clock,
    answer: (body: unknown, query = goodQuery) =>
      answerApiRequest(context, operation, {
        method: 'POST',
        query,
        rawBody: Buffer.from(JSON.stringify(body)),
      }),
  };
};

describe('an operation of the spec without a handler', () => {
  it('answers its first success example, a fresh copy each time, as the last page', () => {
    const { answer } = makeContext();
    const first = answer({ GroupId: '@TGS#aROOM', Cursor: 0 });
    expect(first).toEqual(syntheticAnswer);
    (first as typeof syntheticAnswer).ThingList.length = 0;
    expect(answer({ GroupId: '@TGS#aROOM', Cursor: 0 })).toEqual(syntheticAnswer);
  });

  it.each([
    {
      name: 'no query parameters',
      body: { GroupId: '@TGS#aROOM', Cursor: 0 },
      query: 'x',
      want: 60012,
    },
    { name: 'a required field left out', body: { GroupId: '@TGS#aROOM' }, want: 10004 },
    {
      name: 'a field outside its schema',
      body: { GroupId: '@TGS#aROOM', Cursor: -1 },
      want: 10004,
    },
    { name: 'an unknown group', body: { GroupId: '@TGS#aNOSUCH', Cursor: 0 }, want: 10010 },
    {
      name: 'a group type outside x-requirements',
      body: { GroupId: '@TGS#2WORK', Cursor: 0 },
      want: 10007,
    },
  ])('runs the shared checks first: $name gets $want', ({ body, query, want }) => {
    const { answer } = makeContext();
    expect(answer(body, query).ErrorCode).toBe(want);
  });

  it('is held to its x-limits rate (assumedCallsPerSecond 2)', () => {
    const { answer, clock } = makeContext();
    const body = { GroupId: '@TGS#aROOM', Cursor: 0 };
    expect([answer(body), answer(body), answer(body)].map((a) => a.ErrorCode)).toEqual([
      0, 0, 60007,
    ]);
    clock.advance(1000);
    expect(answer(body).ErrorCode).toBe(0);
  });

  it('cannot be served without a success example: the emulator refuses to start', () => {
    const clock = createManualClock(startMs);
    const spec = loadApiSpec(writeSyntheticSpec({ withSuccessExample: false }));
    expect(() =>
      createApiContext({ ...defaultHarnessSettings, spec }, new EmulatorState(seed, clock), clock),
    ).toThrow(/syntheticOp have no handler in the emulator and no success example/);
  });
});

describe('startEmulator({ specPath })', () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startEmulator({ seed, specPath, clock: createManualClock(startMs) });
  });
  afterAll(() => emulator?.stop());

  it('serves the synthetic operation over HTTP, and the bundled ones still', async () => {
    const post = async (path: string, body: unknown) =>
      (
        await fetch(`${emulator.url}${path}?${goodQuery}`, {
          method: 'POST',
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(5000),
        })
      ).json();
    expect(await post(syntheticPath, { GroupId: '@TGS#aROOM', Cursor: 0 })).toEqual(
      syntheticAnswer,
    );
    expect(
      await post('/v4/group_open_avchatroom_http_svc/get_members', {
        GroupId: '@TGS#aROOM',
        Timestamp: 0,
      }),
    ).toMatchObject({ ErrorCode: 0, MemberList: [] });
  });

  it('refuses a spec file it cannot read', async () => {
    await expect(startEmulator({ seed, specPath: '/nonexistent/openapi.json' })).rejects.toThrow(
      /^Cannot read the spec file \/nonexistent\/openapi\.json: ENOENT/,
    );
  });
});
