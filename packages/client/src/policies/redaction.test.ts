import { randomUUID } from 'node:crypto';
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
import { createRedactor, maxIssuedSecrets, redactCause, redactUrl } from './redact-secrets.js';

const sentinelUserSig = 'SENTINEL-USERSIG-7d1f';
const sentinelSecretKey = 'SENTINEL-SECRET-KEY-93ab';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

/** Every character as %XX, as some proxies and error pages quote a URL. */
const percentEncodeAll = (text: string) =>
  [...text].map((char) => `%${char.charCodeAt(0).toString(16).padStart(2, '0')}`).join('');

// Answers that echo the request URL (with its usersig) back, as a careless
// gateway or a custom fetch might.
const echoes: Record<string, ScriptedAnswer> = {
  'a connection error that quotes the URL percent-encoded': (request) =>
    Promise.reject(
      new TypeError(`fetch failed for ${encodeURIComponent(request.url.href)}`, {
        cause: new Error(`connect ${percentEncodeAll(request.url.search)}`),
      }),
    ),
  'an HTML 502 page that quotes the URL percent-encoded': (request) =>
    new Response(`<html><p>502 ${percentEncodeAll(request.url.href)}</p></html>`, { status: 502 }),
  'an ErrorInfo that quotes a long piece of the usersig': (request) =>
    Response.json(
      apiError(70009, `bad sig ${(request.url.searchParams.get('usersig') ?? '').slice(20, 154)}`),
    ),
  'an ErrorInfo that quotes the usersig form-encoded, lower-case hex': (request) =>
    Response.json(
      apiError(
        70009,
        `sig=${percentEncodeAll(request.url.searchParams.get('usersig') ?? '').toLowerCase()}`,
      ),
    ),
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
  const redact = createRedactor(['s3cr3t']);
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

describe('createRedactor with long secrets', () => {
  // Shaped unlike a UserSig, so only the held secret can mask it.
  const secret = 'Zq7+Kx/9 pW*3-mN_8rT%2v'.repeat(6);
  const issued = `eJyrVkrxCbVSUjI0MDAwNjYyNjE2MDYyMTIyNDA0NjQxMDUzMjAzMDU0MDc0MTY1M*-_${'x'.repeat(60)}`;
  const redact = createRedactor([secret]);
  redact.hold(issued);
  const encodeAll = (text: string) =>
    [...text].map((char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`).join('');
  it.each([
    { given: 'the secret as is', text: `a ${secret} b` },
    { given: 'the secret percent-encoded', text: `a ${encodeURIComponent(secret)} b` },
    { given: 'every character percent-encoded', text: `a ${encodeAll(secret)} b` },
    { given: 'lower-case hex', text: `a ${encodeAll(secret).toLowerCase()} b` },
    { given: 'form-encoded', text: `a ${new URLSearchParams({ k: secret }).toString()} b` },
    { given: 'a long fragment', text: `a ${secret.slice(5, 40)} b` },
    { given: 'an encoded fragment', text: `a ${encodeURIComponent(secret.slice(30, 60))} b` },
    { given: 'an issued UserSig', text: `a ${issued} b` },
    { given: 'an issued UserSig after an encoded =', text: `usersig%3D${encodeAll(issued)}` },
    { given: 'a fragment of an issued UserSig', text: `a ${issued.slice(3, 40)} b` },
  ])('masks $given', ({ text }) => {
    const redacted = redact(text);
    expect(redacted).toContain('***');
    for (const piece of [secret, issued]) {
      for (let start = 0; start + 16 <= piece.length; start += 8) {
        expect(redacted).not.toContain(piece.slice(start, start + 16));
        expect(redacted).not.toContain(encodeURIComponent(piece.slice(start, start + 16)));
      }
    }
  });

  it('keeps the text around a secret', () => {
    expect(redact(`before ${encodeURIComponent(secret)} after`)).toBe('before *** after');
  });

  it('leaves short coincidences alone', () => {
    expect(redact(`ids ${secret.slice(0, 15)} and ${issued.slice(70, 85)}`)).toBe(
      `ids ${secret.slice(0, 15)} and ${issued.slice(70, 85)}`,
    );
  });

  it('forgets the oldest issued sigs past its bound, never the configured ones', () => {
    const bounded = createRedactor(['configured-secret-key-0123456789']);
    const sigs = Array.from({ length: maxIssuedSecrets + 1 }, () => randomUUID());
    for (const sig of sigs) bounded.hold(sig);
    expect(bounded(sigs[0] as string)).toBe(sigs[0]);
    expect(bounded(sigs[1] as string)).toBe('***');
    expect(bounded('configured-secret-key-0123456789')).toBe('***');
  });
});
