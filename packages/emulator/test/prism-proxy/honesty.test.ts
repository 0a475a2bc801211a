import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type PrismProxy, startPrismProxy } from '@avchatroom/openapi';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/clock.js';
import { bundledSpec } from '../../src/spec-facts.js';
import { type RunningEmulator, startEmulator } from '../../src/start-emulator.js';
import { fitsSpec } from '../support/spec-answers.js';
import { callQuery, postRaw, type RawAnswer, userSigFor } from './api-call.js';
import { exampleScenarios, unpairedErrorExamples } from './example-scenarios.js';
import { basicApp, honestySeed, proApp } from './honesty-seed.js';

// The honesty check of the issue: every scenario the emulator implements goes
// through `prism proxy <spec> <emulator>`, and Prism must find no violation.
// - Requests that follow the spec go through the strict proxy (`--errors`):
//   a violating answer would come back as a 500, a violating request as a 422.
// - Requests that break the spec on purpose (missing parameters, bad fields)
//   go through the lenient proxy, which forwards them and lists violations in
//   `sl-violations`: the only ones allowed are the request's own.
// - Prism answers malformed JSON itself (400, never forwarded) and is not a
//   transparent network layer for dropped or cut connections, so those few
//   go straight to the emulator, and its answers are checked against the
//   spec's response schema here instead.

const clock = createManualClock(Date.UTC(2026, 10, 26, 12));
let emulator: RunningEmulator;
let strict: PrismProxy;
let lenient: PrismProxy;

beforeAll(async () => {
  emulator = await startEmulator({ seed: honestySeed, pageSize: 250, clock });
  [strict, lenient] = await Promise.all([
    startPrismProxy({ upstream: emulator.url }),
    startPrismProxy({ upstream: emulator.url, errors: false }),
  ]);
});

afterAll(async () => {
  await Promise.all([strict?.stop(), lenient?.stop()]);
  await emulator?.stop();
});

beforeEach(() => {
  emulator.faults.clear();
  emulator.resetStats();
});

const goodQuery = async (app = proApp, random = 12345) =>
  callQuery({
    sdkappid: app.sdkAppId,
    identifier: app.identifier,
    usersig: await userSigFor(app, clock.now()),
    random,
    contenttype: 'json',
  });

/** Through the strict proxy: Prism passed both the request and the emulator's answer. */
const viaStrictProxy = async (body: unknown, query?: string, path?: string): Promise<RawAnswer> => {
  const answer = await postRaw(
    strict.url,
    query ?? (await goodQuery()),
    JSON.stringify(body),
    path,
  );
  expect(answer.status, `Prism refused the exchange: ${answer.text}`).not.toBe(422);
  expect(answer.status, `Prism found violations: ${answer.text}`).not.toBe(500);
  return answer;
};

const errorCodeOf = (answer: RawAnswer) => answer.json().ErrorCode;

