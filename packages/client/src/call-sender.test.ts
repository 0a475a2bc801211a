import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { testOptions } from '../test/helpers/client-options.js';
import { settleWithFakeTimers } from '../test/helpers/fake-time.js';
import { apiError, hang, ok, scriptedFetch } from '../test/helpers/scripted-fetch.js';
import { createChatClient } from './create-chat-client.js';
import {
  ChatApiError,
  ChatConnectionError,
  ChatHttpError,
  ChatResponseValidationError,
  ChatTimeoutError,
} from './errors/chat-errors.js';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

/** Runs a call to its end under fake timers; returns its outcome and the waits between attempts. */
const settle = async <T>(call: Promise<T>) => {
  const outcome = call.then(
    (value) => ({ value, error: undefined }),
    (error: unknown) => ({ value: undefined, error }),
  );
  await settleWithFakeTimers(outcome);
  return outcome;
};

describe('request building', () => {
  it('POSTs the JSON body with the five query parameters', async () => {
    const { fetch, requests } = scriptedFetch(ok([]));
    await createChatClient(testOptions(fetch)).getMembers({
      groupId: '@TGS#a6I4ZUUGO',
      mark: 1000,
    });
    const [request] = requests;
    expect(request?.method).toBe('POST');
    expect(`${request?.url.origin}${request?.url.pathname}`).toBe(
      'https://chat.test/v4/group_open_avchatroom_http_svc/get_members',
    );
    expect(Object.fromEntries(request?.url.searchParams ?? [])).toEqual({
      sdkappid: '1400000001',
      identifier: 'admin',
      usersig: 'test-usersig',
      random: expect.stringMatching(/^\d{1,10}$/),
      contenttype: 'json',
    });
    expect(request?.headers.get('content-type')).toBe('application/json');
    expect(request?.body).toEqual({ GroupId: '@TGS#a6I4ZUUGO', Timestamp: 0, Mark: 1000 });
  });

  it('keeps one random across the retries of a call and draws a new one per call', async () => {
    const { fetch, requests } = scriptedFetch(apiError(10002), ok([]), ok([]));
    const client = createChatClient(testOptions(fetch));
    await settle(client.getMembers({ groupId: 'g' }));
    await client.getMembers({ groupId: 'g' });
    const randoms = requests.map((request) => Number(request.url.searchParams.get('random')));
    expect(randoms[0]).toBe(randoms[1]);
    expect(randoms[2]).not.toBe(randoms[0]);
    for (const random of randoms) expect(random).toBeGreaterThanOrEqual(0);
    for (const random of randoms) expect(random).toBeLessThanOrEqual(4294967295);
  });

  it('sends to the region main domain from the spec', async () => {
    const { fetch, requests } = scriptedFetch(ok([]));
    const options = testOptions(fetch);
    delete options.baseUrl;
    await createChatClient({ ...options, region: 'singapore' }).getMembers({ groupId: 'g' });
    expect(requests[0]?.url.origin).toBe('https://adminapisgp.im.qcloud.com');
  });

  it('returns the page, its cursor and the request id', async () => {
    const { fetch, requests } = scriptedFetch(ok([{ Member_Account: 'a' }], 1700000123));
    const page = await createChatClient(testOptions(fetch)).getMembers({ groupId: 'g' });
    expect(page).toMatchObject({
      members: [{ Member_Account: 'a', JoinTime: 1_700_000_000 }],
      nextTimestamp: 1700000123,
      requestId: Number(requests[0]?.url.searchParams.get('random')),
    });
  });
});

const html502 = () =>
  new Response('<html><body><h1>502 Bad Gateway</h1></body></html>', {
    status: 502,
    headers: { 'content-type': 'text/html' },
  });

