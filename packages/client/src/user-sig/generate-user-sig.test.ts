import { createHmac } from 'node:crypto';
import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type GenerateUserSigOptions, generateUserSig } from './generate-user-sig.js';
import { userSigVectors } from './user-sig-vectors.js';

// The official library is CommonJS without types: load it with require and
// type just the part we call. Its package.json has "main" twice
// ("TLSSigAPI.js", which does not exist, then "TLSSigAPIv2.js"); Node takes
// the last, Bun the first, so the file is named explicitly.
type OfficialApi = new (
  sdkAppId: number,
  secretKey: string,
) => { genUserSig(identifier: string, expireSeconds: number): string };
const { Api: OfficialApi } = createRequire(import.meta.url)('tls-sig-api-v2/TLSSigAPIv2.js') as {
  Api: OfficialApi;
};

/** The official genUserSig at a fixed second: it reads Math.floor(Date.now() / 1000). */
const officialUserSig = (vector: (typeof userSigVectors)[number]): string => {
  vi.spyOn(Date, 'now').mockReturnValue(vector.issuedAt * 1000 + 500);
  return new OfficialApi(vector.sdkAppId, vector.secretKey).genUserSig(
    vector.identifier,
    vector.expireSeconds,
  );
};

/** Decodes a UserSig with node:zlib, independently of the code under test. */
const inflateUserSig = (userSig: string): string =>
  inflateSync(
    Buffer.from(userSig.replaceAll('*', '+').replaceAll('-', '/').replaceAll('_', '='), 'base64'),
  ).toString('utf8');

const optionsOf = ({
  sdkAppId,
  identifier,
  secretKey,
  issuedAt,
  expireSeconds,
}: (typeof userSigVectors)[number]): GenerateUserSigOptions => ({
  sdkAppId,
  identifier,
  secretKey,
  issuedAt,
  expireSeconds,
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('generateUserSig against the official tls-sig-api-v2@1.0.2', () => {
  it('has at least 6 vectors', () => {
    expect(userSigVectors.length).toBeGreaterThanOrEqual(6);
  });

  it.each(userSigVectors)(
    '$name: the fixture is still what the official library issues',
    (vector) => {
      // Compared inflated: deflate may pick other (equally valid) bytes on
      // another zlib build; Bun's node:zlib does for one of these vectors.
      expect(inflateUserSig(officialUserSig(vector))).toBe(inflateUserSig(vector.userSig));
    },
  );

  it.each(userSigVectors)('$name: the same TLS.sig as the official library', async (vector) => {
    const document = JSON.parse(inflateUserSig(await generateUserSig(optionsOf(vector))));
    expect(document['TLS.sig']).toBe(vector.sig);
  });

  it.each(userSigVectors)('$name: the same JSON bytes, key order included', async (vector) => {
    const ours = inflateUserSig(await generateUserSig(optionsOf(vector)));
    expect(ours).toBe(inflateUserSig(vector.userSig));
  });

  it.each(userSigVectors)('$name: checks out when recomputed with node:crypto', async (vector) => {
    // tls-sig-api-v2 has no verify function, so redo its checks by hand.
    const document = JSON.parse(inflateUserSig(await generateUserSig(optionsOf(vector))));
    expect(document).toEqual({
      'TLS.ver': '2.0',
      'TLS.identifier': vector.identifier,
      'TLS.sdkappid': vector.sdkAppId,
      'TLS.time': vector.issuedAt,
      'TLS.expire': vector.expireSeconds,
      'TLS.sig': expect.any(String),
    });
    const content =
      `TLS.identifier:${document['TLS.identifier']}\n` +
      `TLS.sdkappid:${document['TLS.sdkappid']}\n` +
      `TLS.time:${document['TLS.time']}\n` +
      `TLS.expire:${document['TLS.expire']}\n`;
    expect(createHmac('sha256', vector.secretKey).update(content).digest('base64')).toBe(
      document['TLS.sig'],
    );
  });

  it('uses only the TLS base64 alphabet', async () => {
    for (const vector of userSigVectors) {
      expect(await generateUserSig(optionsOf(vector))).toMatch(/^[A-Za-z0-9*-]+_{0,2}$/);
    }
  });

  it('defaults issuedAt to the current second', async () => {
    vi.spyOn(Date, 'now').mockReturnValue(1_700_000_123_987);
    const userSig = await generateUserSig({
      sdkAppId: 1400000000,
      identifier: 'administrator',
      secretKey: 'fake-test-key',
      expireSeconds: 60,
    });
    expect(JSON.parse(inflateUserSig(userSig))['TLS.time']).toBe(1_700_000_123);
  });
});

describe('generateUserSig input validation', () => {
  const secretKey = 'fake-secret-9f8e7d6c5b4a';
  const valid: GenerateUserSigOptions = {
    sdkAppId: 1400000000,
    identifier: 'administrator',
    secretKey,
    expireSeconds: 86400,
    issuedAt: 1700000000,
  };

  it.each([
    { option: 'sdkAppId', value: 0 },
    { option: 'sdkAppId', value: -1 },
    { option: 'sdkAppId', value: 1.5 },
    { option: 'sdkAppId', value: Number.NaN },
    { option: 'sdkAppId', value: 2 ** 53 },
    { option: 'sdkAppId', value: '1400000000' },
    { option: 'identifier', value: '' },
    { option: 'identifier', value: 42 },
    { option: 'identifier', value: undefined },
    { option: 'identifier', value: 'a'.repeat(33) },
    { option: 'identifier', value: '张'.repeat(11) }, // 33 UTF-8 bytes
    { option: 'identifier', value: 'x\uD800y' }, // lone surrogate
    { option: 'identifier', value: secretKey.repeat(2) }, // a secret in the wrong slot
    { option: 'secretKey', value: '' },
    { option: 'secretKey', value: undefined },
    { option: 'secretKey', value: 12345 },
    { option: 'expireSeconds', value: 0 },
    { option: 'expireSeconds', value: -60 },
    { option: 'expireSeconds', value: 0.5 },
    { option: 'expireSeconds', value: Number.POSITIVE_INFINITY },
    { option: 'issuedAt', value: -1 },
    { option: 'issuedAt', value: 1.25 },
    { option: 'issuedAt', value: Number.NaN },
  ])('rejects $option = $value with a TypeError naming it', async ({ option, value }) => {
    const options = { ...valid, [option]: value } as GenerateUserSigOptions;
    const error = await generateUserSig(options).then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(TypeError);
    const { message } = error as TypeError;
    expect(message).toContain(`options.${option}`);
    expect(message).not.toContain(secretKey);
  });

  it.each([
    { name: '32 ASCII bytes', identifier: 'a'.repeat(32) },
    { name: '32 bytes of Chinese and emoji', identifier: '测试用户-🧪-test-2024-0101' },
  ])('accepts an identifier of $name', async ({ identifier }) => {
    await expect(generateUserSig({ ...valid, identifier })).resolves.toEqual(expect.any(String));
  });

  it('accepts issuedAt 0', async () => {
    await expect(generateUserSig({ ...valid, issuedAt: 0 })).resolves.toEqual(expect.any(String));
  });
});
