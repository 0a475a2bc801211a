import createClient from 'openapi-fetch';
import { describe, expect, it } from 'vitest';
import { apiError, ok, scriptedFetch } from '../test/helpers/scripted-fetch.js';
import { createChatMiddleware } from './chat-middleware.js';
import {
  ChatApiError,
  ChatHttpError,
  ChatRequestValidationError,
  ChatResponseValidationError,
} from './errors/chat-errors.js';
import type { ChatMiddlewarePaths } from './fetch.js';
import { verifyUserSig } from './user-sig/index.js';

const path = '/v4/group_open_avchatroom_http_svc/get_members';
const body = { GroupId: '@TGS#g', Timestamp: 0 };
const secretKey = 'SENTINEL-secret-key-of-the-middleware-test';
const userSig = 'SENTINEL-fixed-usersig-0123456789';

const clientFor = (
  credential: { secretKey: string } | { userSig: string },
  ...answers: Parameters<typeof scriptedFetch>
) => {
  const { fetch, requests } = scriptedFetch(...answers);
  const client = createClient<ChatMiddlewarePaths>({ baseUrl: 'https://chat.test/base', fetch });
  client.use(createChatMiddleware({ sdkAppId: 1400000001, identifier: 'admin', ...credential }));
  return { client, requests };
};