describe('valid requests, through prism proxy --errors', () => {
  it('pages a 600-member group at 250 per page, newest first, to NextTimestamp 0', async () => {
    const accounts: string[] = [];
    const joinTimes: number[] = [];
    let timestamp = 0;
    let pages = 0;
    do {
      const body = (
        await viaStrictProxy({ GroupId: '@TGS#aMIDSIZE', Timestamp: timestamp })
      ).json();
      const members = body.MemberList as { Member_Account: string; JoinTime: number }[];
      accounts.push(...members.map((member) => member.Member_Account));
      joinTimes.push(...members.map((member) => member.JoinTime));
      timestamp = body.NextTimestamp as number;
      pages++;
    } while (timestamp !== 0 && pages < 10);
    expect(pages).toBe(3);
    expect(new Set(accounts).size).toBe(600);
    expect(joinTimes).toEqual([...joinTimes].sort((a, b) => b - a));
    const truth = emulator.state
      .onlineMembers(proApp.sdkAppId, '@TGS#aMIDSIZE')
      .map((m) => m.account);
    expect(accounts).toEqual(truth);
  });

  it('returns only the 1,000 latest of 1,100 members', async () => {
    const first = (await viaStrictProxy({ GroupId: '@TGS#aCROWDED', Timestamp: 0 })).json();
    let count = (first.MemberList as unknown[]).length;
    let timestamp = first.NextTimestamp as number;
    for (let page = 0; timestamp !== 0 && page < 10; page++) {
      const next = (
        await viaStrictProxy({ GroupId: '@TGS#aCROWDED', Timestamp: timestamp })
      ).json();
      count += (next.MemberList as unknown[]).length;
      timestamp = next.NextTimestamp as number;
    }
    expect(count).toBe(1000);
  });

  it('filters by Mark', async () => {
    const body = (
      await viaStrictProxy({ GroupId: '@TGS#aCROWDED', Timestamp: 0, Mark: 1000 })
    ).json();
    const marked = emulator.state
      .onlineMembers(proApp.sdkAppId, '@TGS#aCROWDED')
      .filter((member) => member.marks.includes(1000));
    expect(marked.length).toBeGreaterThan(100);
    expect((body.MemberList as { Member_Account: string }[]).map((m) => m.Member_Account)).toEqual(
      marked.slice(0, 250).map((member) => member.account),
    );
  });

  it('gives a basic-edition app only the 30 latest, with ErrorCode 0', async () => {
    const body = (
      await viaStrictProxy({ GroupId: '@TGS#aBASIC', Timestamp: 0 }, await goodQuery(basicApp))
    ).json();
    expect(body).toMatchObject({ ErrorCode: 0, NextTimestamp: 0 });
    expect(body.MemberList).toHaveLength(30);
  });

  it('lists an empty group and a Community group', async () => {
    expect((await viaStrictProxy({ GroupId: '@TGS#aEMPTY', Timestamp: 0 })).json()).toEqual({
      ActionStatus: 'OK',
      ErrorCode: 0,
      ErrorInfo: '',
      MemberList: [],
      NextTimestamp: 0,
    });
    expect(
      (await viaStrictProxy({ GroupId: '@TGS#_COMMUNITY', Timestamp: 0 })).json().MemberList,
    ).toHaveLength(5);
  });

  it('shows joins and leaves only after the snapshot refresh period', async () => {
    const listEmpty = async () =>
      (
        (await viaStrictProxy({ GroupId: '@TGS#aEMPTY', Timestamp: 0 })).json()
          .MemberList as unknown[]
      ).length;
    emulator.state.refreshSnapshots();
    emulator.state.join(proApp.sdkAppId, '@TGS#aEMPTY', {
      account: 'late',
      joinTime: Math.floor(clock.now() / 1000),
    });
    expect(await listEmpty()).toBe(0);
    clock.advance(39_999);
    expect(await listEmpty()).toBe(0);
    clock.advance(1);
    expect(await listEmpty()).toBe(1);
    emulator.state.leave(proApp.sdkAppId, '@TGS#aEMPTY', 'late');
    clock.advance(40_000);
    expect(await listEmpty()).toBe(0);
  });

  it.each([
    ['an unknown group', '@TGS#aNOSUCHGROUP', 10010],
    ['a group ID longer than 48 bytes', `@TGS#a${'X'.repeat(48)}`, 10015],
    ['an @TGS# ID with a character the API never issues', '@TGS#a-b', 10015],
    ['a Private (Work) group', '@TGS#2PRIVATE', 10007],
    ['a Public group', '@TGS#3PUBLIC', 10007],
    ['a ChatRoom (Meeting) group', '@TGS#4CHATROOM', 10007],
  ])('answers %s with its ErrorCode', async (_name, groupId, code) => {
    expect(errorCodeOf(await viaStrictProxy({ GroupId: groupId, Timestamp: 0 }))).toBe(code);
  });

  it.each([
    ['an expired UserSig', 70001],
    ['a UserSig signed with another key', 70009],
    ['a UserSig of another identifier', 70013],
    ['a UserSig of another SDKAppID', 70014],
    ['an unreadable UserSig', 70003],
    ['a non-admin identifier', 60010],
    ['an SDKAppID that does not exist', 70020],
  ])('answers %s with its ErrorCode', async (name, code) => {
    const now = clock.now();
    const sigs: Record<number, () => Promise<[number, string, string]>> = {
      70001: async () => [
        proApp.sdkAppId,
        'admin',
        await userSigFor(proApp, now, { expireSeconds: 60, issuedAgoSeconds: 61 }),
      ],
      70009: async () => [
        proApp.sdkAppId,
        'admin',
        await userSigFor({ ...proApp, secretKey: 'another-key' }, now),
      ],
      70013: async () => [
        proApp.sdkAppId,
        'admin',
        await userSigFor({ ...proApp, identifier: 'admin2' }, now),
      ],
      70014: async () => [proApp.sdkAppId, 'admin', await userSigFor(basicApp, now)],
      70003: async () => [
        proApp.sdkAppId,
        'admin',
        'eJyrVkrNKShKTVayUgrOSM7PTVUIyi8tSQ0ILUxNTQGAPN8',
      ],
      60010: async () => [
        proApp.sdkAppId,
        'viewer1',
        await userSigFor({ ...proApp, identifier: 'viewer1' }, now),
      ],
      70020: async () => [
        1400009999,
        'admin',
        await userSigFor({ ...proApp, sdkAppId: 1400009999 }, now),
      ],
    };
    const [sdkappid, identifier, usersig] = await (
      sigs[code] as () => Promise<[number, string, string]>
    )();
    const query = callQuery({ sdkappid, identifier, usersig, random: 1, contenttype: 'json' });
    const answer = await viaStrictProxy({ GroupId: '@TGS#aMIDSIZE', Timestamp: 0 }, query);
    expect(errorCodeOf(answer), name).toBe(code);
  });

  it('answers an sdkappid that is not a number with 60006 (the spec types it as a string)', async () => {
    const usersig = await userSigFor(proApp, clock.now());
    const query = callQuery({
      sdkappid: 'abc',
      identifier: 'admin',
      usersig,
      random: 1,
      contenttype: 'json',
    });
    expect(errorCodeOf(await viaStrictProxy({ GroupId: '@TGS#aEMPTY', Timestamp: 0 }, query))).toBe(
      60006,
    );
  });

  it('answers the 201st call within one second with the rate-limit code', async () => {
    const query = await goodQuery();
    const body = { GroupId: '@TGS#aEMPTY', Timestamp: 0 };
    // The manual clock stands still: every call falls in one 1 s window.
    const codes: unknown[] = [];
    for (let batch = 0; batch < 4; batch++) {
      const answers = await Promise.all(
        Array.from({ length: 50 }, () => viaStrictProxy(body, query)),
      );
      codes.push(...answers.map(errorCodeOf));
    }
    expect(codes.every((code) => code === 0)).toBe(true);
    expect(errorCodeOf(await viaStrictProxy(body, query))).toBe(60007);
    clock.advance(1000);
    expect(errorCodeOf(await viaStrictProxy(body, query))).toBe(0);
    expect(emulator.stats().busiestSecond).toBe(200);
  });

  it.each([
    ['systemError', 200, 10002],
    ['latency', 200, 0],
  ] as const)('serves an injected %s fault within the spec', async (kind, status, code) => {
    emulator.faults.add({ kind, ms: 300 });
    const answer = await viaStrictProxy({ GroupId: '@TGS#aEMPTY', Timestamp: 0 });
    expect([answer.status, errorCodeOf(answer)]).toEqual([status, code]);
    expect(emulator.stats().faults).toEqual({ [kind]: 1 });
  });

  it('serves an injected HTML 502 page within the spec', async () => {
    emulator.faults.add({ kind: 'html502' });
    const answer = await viaStrictProxy({ GroupId: '@TGS#aEMPTY', Timestamp: 0 });
    expect(answer.status).toBe(502);
    expect(answer.contentType).toMatch(/^text\/html/);
  });
});