describe('retries', () => {
  // Delays are [min, max] of "equal jitter": half the back-off fixed, half random.
  it.each([
    {
      given: 'a transient code (10002)',
      answer: apiError(10002),
      errorClass: ChatApiError,
      delays: [
        [250, 500],
        [500, 1000],
      ],
    },
    {
      given: 'a rate-limit code (60007)',
      answer: apiError(60007),
      errorClass: ChatApiError,
      delays: [
        [500, 1000],
        [1000, 2000],
      ],
    },
    {
      given: 'HTTP 502 with an HTML page',
      answer: html502(),
      errorClass: ChatHttpError,
      delays: [
        [250, 500],
        [500, 1000],
      ],
    },
    {
      given: 'HTTP 429',
      answer: new Response('slow down', { status: 429 }),
      errorClass: ChatHttpError,
      delays: [
        [500, 1000],
        [1000, 2000],
      ],
    },
    {
      given: 'a body cut short',
      answer: new Response('{"ActionStatus":"OK","Err', { status: 200 }),
      errorClass: ChatResponseValidationError,
      delays: [
        [250, 500],
        [500, 1000],
      ],
    },
    {
      given: 'a connection error',
      answer: () =>
        Promise.reject(new TypeError('fetch failed', { cause: new Error('ECONNRESET') })),
      errorClass: ChatConnectionError,
      delays: [
        [250, 500],
        [500, 1000],
      ],
    },
  ])(
    'retries $given twice by default, backing off, then throws',
    async ({ answer, errorClass, delays }) => {
      const { fetch, requests } = scriptedFetch(answer);
      const sentAt: number[] = [];
      const timedFetch: typeof fetch = (input, init) => {
        sentAt.push(Date.now());
        return fetch(input, init);
      };
      const { error } = await settle(
        createChatClient(testOptions(timedFetch)).getMembers({ groupId: 'g' }),
      );
      expect(error).toBeInstanceOf(errorClass);
      expect(error).toMatchObject({ attempts: 3, operation: 'getMembers' });
      expect(requests).toHaveLength(3);
      const waits = sentAt.slice(1).map((time, index) => time - (sentAt[index] ?? 0));
      waits.forEach((wait, index) => {
        const [min, max] = delays[index] ?? [];
        expect(wait).toBeGreaterThanOrEqual(min ?? Number.NaN);
        expect(wait).toBeLessThanOrEqual(max ?? Number.NaN);
      });
    },
  );

  it('grows the back-off to the 8 s cap', async () => {
    const { fetch } = scriptedFetch(apiError(10002));
    const sentAt: number[] = [];
    const timedFetch: typeof fetch = (input, init) => {
      sentAt.push(Date.now());
      return fetch(input, init);
    };
    await settle(
      createChatClient(testOptions(timedFetch, { maxRetries: 7 })).getMembers({ groupId: 'g' }),
    );
    const waits = sentAt.slice(1).map((time, index) => time - (sentAt[index] ?? 0));
    expect(waits).toHaveLength(7);
    expect(Math.max(...waits)).toBeLessThanOrEqual(8000);
    expect(waits.slice(4).every((wait) => wait >= 4000)).toBe(true);
  });

  it.each([
    {
      given: 'a group that does not exist (10010)',
      answer: apiError(10010),
      errorClass: ChatApiError,
    },
    { given: 'an undocumented code', answer: apiError(99999), errorClass: ChatApiError },
    {
      given: 'a documented wait longer than the cap (70050: 1 minute)',
      answer: apiError(70050),
      errorClass: ChatApiError,
    },
    {
      given: 'a long-wait code (60020: 5 minutes)',
      answer: apiError(60020),
      errorClass: ChatApiError,
    },
    {
      given: 'HTTP 404',
      answer: new Response('not found', { status: 404 }),
      errorClass: ChatHttpError,
    },
    {
      given: 'a body that does not match the schema',
      answer: { ActionStatus: 'OK', ErrorCode: 0, MemberList: [{}] },
      errorClass: ChatResponseValidationError,
    },
    {
      given: 'a JSON body that is not an object',
      answer: new Response('[1]', { status: 200 }),
      errorClass: ChatResponseValidationError,
    },
  ])('never retries $given', async ({ answer, errorClass }) => {
    const { fetch, requests } = scriptedFetch(answer);
    const { error } = await settle(
      createChatClient(testOptions(fetch)).getMembers({ groupId: 'g' }),
    );
    expect(error).toBeInstanceOf(errorClass);
    expect(requests).toHaveLength(1);
  });

  it('succeeds when a retry does', async () => {
    const { fetch, requests } = scriptedFetch(
      html502(),
      apiError(70500),
      ok([{ Member_Account: 'a' }]),
    );
    const { value } = await settle(
      createChatClient(testOptions(fetch)).getMembers({ groupId: 'g' }),
    );
    expect(value?.members).toEqual([{ Member_Account: 'a', JoinTime: 1_700_000_000 }]);
    expect(requests).toHaveLength(3);
  });

  it('sends once with maxRetries 0', async () => {
    const { fetch, requests } = scriptedFetch(apiError(10002));
    const { error } = await settle(
      createChatClient(testOptions(fetch, { maxRetries: 0 })).getMembers({ groupId: 'g' }),
    );
    expect(error).toMatchObject({ code: 10002, attempts: 1 });
    expect(requests).toHaveLength(1);
  });
});