describe('createChatMiddleware with openapi-fetch', () => {
  it('fills in the credentials, contenttype and a fresh random; data on ErrorCode 0', async () => {
    const { client, requests } = clientFor({ secretKey }, ok([{ Member_Account: 'a' }]));
    const { data, error, response } = await client.POST(path, { body });
    expect(error).toBeUndefined();
    expect(data?.MemberList).toEqual([{ Member_Account: 'a', JoinTime: 1_700_000_000 }]);
    expect(response.status).toBe(200);
    const query = requests[0]?.url.searchParams;
    expect(requests[0]?.url.pathname).toBe(`/base${path}`);
    expect(requests[0]?.body).toEqual(body);
    expect(query?.get('sdkappid')).toBe('1400000001');
    expect(query?.get('identifier')).toBe('admin');
    expect(query?.get('contenttype')).toBe('json');
    expect(Number(query?.get('random'))).toSatisfy(Number.isSafeInteger);
    const sig = await verifyUserSig(query?.get('usersig') ?? '', {
      sdkAppId: 1400000001,
      secretKey,
    });
    expect(sig).toMatchObject({ valid: true, identifier: 'admin' });
  });

  it('returns an ErrorCode other than 0 as { error }, a ChatApiError', async () => {
    const { client, requests } = clientFor({ userSig }, apiError(10010, `no group (${userSig})`));
    const { data, error, response } = await client.POST(path, { body });
    expect(data).toBeUndefined();
    expect(error).toBeInstanceOf(ChatApiError);
    expect(error).toMatchObject({
      code: 10010,
      codeName: 'GroupNotFound',
      operation: 'getMembers',
      requestId: Number(requests[0]?.url.searchParams.get('random')),
      attempts: 1,
      info: 'no group (***)',
    });
    expect(response.status).toBe(200);
  });

  it("keeps the caller's random as the request id", async () => {
    const { client, requests } = clientFor({ userSig }, apiError(10002));
    const { error } = await client.POST(path, { body, params: { query: { random: 42 } } });
    expect(requests[0]?.url.searchParams.getAll('random')).toEqual(['42']);
    expect(error?.requestId).toBe(42);
  });

  it('renews the UserSig and retries once on 70001 when it holds the secret key', async () => {
    const { client, requests } = clientFor({ secretKey }, apiError(70001), ok([]));
    const { data, error } = await client.POST(path, { body, params: { query: { random: 7 } } });
    expect(error).toBeUndefined();
    expect(data?.ErrorCode).toBe(0);
    expect(requests.map((request) => request.url.searchParams.get('random'))).toEqual(['7', '7']);
    expect(requests[1]?.body).toEqual(body);
  });

  it.each([
    { given: 'a fixed UserSig', credential: { userSig }, attempts: 1 },
    { given: 'a second 70001', credential: { secretKey }, attempts: 2 },
  ])('returns 70001 as { error } after $given', async ({ credential, attempts }) => {
    const { client, requests } = clientFor(credential, apiError(70001));
    const { error } = await client.POST(path, { body });
    expect(error).toMatchObject({ code: 70001, attempts });
    expect(requests).toHaveLength(attempts);
  });

  it.each([
    {
      given: 'an HTTP 502 page',
      answer: new Response(`<h1>Bad Gateway</h1> usersig=${userSig}`, { status: 502 }),
      want: {
        errorClass: ChatHttpError,
        status: 502,
        bodyExcerpt: '<h1>Bad Gateway</h1> usersig=***',
      },
    },
    {
      given: 'a redirect (not followed)',
      answer: new Response(null, {
        status: 302,
        headers: { location: `https://elsewhere.test/?usersig=${userSig}` },
      }),
      want: {
        errorClass: ChatHttpError,
        status: 302,
        location: 'https://elsewhere.test/?usersig=***',
      },
    },
    {
      given: 'an empty 204',
      answer: new Response(null, { status: 204 }),
      want: { errorClass: ChatHttpError, status: 204 },
    },
    {
      given: 'a body that is not JSON',
      answer: new Response('<html>', { status: 200 }),
      want: { errorClass: ChatResponseValidationError },
    },
  ])('returns $given as { error }', async ({ answer, want }) => {
    const { client } = clientFor({ userSig }, answer);
    const { data, error } = await client.POST(path, { body });
    expect(data).toBeUndefined();
    const { errorClass, ...fields } = want;
    expect(error).toBeInstanceOf(errorClass);
    expect(error).toMatchObject(fields);
    expect(String(error?.message)).not.toContain('SENTINEL');
  });

  it.each([
    {
      given: 'a random out of range',
      query: { random: 2 ** 32 },
      want: 'random: must be a whole number',
    },
    { given: 'a credential', query: { usersig: 'x' }, want: 'usersig: is set from the options' },
  ])('throws a ChatRequestValidationError for $given, sending nothing', async ({ query, want }) => {
    const { client, requests } = clientFor({ userSig });
    const call = client.POST(path, { body, params: { query: query as never } });
    await expect(call).rejects.toBeInstanceOf(ChatRequestValidationError);
    await expect(call).rejects.toThrow(want);
    expect(requests).toHaveLength(0);
  });

  it('throws for a path outside the spec, sending nothing', async () => {
    const { client, requests } = clientFor({ userSig });
    const post = client.POST as unknown as (path: string, init: object) => Promise<unknown>;
    await expect(post('/v4/other', { body })).rejects.toThrow('is not an operation of the spec');
    expect(requests).toHaveLength(0);
  });
});

describe('createChatMiddleware options', () => {
  it.each([
    {
      given: 'an option openapi-fetch owns',
      extra: { timeoutMs: 5 },
      want: 'options.timeoutMs is not an option of the middleware',
    },
    {
      given: 'a region',
      extra: { region: 'singapore' },
      want: 'options.region is not an option of the middleware',
    },
    {
      given: 'both credentials',
      extra: { userSig },
      want: 'give exactly one of secretKey and userSig',
    },
  ])('refuses $given without echoing a secret', ({ extra, want }) => {
    const construct = () =>
      createChatMiddleware({
        sdkAppId: 1400000001,
        identifier: 'admin',
        secretKey,
        ...extra,
      } as never);
    expect(construct).toThrow(TypeError);
    expect(construct).toThrow(want);
    try {
      construct();
    } catch (error) {
      expect((error as Error).message).not.toContain('SENTINEL');
    }
  });
});
