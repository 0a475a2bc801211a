import { describe, expect, it } from 'vitest';
import { type ChatCredentials, randomUint32, withCommonQuery } from './common-query.js';

const credentials: ChatCredentials = { sdkAppId: 1400000001, identifier: 'admin', userSig: 'sig' };

const recordingFetch = () => {
  const requests: Request[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    requests.push(new Request(input, init));
    return new Response('{}', { headers: { 'content-type': 'application/json' } });
  };
  return { requests, fetch: fetch as typeof globalThis.fetch };
};

describe('withCommonQuery', () => {
  it('adds the five common query parameters and keeps the rest of the request', async () => {
    const { requests, fetch } = recordingFetch();
    await withCommonQuery(credentials, fetch)('https://api.test/v4/x?keep=1', {
      method: 'POST',
      headers: { 'content-type': 'application/json', prefer: 'example=firstPage' },
      body: '{"GroupId":"g","Timestamp":0}',
    });
    const [request] = requests;
    const url = new URL(request?.url ?? '');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      keep: '1',
      sdkappid: '1400000001',
      identifier: 'admin',
      usersig: 'sig',
      random: expect.stringMatching(/^\d+$/),
      contenttype: 'json',
    });
    expect(request?.method).toBe('POST');
    expect(request?.headers.get('prefer')).toBe('example=firstPage');
    expect(await request?.text()).toBe('{"GroupId":"g","Timestamp":0}');
  });

  it('replaces common parameters already in the URL instead of repeating them', async () => {
    const { requests, fetch } = recordingFetch();
    await withCommonQuery(credentials, fetch)('https://api.test/x?random=1&contenttype=xml');
    const url = new URL(requests[0]?.url ?? '');
    expect(url.searchParams.getAll('random')).toHaveLength(1);
    expect(url.searchParams.getAll('contenttype')).toEqual(['json']);
  });

  it('sends a fresh random on every call', async () => {
    const { requests, fetch } = recordingFetch();
    const wrapped = withCommonQuery(credentials, fetch);
    for (let call = 0; call < 20; call++) await wrapped('https://api.test/x');
    const randoms = new Set(requests.map((r) => new URL(r.url).searchParams.get('random')));
    expect(randoms.size).toBeGreaterThan(1);
  });

  it.each([
    { given: { sdkAppId: 0 }, want: 'credentials.sdkAppId must be a positive integer' },
    { given: { sdkAppId: 1.5 }, want: 'credentials.sdkAppId must be a positive integer' },
    { given: { identifier: '' }, want: 'credentials.identifier must be a non-empty string' },
    { given: { userSig: '' }, want: 'credentials.userSig must be a non-empty string' },
  ])('refuses $given at construction', ({ given, want }) => {
    expect(() => withCommonQuery({ ...credentials, ...given })).toThrow(want);
  });
});

describe('randomUint32', () => {
  it('stays within 0..4294967295', () => {
    for (let draw = 0; draw < 1000; draw++) {
      const value = randomUint32();
      expect(Number.isInteger(value) && value >= 0 && value <= 4294967295).toBe(true);
    }
  });
});
