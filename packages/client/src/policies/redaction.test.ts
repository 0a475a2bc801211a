import { inspect } from 'node:util';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { testOptions } from '../../test/helpers/client-options.js';
import { settleWithFakeTimers } from '../../test/helpers/fake-time.js';
import {
  apiError,
  hang,
  ok,
  type ScriptedAnswer,
  scriptedFetch,
} from '../../test/helpers/scripted-fetch.js';
import { createChatClient } from '../create-chat-client.js';
import { createChatFetch } from '../create-chat-fetch.js';
import { createFetchClient } from '../fetch.js';
import type { ChatClientOptions } from '../index.js';
import { createRedactor, redactCause, redactUrl } from './redact-secrets.js';

const sentinelUserSig = 'SENTINEL-USERSIG-7d1f';
const sentinelSecretKey = 'SENTINEL-SECRET-KEY-93ab';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

// Answers that echo the request URL (with its usersig) back, as a careless
// gateway or a custom fetch might.
const echoes: Record<string, ScriptedAnswer> = {
  'an ErrorInfo that quotes the URL': (request) =>
    Response.json(apiError(70009, `bad sig in ${request.url}`)),
  'an HTML 502 page that quotes the URL': (request) =>
    new Response(`<html><body>502 upstream ${request.url}</body></html>`, { status: 502 }),
  'a connection error whose message and cause quote the URL': (request) =>
    Promise.reject(
      new TypeError(`fetch failed for ${request.url}`, {
        cause: new Error(`connect ${request.url.search}`),
      }),
    ),
  'a body cut short that quotes the URL': (request) =>
    new Response(`{"url":"${request.url}`, { status: 200 }),
  'a body that breaks the schema': () =>
    Response.json({ ActionStatus: 'OK', ErrorCode: 0, MemberList: 5 }),
  'a timeout': hang,
  'a repeated cursor': () => Response.json(ok([{ Member_Account: 'a' }], 9)),
  'an expired UserSig': () => Response.json(apiError(70001, 'expired')),
};

const credentials: Record<string, Partial<ChatClientOptions>> = {
  'a fixed UserSig': { userSig: sentinelUserSig },
  'a secret key': {
    userSig: undefined,
    secretKey: sentinelSecretKey,
  } as Partial<ChatClientOptions>,
};

/** Everything a careless caller might print about an error. */
const printed = (error: unknown): string[] => {
  const strings = [
    String(error),
    JSON.stringify(error),
    inspect(error, { depth: Infinity, showHidden: true }),
  ];
  for (let cause: unknown = error; cause instanceof Error; cause = cause.cause) {
    strings.push(cause.message, cause.stack ?? '');
  }
  return strings;
};

describe.each(Object.entries(credentials))('with %s', (_label, credential) => {
  it.each(Object.entries(echoes))(
    'keeps secrets out of errors and logs for %s',
    async (_name, answer) => {
      const { fetch, requests } = scriptedFetch(answer);
      const logLines: string[] = [];
      const logger = Object.fromEntries(
        ['debug', 'info', 'warn', 'error'].map((level) => [
          level,
          (message: string, fields?: object) =>
            logLines.push(`${level} ${message} ${JSON.stringify(fields)}`),
        ]),
      );
      const options = testOptions(fetch, {
        ...credential,
        logger,
        logLevel: 'debug',
        maxRetries: 1,
      });
      const client = createChatClient(options);
      const listing = client.listMembers('g').catch((error: unknown) => error);
      const viaFetch = createFetchClient({
        baseUrl: 'https://chat.test',
        fetch: createChatFetch({ ...options, baseUrl: undefined } as never),
      })
        .POST('/v4/group_open_avchatroom_http_svc/get_members', {
          body: { GroupId: 'g', Timestamp: 0 },
        })
        .catch((error: unknown) => error);
      await settleWithFakeTimers(listing, viaFetch);
      const errors = [await listing, await viaFetch];
      const sentUserSigs = new Set(
        requests.map((request) => request.url.searchParams.get('usersig') ?? ''),
      );
      expect(sentUserSigs.size).toBeGreaterThan(0);
      const secrets = [sentinelUserSig, sentinelSecretKey, ...sentUserSigs];
      const captured = [
        ...errors.flatMap(printed),
        ...logLines,
        inspect(client, { depth: Infinity, showHidden: true }),
      ];
      for (const text of captured) {
        for (const secret of secrets) expect(text).not.toContain(secret);
      }
      expect(logLines.some((line) => line.includes('usersig=***'))).toBe(true);
      expect(errors[0]).toBeInstanceOf(Error);
    },
  );
});

describe('createRedactor', () => {
  const redact = createRedactor(() => ['s3cr3t']);
  it.each([
    {
      given: 'a usersig query value',
      text: 'GET /x?usersig=abc&random=1',
      want: 'GET /x?usersig=***&random=1',
    },
    { given: 'a secret anywhere', text: 'key s3cr3t used', want: 'key *** used' },
    {
      given: 'something shaped like a UserSig',
      text: `sig eJwtjV1PgjAUhv9Lb${'A'.repeat(80)} end`,
      want: 'sig *** end',
    },
    {
      given: 'ordinary text',
      text: 'GroupId @TGS#a6I4ZUUGO not found',
      want: 'GroupId @TGS#a6I4ZUUGO not found',
    },
  ])('masks $given', ({ text, want }) => {
    expect(redact(text)).toBe(want);
  });

  it('masks the usersig of a URL for logs', () => {
    expect(redactUrl('https://h/p?sdkappid=1&usersig=eJx*-_&random=2')).toBe(
      'https://h/p?sdkappid=1&usersig=***&random=2',
    );
  });

  it('copies an error chain with every message and stack redacted', () => {
    const cause = new Error('outer s3cr3t', { cause: new Error('inner usersig=xyz') });
    const copy = redactCause(cause, redact) as Error;
    expect(copy.message).toBe('outer ***');
    expect((copy.cause as Error).message).toBe('inner usersig=***');
    expect(copy.stack).not.toContain('s3cr3t');
  });
});
