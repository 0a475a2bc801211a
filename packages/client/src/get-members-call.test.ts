import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { testOptions } from '../test/helpers/client-options.js';
import { ok, scriptedFetch } from '../test/helpers/scripted-fetch.js';
import { createChatClient } from './create-chat-client.js';
import { ChatRequestValidationError } from './errors/chat-errors.js';

const revokedProxy = () => {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
};

const badCall = async (params: unknown) => {
  const { fetch, requests } = scriptedFetch(ok([]));
  const error = await createChatClient(testOptions(fetch))
    .getMembers(params as never)
    .catch((e: unknown) => e);
  return { error: error as ChatRequestValidationError, requests };
};

describe('getMembers input, checked before anything is sent', () => {
  it.each([
    { given: 'no groupId', params: {}, want: [{ path: 'groupId', message: 'is required' }] },
    {
      given: 'an empty groupId',
      params: { groupId: '' },
      want: [{ path: 'groupId', message: 'must not be empty' }],
    },
    {
      given: 'a groupId with a control character',
      params: { groupId: '@TGS#\u0007' },
      want: [{ path: 'groupId', message: expect.stringContaining('must match') }],
    },
    {
      given: 'a numeric groupId',
      params: { groupId: 42 },
      want: [{ path: 'groupId', message: 'must be a string' }],
    },
    {
      given: 'a negative timestamp',
      params: { groupId: 'g', timestamp: -1 },
      want: [{ path: 'timestamp', message: 'must be at least 0' }],
    },
    {
      given: 'a fractional timestamp',
      params: { groupId: 'g', timestamp: 1.5 },
      want: [{ path: 'timestamp', message: 'must be an integer' }],
    },
    {
      given: 'a NaN timestamp',
      params: { groupId: 'g', timestamp: Number.NaN },
      want: [{ path: 'timestamp', message: 'must be an integer' }],
    },
    {
      given: 'a timestamp past the safe integers',
      params: { groupId: 'g', timestamp: 2 ** 53 },
      want: [
        {
          path: 'timestamp',
          message: expect.stringMatching(/must be (at most 9007199254740991|an integer)/),
        },
      ],
    },
    {
      given: 'a timestamp as a string',
      params: { groupId: 'g', timestamp: '0' },
      want: [{ path: 'timestamp', message: 'must be an integer' }],
    },
    {
      given: 'a negative mark',
      params: { groupId: 'g', mark: -5 },
      want: [{ path: 'mark', message: 'must be at least 0' }],
    },
    {
      given: 'an unknown parameter',
      params: { groupId: 'g', GroupId: 'g' },
      want: [{ path: 'GroupId', message: 'is not a parameter of getMembers' }],
    },
    {
      given: 'a timeout of 0',
      params: { groupId: 'g', timeoutMs: 0 },
      want: [{ path: 'timeoutMs', message: 'must be an integer from 1 to 2147483647' }],
    },
    {
      given: 'a signal that is not an AbortSignal',
      params: { groupId: 'g', signal: {} },
      want: [{ path: 'signal', message: 'must be an AbortSignal' }],
    },
    {
      given: 'a null timestamp (only a missing one means 0)',
      params: { groupId: 'g', timestamp: null },
      want: [{ path: 'timestamp', message: 'must be an integer' }],
    },
    {
      given: 'an object made from AbortSignal.prototype, which is no signal',
      params: { groupId: 'g', signal: Object.create(AbortSignal.prototype) },
      want: [{ path: 'signal', message: 'must be an AbortSignal' }],
    },
    {
      given: 'an AbortController instead of its signal',
      params: { groupId: 'g', signal: new AbortController() },
      want: [{ path: 'signal', message: 'must be an AbortSignal' }],
    },
    {
      given: 'a revoked Proxy as the signal',
      params: { groupId: 'g', signal: revokedProxy() },
      want: [{ path: 'signal', message: 'must be an AbortSignal' }],
    },
    {
      given: 'a parameter whose getter throws',
      params: Object.defineProperty({ groupId: 'g' }, 'mark', {
        enumerable: true,
        get: () => {
          throw new Error('SENTINEL-getter');
        },
      }),
      want: [{ path: 'mark', message: 'could not be read (its getter threw)' }],
    },
    {
      given: 'a groupId whose getter throws (not reported as missing too)',
      params: Object.defineProperty({}, 'groupId', {
        enumerable: true,
        get: () => {
          throw new Error('SENTINEL-getter');
        },
      }),
      want: [{ path: 'groupId', message: 'could not be read (its getter threw)' }],
    },
    {
      given: 'params whose keys cannot be listed (a revoked Proxy)',
      params: revokedProxy(),
      want: [
        ...['groupId', 'timestamp', 'mark', 'signal', 'timeoutMs'].map((path) => ({
          path,
          message: 'could not be read (its getter threw)',
        })),
        { path: '', message: 'the parameters could not be read (their keys threw)' },
      ],
    },
    {
      given: 'no parameters at all',
      params: undefined,
      want: [{ path: '', message: 'the parameters must be an object' }],
    },
  ])('rejects $given', async ({ params, want }) => {
    const { error, requests } = await badCall(params);
    expect(error).toBeInstanceOf(ChatRequestValidationError);
    expect(error.issues).toEqual(want);
    expect(error).toMatchObject({ operation: 'getMembers', requestId: undefined, attempts: 0 });
    expect(requests).toHaveLength(0);
  });

  it('lists every bad field in one error', async () => {
    const { error } = await badCall({ groupId: '', timestamp: -1, mark: 0.5, extra: true });
    expect(error.issues.map((issue) => issue.path)).toEqual([
      'groupId',
      'timestamp',
      'mark',
      'extra',
    ]);
    expect(error.message).toBe(
      'getMembers was called with bad input: groupId: must not be empty; timestamp: must be at least 0; mark: must be an integer; extra: is not a parameter of getMembers',
    );
  });

  it('never shows the error of a getter that threw (it may hold the value)', async () => {
    const params = Object.defineProperty({}, 'groupId', {
      enumerable: true,
      get: () => {
        throw new Error('SENTINEL-getter');
      },
    });
    const { error } = await badCall(params);
    expect(error).toBeInstanceOf(ChatRequestValidationError);
    expect(`${error.stack} ${inspect(error, { showHidden: true })}`).not.toContain('SENTINEL');
  });

  it('reads each parameter once: the value checked is the value used', async () => {
    const { fetch, requests } = scriptedFetch(ok([]));
    let reads = 0;
    const params = {
      groupId: 'g',
      // A valid timeout when checked, a bad one if it were read again to be used.
      get timeoutMs() {
        reads += 1;
        return reads === 1 ? 5_000 : -1;
      },
    };
    const page = await createChatClient(testOptions(fetch, { maxRetries: 0 })).getMembers(params);
    expect(reads).toBe(1);
    expect(page.members).toEqual([]);
    expect(requests).toHaveLength(1);
  });

  it('accepts the largest safe timestamp and mark 0', async () => {
    const { fetch, requests } = scriptedFetch(ok([]));
    await createChatClient(testOptions(fetch)).getMembers({
      groupId: 'g',
      timestamp: 2 ** 53 - 1,
      mark: 0,
    });
    expect(requests[0]?.body).toEqual({ GroupId: 'g', Timestamp: 2 ** 53 - 1, Mark: 0 });
  });
});