describe('every operation of the spec, from its examples, through prism proxy --errors', () => {
  it('has scenarios for every operation', () => {
    const covered = new Set(exampleScenarios.map((scenario) => scenario.operation.operationId));
    expect([...covered].sort()).toEqual(bundledSpec.operations.map((op) => op.operationId).sort());
  });

  it.each(
    exampleScenarios.map(
      (scenario) => [scenario.operation.operationId, scenario.name, scenario] as const,
    ),
  )('%s: the request example %s gets its ErrorCode', async (_id, _name, scenario) => {
    const answer = await viaStrictProxy(scenario.body, undefined, scenario.operation.path);
    expect(errorCodeOf(answer), answer.text).toBe(scenario.errorCode);
  });

  it.each(
    unpairedErrorExamples.map(
      (example) => [example.operation.operationId, example.name, example] as const,
    ),
  )('%s: the error example %s is answered within the spec', async (_id, _name, example) => {
    const { operation, errorCode } = example;
    const body = Object.values(operation.requestExamples)[0];
    const now = clock.now();
    let query = await goodQuery();
    // The emulator's own causes where it has them; an injected fault otherwise.
    if (errorCode === 70001) {
      const usersig = await userSigFor(proApp, now, { expireSeconds: 60, issuedAgoSeconds: 61 });
      query = callQuery({
        sdkappid: proApp.sdkAppId,
        identifier: 'admin',
        usersig,
        random: 1,
        contenttype: 'json',
      });
    } else if (errorCode === 60010) {
      const usersig = await userSigFor({ ...proApp, identifier: 'viewer1' }, now);
      query = callQuery({
        sdkappid: proApp.sdkAppId,
        identifier: 'viewer1',
        usersig,
        random: 1,
        contenttype: 'json',
      });
    } else {
      emulator.faults.add({ kind: 'apiError', code: errorCode });
    }
    const answer = await viaStrictProxy(body, query, operation.path);
    expect(errorCodeOf(answer), answer.text).toBe(errorCode);
  });
});

