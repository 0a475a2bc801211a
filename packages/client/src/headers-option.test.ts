import { describe, expect, it } from 'vitest';
import { testOptions } from '../test/helpers/client-options.js';
import { ok, scriptedFetch } from '../test/helpers/scripted-fetch.js';
import { createChatClient } from './create-chat-client.js';
import { createChatFetch } from './create-chat-fetch.js';

const secret = 'Bearer SENTINEL-header-value';
const messageOf = (construct: () => unknown): string => {
  try {
    construct();
  } catch (error) {
    expect(error).toBeInstanceOf(TypeError);
    return (error as Error).message;
  }
  return 'did not throw';
};

describe('the headers option', () => {
  it.each([
    { given: 'a record', headers: { Prefer: 'example=groupNotFound' } },
    { given: 'a Headers object', headers: new Headers({ Prefer: 'example=groupNotFound' }) },
    { given: 'a list of pairs', headers: [['Prefer', 'example=groupNotFound']] },
  ])('sends $given with every request, beside the JSON content type', async ({ headers }) => {
    const { fetch, requests } = scriptedFetch(ok([]));
    const client = createChatClient(testOptions(fetch, { headers: headers as HeadersInit }));
    await client.getMembers({ groupId: 'g' });
    await client.getMembers({ groupId: 'g' });
    expect(requests.map((request) => request.headers.get('prefer'))).toEqual([
      'example=groupNotFound',
      'example=groupNotFound',
    ]);
    expect(requests[0]?.headers.get('content-type')).toBe('application/json');
  });

  it('is read once: changing the given object later changes nothing', async () => {
    const { fetch, requests } = scriptedFetch(ok([]));
    const headers: Record<string, string> = { Prefer: 'example=firstPage' };
    const client = createChatClient(testOptions(fetch, { headers }));
    headers.Prefer = 'example=groupNotFound';
    await client.getMembers({ groupId: 'g' });
    expect(requests[0]?.headers.get('prefer')).toBe('example=firstPage');
  });

  it.each([
    { given: 'a string', headers: secret, want: 'options.headers must be a Headers object' },
    {
      given: 'a function',
      headers: () => secret,
      want: 'options.headers must be a Headers object',
    },
    { given: 'a list of other than pairs', headers: [[secret]], want: 'options.headers must be' },
    {
      given: 'a value with a line break',
      headers: { Authorization: `${secret}\r\nX-Injected: 1` },
      want: 'options.headers must be',
    },
    {
      given: 'an invalid name',
      headers: { [`bad name ${secret}`]: 'x' },
      want: 'options.headers must be',
    },
    {
      given: 'a content type (the client sends JSON)',
      headers: { 'Content-Type': 'text/plain', Authorization: secret },
      want: 'options.headers must not set content-type',
    },
  ])('refuses $given without echoing it', ({ headers, want }) => {
    const { fetch } = scriptedFetch(ok([]));
    const message = messageOf(() =>
      createChatClient(testOptions(fetch, { headers: headers as never })),
    );
    expect(message).toContain(want);
    expect(message).not.toContain('SENTINEL');
  });

  it('is refused by createChatFetch, whose requests carry their own headers', () => {
    const { fetch } = scriptedFetch(ok([]));
    const { baseUrl: _unused, ...options } = testOptions(fetch, { headers: { Prefer: secret } });
    const message = messageOf(() => createChatFetch(options as never));
    expect(message).toContain('options.headers is not used');
    expect(message).not.toContain('SENTINEL');
  });
});