describe('timeouts and aborts', () => {
  it('times out each attempt after 10 s by default, retrying, then throws ChatTimeoutError', async () => {
    const { fetch, requests } = scriptedFetch(hang);
    const started = Date.now();
    const { error } = await settle(
      createChatClient(testOptions(fetch)).getMembers({ groupId: 'g' }),
    );
    expect(error).toBeInstanceOf(ChatTimeoutError);
    expect(error).toMatchObject({ timeoutMs: 10_000, attempts: 3 });
    expect(requests).toHaveLength(3);
    expect(Date.now() - started).toBeGreaterThanOrEqual(30_000 + 250 + 500);
  });

  it('takes a per-call timeout', async () => {
    const { fetch } = scriptedFetch(hang);
    const started = Date.now();
    const client = createChatClient(testOptions(fetch, { maxRetries: 0, timeoutMs: 60_000 }));
    const { error } = await settle(client.getMembers({ groupId: 'g', timeoutMs: 1500 }));
    expect(error).toMatchObject({ timeoutMs: 1500 });
    expect(Date.now() - started).toBe(1500);
  });

  it('times out a body that stalls after the headers', async () => {
    const stalledBody: typeof hang = (_request, signal) => {
      const body = new ReadableStream({
        start(controller) {
          signal?.addEventListener('abort', () => controller.error(signal.reason), { once: true });
        },
      });
      return new Response(body, { status: 200 });
    };
    const { fetch } = scriptedFetch(stalledBody);
    const { error } = await settle(
      createChatClient(testOptions(fetch, { maxRetries: 0 })).getMembers({ groupId: 'g' }),
    );
    expect(error).toBeInstanceOf(ChatTimeoutError);
  });

  it('rejects with the abort reason during a back-off and sends nothing more', async () => {
    const { fetch, requests } = scriptedFetch(apiError(10002));
    const controller = new AbortController();
    const call = createChatClient(testOptions(fetch)).getMembers({
      groupId: 'g',
      signal: controller.signal,
    });
    const outcome = call.catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(100);
    expect(requests).toHaveLength(1);
    controller.abort(new Error('user gave up'));
    await expect(outcome).resolves.toMatchObject({ message: 'user gave up' });
    await vi.runAllTimersAsync();
    expect(requests).toHaveLength(1);
  });

  it('rejects with the abort reason during an attempt, without retrying', async () => {
    const { fetch, requests } = scriptedFetch(hang);
    const controller = new AbortController();
    const call = createChatClient(testOptions(fetch)).getMembers({
      groupId: 'g',
      signal: controller.signal,
    });
    const outcome = call.catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(100);
    controller.abort();
    expect(await outcome).toMatchObject({ name: 'AbortError' });
    await vi.runAllTimersAsync();
    expect(requests).toHaveLength(1);
  });

  it('sends nothing when the signal has already aborted', async () => {
    const { fetch, requests } = scriptedFetch(ok([]));
    const call = createChatClient(testOptions(fetch)).getMembers({
      groupId: 'g',
      signal: AbortSignal.abort(),
    });
    await expect(call).rejects.toMatchObject({ name: 'AbortError' });
    expect(requests).toHaveLength(0);
  });
});

