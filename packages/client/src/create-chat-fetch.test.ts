import { describe, expect, it } from 'vitest';
import { testOptions } from '../test/helpers/client-options.js';
import { apiError, ok, scriptedFetch } from '../test/helpers/scripted-fetch.js';
import { createChatFetch } from './create-chat-fetch.js';
import { ChatApiError, ChatRequestValidationError } from './errors/chat-errors.js';

const url = 'https://proxy.test/base/v4/group_open_avchatroom_http_svc/get_members';
const chatFetchFor = (...answers: Parameters<typeof scriptedFetch>) => {
  const { fetch, requests } = scriptedFetch(...answers);
  const { baseUrl: _ignored, ...options } = testOptions(fetch);
  return { chatFetch: createChatFetch(options as never), requests };
};
const post = (body: unknown, extra: RequestInit = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
  ...extra,
});

describe('createChatFetch', () => {
  it('sends to the URL it is given, base path included, with the query and headers added', async () => {
    const { chatFetch, requests } = chatFetchFor(ok([{ Member_Account: 'a' }]));
    const response = await chatFetch(
      url,
      post({ GroupId: 'g', Timestamp: 0 }, { headers: { 'x-trace': 't1' } }),
    );
    const [request] = requests;
    expect(`${request?.url.origin}${request?.url.pathname}`).toBe(url);
    expect(request?.url.searchParams.get('usersig')).toBe('test-usersig');
    expect(request?.headers.get('x-trace')).toBe('t1');
    expect(request?.body).toEqual({ GroupId: 'g', Timestamp: 0 });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-chat-request-id')).toBe(request?.url.searchParams.get('random'));
    expect(await response.json()).toMatchObject({ MemberList: [{ Member_Account: 'a' }] });
  });

  it("keeps the caller's random as the request id, across retries, and contenttype=json", async () => {
    const { chatFetch, requests } = chatFetchFor(apiError(10002), ok([]));
    const response = await chatFetch(
      `${url}?random=4294967295&contenttype=json`,
      post({ GroupId: 'g', Timestamp: 0 }),
    );
    expect(requests.map((request) => request.url.searchParams.get('random'))).toEqual([
      '4294967295',
      '4294967295',
    ]);
    expect(requests[0]?.url.searchParams.getAll('contenttype')).toEqual(['json']);
    expect(response.headers.get('x-chat-request-id')).toBe('4294967295');
  });

  it('throws ChatApiError for a non-zero ErrorCode, like createChatClient', async () => {
    const { chatFetch } = chatFetchFor(apiError(10010));
    await expect(chatFetch(url, post({ GroupId: 'g', Timestamp: 0 }))).rejects.toBeInstanceOf(
      ChatApiError,
    );
  });

  it.each([
    { given: 'a path outside the spec', input: 'https://h/v4/other', init: post({}), want: 'GET' },
    {
      given: 'the wrong method',
      input: url,
      init: { method: 'GET' },
      want: 'is not an operation of the spec',
    },
    {
      given: 'a body that is not JSON',
      input: url,
      init: { method: 'POST', body: '{' },
      want: 'the body must be JSON',
    },
    {
      given: 'a body against the schema',
      input: url,
      init: post({ GroupId: '' }),
      want: 'GroupId: must not be empty; Timestamp: is required',
    },
    {
      given: 'an unknown query parameter',
      input: `${url}?page=2`,
      init: post({ GroupId: 'g', Timestamp: 0 }),
      want: 'page: is not a query parameter of the spec',
    },
    ...[
      ['random=-1', 'random: must be a whole number from 0 to 4294967295'],
      ['random=4294967296', 'random: must be a whole number from 0 to 4294967295'],
      ['random=1.5', 'random: must be a whole number from 0 to 4294967295'],
      ['random=1&random=2', 'random: is given more than once'],
      ['contenttype=xml', 'contenttype: must be json'],
      ['usersig=other', 'usersig: is set from the options, not by the caller'],
    ].map(([query, want]) => ({
      given: query,
      input: `${url}?${query}`,
      init: post({ GroupId: 'g', Timestamp: 0 }),
      want: want as string,
    })),
  ])('refuses $given before sending', async ({ input, init, want }) => {
    const { chatFetch, requests } = chatFetchFor(ok([]));
    const error = await chatFetch(input, init).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChatRequestValidationError);
    if (want !== 'GET') expect((error as Error).message).toContain(want);
    expect(requests).toHaveLength(0);
  });
});
