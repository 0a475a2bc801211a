import { deflateSync, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { generateUserSig } from './generate-user-sig.js';
import { userSigVectors } from './user-sig-vectors.js';
import {
  MAX_USER_SIG_LENGTH,
  type UserSigInvalidReason,
  verifyUserSig,
} from './verify-user-sig.js';

// Encoding helpers built on node:zlib, independent of the code under test, to
// craft documents the official library would never issue.
const escapeTls = (base64: string): string =>
  base64.replaceAll('+', '*').replaceAll('/', '-').replaceAll('=', '_');
const packBytes = (bytes: Uint8Array, level = 6): string =>
  escapeTls(Buffer.from(deflateSync(bytes, { level })).toString('base64'));
const packJson = (document: unknown): string => packBytes(Buffer.from(JSON.stringify(document)));
const unpack = (userSig: string): Record<string, unknown> =>
  JSON.parse(
    inflateSync(
      Buffer.from(userSig.replaceAll('*', '+').replaceAll('-', '/').replaceAll('_', '='), 'base64'),
    ).toString('utf8'),
  );

const [first] = userSigVectors;
if (first === undefined) {
  throw new Error('no vectors');
}
const firstOptions = { sdkAppId: first.sdkAppId, secretKey: first.secretKey, now: first.issuedAt };
const firstExpiresAt = first.issuedAt + first.expireSeconds;
/** The first vector's JSON document, to tamper with and re-encode. */
const genuine = unpack(first.userSig);

describe('verifyUserSig on the official vectors', () => {
  it.each(userSigVectors)('$name: accepts it during its lifetime', async (vector) => {
    const expiresAt = vector.issuedAt + vector.expireSeconds;
    for (const now of [vector.issuedAt, vector.issuedAt + vector.expireSeconds / 2, expiresAt]) {
      await expect(
        verifyUserSig(vector.userSig, {
          sdkAppId: vector.sdkAppId,
          secretKey: vector.secretKey,
          now,
        }),
      ).resolves.toEqual({
        valid: true,
        identifier: vector.identifier,
        sdkAppId: vector.sdkAppId,
        issuedAt: vector.issuedAt,
        expiresAt,
      });
    }
  });

  it.each(userSigVectors)('$name: round trip through generateUserSig', async (vector) => {
    const userSig = await generateUserSig(vector);
    const result = await verifyUserSig(userSig, {
      sdkAppId: vector.sdkAppId,
      secretKey: vector.secretKey,
      now: vector.issuedAt + 1,
    });
    expect(result).toEqual({
      valid: true,
      identifier: vector.identifier,
      sdkAppId: vector.sdkAppId,
      issuedAt: vector.issuedAt,
      expiresAt: vector.issuedAt + vector.expireSeconds,
    });
  });

  it('defaults now to the clock', async () => {
    const userSig = await generateUserSig({
      sdkAppId: 1400000000,
      identifier: 'administrator',
      secretKey: 'fake-test-key',
      expireSeconds: 60,
    });
    const result = await verifyUserSig(userSig, {
      sdkAppId: 1400000000,
      secretKey: 'fake-test-key',
    });
    expect(result.valid).toBe(true);
  });
});

describe('verifyUserSig rejections', () => {
  it.each([
    { name: 'now == expiresAt', now: firstExpiresAt, expected: { valid: true } },
    { name: 'now == expiresAt + 0.5', now: firstExpiresAt + 0.5, expected: { reason: 'expired' } },
    { name: 'now == expiresAt + 1', now: firstExpiresAt + 1, expected: { reason: 'expired' } },
    { name: 'now before issuedAt', now: first.issuedAt - 10, expected: { valid: true } },
  ])('expiry boundary: $name', async ({ now, expected }) => {
    await expect(verifyUserSig(first.userSig, { ...firstOptions, now })).resolves.toMatchObject(
      expected,
    );
  });

  it('reports another app as sdkappid-mismatch', async () => {
    await expect(
      verifyUserSig(first.userSig, { ...firstOptions, sdkAppId: first.sdkAppId + 1 }),
    ).resolves.toEqual({ valid: false, reason: 'sdkappid-mismatch' });
  });

  it('reports another key as bad-signature', async () => {
    await expect(
      verifyUserSig(first.userSig, { ...firstOptions, secretKey: `${first.secretKey}x` }),
    ).resolves.toEqual({ valid: false, reason: 'bad-signature' });
  });

  it('checks the signature before the expiry', async () => {
    await expect(
      verifyUserSig(first.userSig, {
        ...firstOptions,
        secretKey: 'another-fake-key',
        now: firstExpiresAt + 1,
      }),
    ).resolves.toEqual({ valid: false, reason: 'bad-signature' });
  });

  it.each([
    { name: 'identifier', patch: { 'TLS.identifier': 'root' } },
    { name: 'time (a later issue)', patch: { 'TLS.time': first.issuedAt + 86400 } },
    { name: 'expire (a longer life)', patch: { 'TLS.expire': first.expireSeconds * 365 } },
    { name: 'sig (one char changed)', patch: { 'TLS.sig': `B${first.sig.slice(1)}` } },
    { name: 'sig (not base64)', patch: { 'TLS.sig': 'not base64!' } },
    { name: 'sig (empty)', patch: { 'TLS.sig': '' } },
    { name: 'sig (truncated)', patch: { 'TLS.sig': first.sig.slice(0, 40) } },
  ])('a tampered $name in a re-encoded document is bad-signature', async ({ patch }) => {
    await expect(verifyUserSig(packJson({ ...genuine, ...patch }), firstOptions)).resolves.toEqual({
      valid: false,
      reason: 'bad-signature',
    });
  });

  it('accepts the genuine document re-encoded at another compression level', async () => {
    await expect(
      verifyUserSig(packBytes(Buffer.from(JSON.stringify(genuine)), 9), firstOptions),
    ).resolves.toMatchObject({ valid: true, identifier: first.identifier });
  });
});

describe('verifyUserSig on garbage: resolves to valid: false, never throws', () => {
  const { 'TLS.sig': _sig, ...unsigned } = genuine;
  const tenMegabyteBomb = packBytes(new Uint8Array(10 * 1024 * 1024), 9);
  const oneMegabyteBomb = packBytes(new Uint8Array(1024 * 1024), 9);
  const pseudoRandom = Buffer.from(
    Array.from({ length: 48 }, (_, index) => (index * 73 + 41) % 256),
  );

  it('has bombs on both sides of the input cap', () => {
    // The 10 MB one is stopped by the length cap, the 1 MB one by the inflate cap.
    expect(tenMegabyteBomb.length).toBeGreaterThan(MAX_USER_SIG_LENGTH);
    expect(oneMegabyteBomb.length).toBeLessThan(MAX_USER_SIG_LENGTH);
  });

  const rows: { name: string; input: unknown; reason: UserSigInvalidReason }[] = [
    { name: 'undefined', input: undefined, reason: 'malformed' },
    { name: 'null', input: null, reason: 'malformed' },
    { name: 'a number', input: 42, reason: 'malformed' },
    { name: 'an object', input: {}, reason: 'malformed' },
    { name: 'an array', input: [first.userSig], reason: 'malformed' },
    { name: 'a boxed string', input: new String(first.userSig), reason: 'malformed' },
    { name: 'an empty string', input: '', reason: 'malformed' },
    { name: 'punctuation', input: '!!!', reason: 'malformed' },
    { name: 'one base64 char', input: 'e', reason: 'malformed' },
    {
      name: 'random bytes in TLS base64',
      input: escapeTls(pseudoRandom.toString('base64')),
      reason: 'malformed',
    },
    {
      name: 'standard base64 (+ and / unescaped)',
      input: first.userSig.replaceAll('*', '+').replaceAll('-', '/'),
      reason: 'malformed',
    },
    {
      name: 'whitespace inside',
      input: `${first.userSig.slice(0, 20)} ${first.userSig.slice(20)}`,
      reason: 'malformed',
    },
    { name: 'truncated zlib', input: first.userSig.slice(0, -8), reason: 'malformed' },
    {
      name: 'zlib without its checksum',
      input: escapeTls(deflateSync(JSON.stringify(genuine)).subarray(0, -4).toString('base64')),
      reason: 'malformed',
    },
    {
      name: 'bytes after the zlib stream',
      input: escapeTls(
        Buffer.concat([deflateSync(JSON.stringify(genuine)), Buffer.from('junk')]).toString(
          'base64',
        ),
      ),
      reason: 'malformed',
    },
    {
      name: 'raw deflate without the zlib wrapper',
      input: escapeTls(
        Buffer.from(deflateSync(Buffer.from(JSON.stringify(genuine))))
          .subarray(2)
          .toString('base64'),
      ),
      reason: 'malformed',
    },
    {
      name: 'a deflate of non-JSON',
      input: packBytes(Buffer.from('hello, world')),
      reason: 'malformed',
    },
    {
      name: 'a deflate of invalid UTF-8',
      input: packBytes(Buffer.from([0x22, 0xff, 0xfe, 0x22])),
      reason: 'malformed',
    },
    { name: 'a deflate of a JSON array', input: packJson([genuine]), reason: 'malformed' },
    { name: 'a deflate of JSON null', input: packJson(null), reason: 'malformed' },
    { name: 'a deflate of a JSON string', input: packJson(first.userSig), reason: 'malformed' },
    { name: 'an empty object', input: packJson({}), reason: 'malformed' },
    {
      name: 'TLS.ver as a number',
      input: packJson({ ...genuine, 'TLS.ver': 2 }),
      reason: 'malformed',
    },
    {
      name: 'a string sdkappid',
      input: packJson({ ...genuine, 'TLS.sdkappid': String(first.sdkAppId) }),
      reason: 'malformed',
    },
    { name: 'sdkappid 0', input: packJson({ ...genuine, 'TLS.sdkappid': 0 }), reason: 'malformed' },
    {
      name: 'a numeric identifier',
      input: packJson({ ...genuine, 'TLS.identifier': 42 }),
      reason: 'malformed',
    },
    {
      name: 'an empty identifier',
      input: packJson({ ...genuine, 'TLS.identifier': '' }),
      reason: 'malformed',
    },
    {
      name: 'a fractional time',
      input: packJson({ ...genuine, 'TLS.time': first.issuedAt + 0.5 }),
      reason: 'malformed',
    },
    {
      name: 'a string time',
      input: packJson({ ...genuine, 'TLS.time': String(first.issuedAt) }),
      reason: 'malformed',
    },
    {
      name: 'a negative expire',
      input: packJson({ ...genuine, 'TLS.expire': -1 }),
      reason: 'malformed',
    },
    {
      name: 'a huge expire',
      input: packJson({ ...genuine, 'TLS.expire': 1e300 }),
      reason: 'malformed',
    },
    { name: 'no TLS.sig', input: packJson(unsigned), reason: 'malformed' },
    {
      name: 'a numeric TLS.sig',
      input: packJson({ ...genuine, 'TLS.sig': 1 }),
      reason: 'malformed',
    },
    {
      name: 'TLS.ver 3.0',
      input: packJson({ ...genuine, 'TLS.ver': '3.0' }),
      reason: 'unsupported-version',
    },
    {
      name: 'a TLSSigAPI v1 document',
      input: packJson({
        'TLS.version': '201512300000',
        'TLS.identifier': 'administrator',
        'TLS.sig': 'x',
      }),
      reason: 'unsupported-version',
    },
    {
      name: 'a PrivateMapKey (TLS.userbuf)',
      input: packJson({ ...genuine, 'TLS.userbuf': 'AAAA' }),
      reason: 'unsupported-version',
    },
    { name: 'a 10 MB deflate bomb', input: tenMegabyteBomb, reason: 'malformed' },
    { name: 'a 1 MB deflate bomb', input: oneMegabyteBomb, reason: 'malformed' },
    {
      name: 'a JSON document past the inflate cap',
      input: packJson({ ...genuine, padding: 'a'.repeat(20_000) }),
      reason: 'malformed',
    },
    { name: 'a 1 MB string', input: 'A'.repeat(1024 * 1024), reason: 'malformed' },
  ];

  it.each(rows)('$name -> $reason', async ({ input, reason }) => {
    await expect(verifyUserSig(input, firstOptions)).resolves.toEqual({ valid: false, reason });
  });
});

describe('verifyUserSig options', () => {
  it.each([
    { option: 'sdkAppId', patch: { sdkAppId: 0 } },
    { option: 'sdkAppId', patch: { sdkAppId: 1.5 } },
    { option: 'secretKey', patch: { secretKey: '' } },
    { option: 'secretKey', patch: { secretKey: undefined } },
    { option: 'now', patch: { now: Number.NaN } },
  ])('rejects a bad $option with a TypeError naming it', async ({ option, patch }) => {
    const options = { ...firstOptions, ...patch } as Parameters<typeof verifyUserSig>[1];
    const error = await verifyUserSig(first.userSig, options).then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(TypeError);
    expect((error as TypeError).message).toContain(`options.${option}`);
    expect((error as TypeError).message).not.toContain(first.secretKey);
  });
});