describe('UserSig renewal on 70001', () => {
  it('renews once and retries when the client holds the secret key', async () => {
    const { fetch, requests } = scriptedFetch(apiError(70001), ok([]));
    const client = createChatClient(
      testOptions(fetch, { userSig: undefined, secretKey: 'test-secret-key', maxRetries: 0 }),
    );
    const { value } = await settle(client.getMembers({ groupId: 'g' }));
    expect(value?.members).toEqual([]);
    expect(requests).toHaveLength(2);
  });

  it('renews only once per call', async () => {
    const { fetch, requests } = scriptedFetch(apiError(70001));
    const client = createChatClient(
      testOptions(fetch, { userSig: undefined, secretKey: 'test-secret-key' }),
    );
    const { error } = await settle(client.getMembers({ groupId: 'g' }));
    expect(error).toMatchObject({ code: 70001, codeName: 'UserSigExpired', retry: 'renewUserSig' });
    expect(requests).toHaveLength(2);
  });

  it('cannot renew a fixed UserSig, so it throws at once', async () => {
    const { fetch, requests } = scriptedFetch(apiError(70001));
    const { error } = await settle(
      createChatClient(testOptions(fetch)).getMembers({ groupId: 'g' }),
    );
    expect(error).toMatchObject({ code: 70001 });
    expect(requests).toHaveLength(1);
  });
});

describe('regional failover', () => {
  const regional = (fetch: typeof globalThis.fetch, extra = {}) => {
    const options = testOptions(fetch, extra);
    delete options.baseUrl;
    return createChatClient({ ...options, region: 'singapore' });
  };
  const hosts = (requests: { url: URL }[]) => requests.map((request) => request.url.host);

  it.each([
    { given: 'a connection error', answer: () => Promise.reject(new TypeError('fetch failed')) },
    { given: 'HTTP 502', answer: html502() },
    { given: 'a timeout', answer: hang },
  ])('tries the standby domain after $given, then the main one again', async ({ answer }) => {
    const { fetch, requests } = scriptedFetch(answer);
    const { error } = await settle(regional(fetch).getMembers({ groupId: 'g' }));
    expect(error).toMatchObject({ attempts: 3 });
    expect(hosts(requests)).toEqual([
      'adminapisgp.im.qcloud.com',
      'adminapisgp.my-imcloud.com',
      'adminapisgp.im.qcloud.com',
    ]);
  });

  it('stays on the main domain when the API itself answered (a transient ErrorCode)', async () => {
    const { fetch, requests } = scriptedFetch(apiError(10002));
    await settle(regional(fetch).getMembers({ groupId: 'g' }));
    expect(new Set(hosts(requests))).toEqual(new Set(['adminapisgp.im.qcloud.com']));
  });

  it('succeeds on the standby domain when the main one is down', async () => {
    const { fetch, requests } = scriptedFetch(
      () => Promise.reject(new TypeError('fetch failed')),
      ok([{ Member_Account: 'a' }]),
    );
    const { value } = await settle(regional(fetch).getMembers({ groupId: 'g' }));
    expect(value?.members).toHaveLength(1);
    expect(hosts(requests)).toEqual(['adminapisgp.im.qcloud.com', 'adminapisgp.my-imcloud.com']);
  });

  it('never fails over from a baseUrl, which has no standby', async () => {
    const { fetch, requests } = scriptedFetch(html502());
    await settle(createChatClient(testOptions(fetch)).getMembers({ groupId: 'g' }));
    expect(new Set(hosts(requests))).toEqual(new Set(['chat.test']));
  });
});