describe('requests that break the spec on purpose, through the lenient proxy', () => {
  const viaLenientProxy = async (query: string, body: string) => {
    const answer = await postRaw(lenient.url, query, body);
    const responseViolations = answer.violations.filter(
      (violation) => violation.location[0] !== 'request',
    );
    expect(responseViolations, answer.text).toEqual([]);
    expect(answer.violations.length, 'the request was meant to break the spec').toBeGreaterThan(0);
    return answer;
  };

  it.each(
    bundledSpec.operations.flatMap((operation) => [
      [operation.operationId, 'no usersig', operation, { usersig: undefined }, {}, 70002] as const,
      [operation.operationId, 'no GroupId', operation, {}, { GroupId: undefined }, 10004] as const,
    ]),
  )('%s: answers a call with %s', async (_id, _name, operation, queryPatch, bodyPatch, code) => {
    const params = {
      sdkappid: proApp.sdkAppId,
      identifier: proApp.identifier,
      usersig: await userSigFor(proApp, clock.now()),
      random: 1,
      contenttype: 'json',
      ...queryPatch,
    };
    const body = { ...(Object.values(operation.requestExamples)[0] as object), ...bodyPatch };
    const answer = await postRaw(
      lenient.url,
      callQuery(params),
      JSON.stringify(body),
      operation.path,
    );
    const responseViolations = answer.violations.filter((v) => v.location[0] !== 'request');
    expect(responseViolations, answer.text).toEqual([]);
    expect(answer.violations.length, 'the request was meant to break the spec').toBeGreaterThan(0);
    expect(errorCodeOf(answer)).toBe(code);
  });

  it.each([
    ['no sdkappid', { sdkappid: undefined }, 60012],
    ['no identifier', { identifier: undefined }, 60004],
    ['no usersig', { usersig: undefined }, 70002],
    ['a random that is not a 32-bit unsigned integer', { random: '4294967296' }, 60002],
    ['a contenttype other than json', { contenttype: 'xml' }, 60002],
  ])('answers a URL with %s', async (_name, overrides, code) => {
    const params = {
      sdkappid: proApp.sdkAppId,
      identifier: proApp.identifier,
      usersig: await userSigFor(proApp, clock.now()),
      random: 1,
      contenttype: 'json',
      ...overrides,
    };
    const answer = await viaLenientProxy(
      callQuery(params),
      '{"GroupId":"@TGS#aEMPTY","Timestamp":0}',
    );
    expect(errorCodeOf(answer)).toBe(code);
  });

  it.each([
    ['no Timestamp', { GroupId: '@TGS#aEMPTY' }, 10004],
    ['no GroupId', { Timestamp: 0 }, 10004],
    ['a numeric GroupId', { GroupId: 42, Timestamp: 0 }, 10004],
    ['an empty GroupId', { GroupId: '', Timestamp: 0 }, 10004],
    ['a negative Timestamp', { GroupId: '@TGS#aEMPTY', Timestamp: -1 }, 10004],
    ['a fractional Mark', { GroupId: '@TGS#aEMPTY', Timestamp: 0, Mark: 1.5 }, 10004],
    ['a body that is an array', [], 10004],
    ['a GroupId with a control character', { GroupId: '@TGS#a\u0001', Timestamp: 0 }, 10015],
  ])('answers a body with %s', async (_name, body, code) => {
    expect(errorCodeOf(await viaLenientProxy(await goodQuery(), JSON.stringify(body)))).toBe(code);
  });
});

