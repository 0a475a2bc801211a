import { describe, expect, it } from 'vitest';
import { createChatClient } from './create-chat-client.js';
import { createChatFetch } from './create-chat-fetch.js';

const secretKey = 'SENTINEL-SECRET-KEY-do-not-print';
const valid = {
  sdkAppId: 1400000001,
  identifier: 'admin',
  secretKey,
  region: 'singapore',
} as const;

/** An object whose `name` getter throws an error holding a sentinel. */
const throwingGetter = (name: string) =>
  Object.defineProperty({}, name, {
    enumerable: true,
    get: () => {
      throw new Error('SENTINEL-getter');
    },
  });

const revokedProxy = () => {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
};

const construct = (options: Record<string, unknown>) => () => createChatClient(options as never);

const messageOf = (construction: () => unknown): string => {
  try {
    construction();
  } catch (error) {
    return (error as Error).message;
  }
  return 'did not throw';
};

describe('createChatClient options', () => {
  it('accepts valid options with either credential and either endpoint', () => {
    expect(construct(valid)).not.toThrow();
    expect(
      construct({ sdkAppId: 1, identifier: 'a', userSig: 'sig', baseUrl: 'http://127.0.0.1:1' }),
    ).not.toThrow();
  });

  it.each([
    {
      given: 'sdkAppId 0',
      change: { sdkAppId: 0 },
      want: 'options.sdkAppId must be a positive integer',
    },
    {
      given: 'sdkAppId as a string',
      change: { sdkAppId: '1400000001' },
      want: 'options.sdkAppId must be a positive integer',
    },
    {
      given: 'sdkAppId 1.5',
      change: { sdkAppId: 1.5 },
      want: 'options.sdkAppId must be a positive integer',
    },
    {
      given: 'an empty identifier',
      change: { identifier: '' },
      want: 'options.identifier must be a non-empty string of at most 32 bytes',
    },
    {
      given: 'a 33-byte identifier',
      change: { identifier: 'a'.repeat(33) },
      want: 'options.identifier must be',
    },
    {
      given: 'an 11-character identifier of 33 bytes',
      change: { identifier: '管理员管理员管理员管理员' },
      want: 'options.identifier must be',
    },
    {
      given: 'an empty secretKey',
      change: { secretKey: '' },
      want: 'options.secretKey must be a non-empty string',
    },
    {
      given: 'both credentials',
      change: { userSig: 'sig' },
      want: 'give exactly one of secretKey and userSig',
    },
    {
      given: 'no credential',
      change: { secretKey: undefined },
      want: 'give exactly one of secretKey and userSig',
    },
    {
      given: 'an unknown region',
      change: { region: 'mars' },
      want: 'options.region must be one of china, singapore, seoul, tokyo, frankfurt, silicon-valley, jakarta',
    },
    {
      given: 'both region and baseUrl',
      change: { baseUrl: 'http://127.0.0.1:1' },
      want: 'give exactly one of region and baseUrl',
    },
    {
      given: 'no endpoint',
      change: { region: undefined },
      want: 'give exactly one of region and baseUrl',
    },
    {
      given: 'a baseUrl that is not http',
      change: { region: undefined, baseUrl: 'ftp://x' },
      want: 'options.baseUrl must be an http(s) URL',
    },
    {
      given: 'timeoutMs 0',
      change: { timeoutMs: 0 },
      want: 'options.timeoutMs must be an integer from 1 to 2147483647',
    },
    {
      given: 'a timeout longer than setTimeout keeps',
      change: { timeoutMs: 2 ** 31 },
      want: 'options.timeoutMs must be an integer from 1 to 2147483647',
    },
    {
      given: 'maxRetries 11',
      change: { maxRetries: 11 },
      want: 'options.maxRetries must be an integer from 0 to 10',
    },
    {
      given: 'maxRetries -1',
      change: { maxRetries: -1 },
      want: 'options.maxRetries must be an integer from 0 to 10',
    },
    {
      given: 'rateLimit true',
      change: { rateLimit: true },
      want: 'options.rateLimit must be false or an object',
    },
    {
      given: 'a zero rate',
      change: { rateLimit: { callsPerSecond: 0 } },
      want: 'options.rateLimit.callsPerSecond must be a positive integer',
    },
    {
      given: 'a fractional rate',
      change: { rateLimit: { callsPerSecond: 2.5 } },
      want: 'options.rateLimit.callsPerSecond must be a positive integer',
    },
    {
      given: 'a margin of -1',
      change: { rateLimit: { marginMs: -1 } },
      want: 'options.rateLimit.marginMs must be an integer from 0 to 1000',
    },
    {
      given: 'a margin of 1001',
      change: { rateLimit: { marginMs: 1001 } },
      want: 'options.rateLimit.marginMs must be an integer from 0 to 1000',
    },
    {
      given: 'a store without reservePlace()',
      change: { rateLimit: { store: {} } },
      want: 'options.rateLimit.store must have a reservePlace() method',
    },
    {
      given: 'a burst of 0.5',
      change: { rateLimit: { burst: 0.5 } },
      want: 'options.rateLimit.burst must be a positive integer',
    },
    {
      given: 'the store methods of earlier releases',
      change: { rateLimit: { store: { reserve: () => 0, acquire: () => 0 } } },
      want: 'options.rateLimit.store must have a reservePlace() method',
    },
    {
      given: 'an unknown rateLimit field',
      change: { rateLimit: { perSecond: 5 } },
      want: 'options.rateLimit has unknown fields: perSecond',
    },
    {
      given: 'fetch that is not a function',
      change: { fetch: 'fetch' },
      want: 'options.fetch must be a function',
    },
    {
      given: 'an unknown logLevel',
      change: { logLevel: 'verbose' },
      want: 'options.logLevel must be one of debug, info, warn, error',
    },
    {
      given: 'validateResponses as a string',
      change: { validateResponses: 'yes' },
      want: 'options.validateResponses must be a boolean',
    },
    {
      given: 'a UserSig lifetime within the 5-minute renewal margin',
      change: { userSigExpireSeconds: 300 },
      want: 'options.userSigExpireSeconds must be an integer greater than 300',
    },
    {
      given: 'a baseUrl with a user name and password (sent on every call, quoted in errors)',
      change: { region: undefined, baseUrl: 'http://deploy:pw@127.0.0.1:1' },
      want: 'options.baseUrl must be an http(s) URL without a user name or password',
    },
    {
      given: 'a baseUrl with a trailing control character (the URL parser would drop it)',
      change: { region: undefined, baseUrl: 'http://127.0.0.1:1\u0000' },
      want: 'options.baseUrl must be an http(s) URL',
    },
    {
      given: 'a logger level that is not a function',
      change: { logger: { info: 'console.info' } },
      want: 'options.logger.info must be a function',
    },
    {
      given: 'a logger whose getter throws',
      change: { logger: throwingGetter('warn') },
      want: 'options.logger.warn could not be read (its getter threw)',
    },
    {
      given: 'a rateLimit field whose getter throws',
      change: { rateLimit: throwingGetter('marginMs') },
      want: 'options.rateLimit.marginMs could not be read (its getter threw)',
    },
    {
      given: 'a rateLimit that cannot be read (a revoked Proxy)',
      change: { rateLimit: revokedProxy() },
      want: 'options.rateLimit could not be read (its keys threw)',
    },
    {
      given: 'a misspelt option',
      change: { sdkappid: 5 },
      want: 'options.sdkappid is not an option (did you mean sdkAppId?)',
    },
    {
      given: 'an unknown option',
      change: { retries: 5 },
      want: 'options.retries is not an option',
    },
  ])('throws a TypeError naming the option for $given', ({ change, want }) => {
    const options: Record<string, unknown> = { ...valid, ...change };
    for (const [key, value] of Object.entries(change)) if (value === undefined) delete options[key];
    expect(construct(options)).toThrow(TypeError);
    expect(construct(options)).toThrow(want);
  });

  it('lists every bad option at once and never echoes a secret', () => {
    const options = {
      sdkAppId: -1,
      identifier: '',
      secretKey,
      userSig: 'SENTINEL-USERSIG',
      region: 'x',
    };
    let message = '';
    try {
      construct(options)();
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('createChatClient: bad options:');
    for (const name of [
      'sdkAppId',
      'identifier',
      'region',
      'give exactly one of secretKey and userSig',
    ]) {
      expect(message).toContain(name);
    }
    expect(message).not.toContain('SENTINEL');
  });

  it('names every bad rateLimit field at once', () => {
    const message = messageOf(
      construct({ ...valid, rateLimit: { callsPerSecond: 0, marginMs: 0.5, burst: 0, store: {} } }),
    );
    for (const field of ['callsPerSecond', 'marginMs', 'burst', 'store']) {
      expect(message).toContain(`options.rateLimit.${field}`);
    }
  });

  it('names an option whose getter throws, never its error', () => {
    const options = Object.defineProperty({ ...valid }, 'secretKey', {
      enumerable: true,
      get: () => {
        throw new Error(secretKey);
      },
    });
    const message = messageOf(construct(options));
    expect(message).toContain('options.secretKey could not be read (its getter threw)');
    expect(message).not.toContain('SENTINEL');
    expect(message).not.toContain('give exactly one of');
  });

  it('refuses options whose keys cannot be listed', () => {
    expect(construct(revokedProxy())).toThrow(
      'createChatClient: bad options: options could not be read (its keys threw)',
    );
  });

  it('reads each option once: the value checked is the value used', async () => {
    let reads = 0;
    const requests: string[] = [];
    const options = {
      ...valid,
      get fetch() {
        reads += 1;
        const fetch: typeof globalThis.fetch = async (input) => {
          requests.push(String(input));
          return Response.json({ ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' });
        };
        return reads === 1 ? fetch : 'not a function';
      },
      secretKey: undefined,
      userSig: 'sig',
      region: undefined,
      baseUrl: 'http://127.0.0.1:1',
      rateLimit: false,
    };
    const client = createChatClient(options as never);
    await client.getMembers({ groupId: 'g' });
    expect(reads).toBe(1);
    expect(requests).toHaveLength(1);
  });

  it('puts the options. prefix only on problems about one option', () => {
    expect(messageOf(construct({ ...valid, userSig: 'sig' }))).toBe(
      'createChatClient: bad options: give exactly one of secretKey and userSig',
    );
  });

  it.each([null, undefined, 'options', 42])('refuses %s as options', (options) => {
    expect(() => createChatClient(options as never)).toThrow(
      'createChatClient: options must be an object',
    );
  });
});

describe('createChatFetch options', () => {
  it('takes the same options without an endpoint', () => {
    expect(() => createChatFetch({ sdkAppId: 1, identifier: 'a', secretKey })).not.toThrow();
  });

  it('names both region and baseUrl when both are given', () => {
    const message = messageOf(() =>
      createChatFetch({ ...valid, baseUrl: 'http://127.0.0.1:1' } as never),
    );
    expect(message).toContain('options.region is not used');
    expect(message).toContain('options.baseUrl is not used');
  });

  it('refuses region and baseUrl: the request URL decides', () => {
    expect(() => createChatFetch({ ...valid } as never)).toThrow(
      'createChatFetch: bad options: options.region is not used',
    );
  });
});