describe('what Prism cannot carry, straight to the emulator', () => {
  it.each([
    ['malformed JSON', '{"GroupId":', 60003],
    ['an empty body', '', 60003],
  ])('answers %s with 60003, within the response schema', async (_name, body, code) => {
    const answer = await postRaw(emulator.url, await goodQuery(), body);
    expect(answer.status).toBe(200);
    expect(fitsSpec('getMembers', answer.json())).toBe(true);
    expect(errorCodeOf(answer)).toBe(code);
  });

  it.each(['drop', 'truncate'] as const)('cuts the connection for a %s fault', async (kind) => {
    emulator.faults.add({ kind });
    await expect(
      postRaw(emulator.url, await goodQuery(), '{"GroupId":"@TGS#aEMPTY","Timestamp":0}'),
    ).rejects.toThrow();
    expect(emulator.stats().faults).toEqual({ [kind]: 1 });
  });
});

describe('the honesty check itself', () => {
  let liar: Server;
  let liarProxy: PrismProxy;

  beforeAll(async () => {
    // An upstream that answers outside the spec: the strict proxy must catch it.
    liar = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"ActionStatus":"MAYBE","ErrorCode":"0"}');
    });
    await new Promise<void>((resolve) => liar.listen(0, '127.0.0.1', resolve));
    liarProxy = await startPrismProxy({
      upstream: `http://127.0.0.1:${(liar.address() as AddressInfo).port}`,
    });
  });

  afterAll(async () => {
    await liarProxy?.stop();
    await new Promise((resolve) => liar?.close(resolve));
  });

  it('turns an answer outside the spec into a 500 listing the violations', async () => {
    const answer = await postRaw(
      liarProxy.url,
      await goodQuery(),
      '{"GroupId":"@TGS#aEMPTY","Timestamp":0}',
    );
    expect(answer.status).toBe(500);
    expect(answer.text).toMatch(/VIOLATIONS/);
  });
});
