import { createHmac, randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { deflateSync, inflateSync } from 'node:zlib';
import { generateUserSig } from '@avchatroom/client';
import { describe, expect, it } from 'vitest';
import {
  checkUserSig,
  maxInflatedUserSigBytes,
  maxUserSigLength,
  type UserSigCheck,
} from './user-sig-check.js';

// Tencent's official Node library (CommonJS, no types): the reference signer.
interface OfficialApi {
  genUserSig: (userid: string, expire: number) => string;
  genPrivateMapKey: (
    userid: string,
    expire: number,
    roomid: number,
    privilegeMap: number,
  ) => string;
}
const TLSSigAPIv2 = createRequire(import.meta.url)('tls-sig-api-v2') as {
  Api: new (sdkappid: number, key: string) => OfficialApi;
};

const sdkAppId = 1400000001;
const secretKey = 'the-app-secret-key';
const identifier = 'administrator';
const issuedAt = Date.UTC(2026, 0, 1) / 1000;

const toTlsBase64 = (bytes: Buffer): string =>
  bytes.toString('base64').replaceAll('+', '*').replaceAll('/', '-').replaceAll('=', '_');

/** Deflates any text into the UserSig wrapping, signed or not. */
const wrap = (text: string): string => toTlsBase64(deflateSync(Buffer.from(text, 'utf8')));

const unwrap = (userSig: string): Record<string, unknown> =>
  JSON.parse(
    inflateSync(
      Buffer.from(userSig.replaceAll('*', '+').replaceAll('-', '/').replaceAll('_', '='), 'base64'),
    ).toString('utf8'),
  );

interface SigFields {
  identifier: string;
  sdkappid: number;
  time: number;
  expire: number;
  key: string;
  userbuf?: string;
}

/** A document signed as the facts sheet describes, for cases the libraries cannot make. */
const signedDocument = (fields: SigFields): Record<string, unknown> => {
  let content = `TLS.identifier:${fields.identifier}\nTLS.sdkappid:${fields.sdkappid}\n`;
  content += `TLS.time:${fields.time}\nTLS.expire:${fields.expire}\n`;
  if (fields.userbuf !== undefined) content += `TLS.userbuf:${fields.userbuf}\n`;
  return {
    'TLS.ver': '2.0',
    'TLS.identifier': fields.identifier,
    'TLS.sdkappid': fields.sdkappid,
    'TLS.time': fields.time,
    'TLS.expire': fields.expire,
    ...(fields.userbuf !== undefined && { 'TLS.userbuf': fields.userbuf }),
    'TLS.sig': createHmac('sha256', fields.key).update(content).digest('base64'),
  };
};

const goodFields: SigFields = {
  identifier,
  sdkappid: sdkAppId,
  time: issuedAt,
  expire: 86400,
  key: secretKey,
};
const goodDocument = signedDocument(goodFields);

const check = (userSig: string, overrides: Partial<UserSigCheck> = {}) =>
  checkUserSig({
    userSig,
    sdkAppId,
    identifier,
    secretKey,
    nowSeconds: issuedAt + 60,
    ...overrides,
  });

describe('checkUserSig', () => {
  it('accepts a sig made by the official tls-sig-api-v2 library', () => {
    const userSig = new TLSSigAPIv2.Api(sdkAppId, secretKey).genUserSig(identifier, 86400);
    const time = unwrap(userSig)['TLS.time'] as number;
    expect(check(userSig, { nowSeconds: time })).toBeUndefined();
    expect(check(userSig, { nowSeconds: time + 86400 })).toBeUndefined();
    expect(check(userSig, { nowSeconds: time + 86401 })).toEqual({
      code: 70001,
      reason: 'expired',
    });
    expect(check(userSig, { secretKey: 'another-key', nowSeconds: time })).toEqual({
      code: 70009,
      reason: 'badSignature',
    });
  });

  it('accepts a sig with TLS.userbuf made by the official library, and refuses it tampered', () => {
    const userSig = new TLSSigAPIv2.Api(sdkAppId, secretKey).genPrivateMapKey(
      identifier,
      300,
      1234,
      255,
    );
    const document = unwrap(userSig);
    expect(typeof document['TLS.userbuf']).toBe('string');
    const time = document['TLS.time'] as number;
    expect(check(userSig, { nowSeconds: time })).toBeUndefined();
    const tampered = wrap(JSON.stringify({ ...document, 'TLS.userbuf': 'AAAA' }));
    expect(check(tampered, { nowSeconds: time })).toEqual({ code: 70009, reason: 'badSignature' });
    const dropped = wrap(JSON.stringify({ ...document, 'TLS.userbuf': undefined }));
    expect(check(dropped, { nowSeconds: time })).toEqual({ code: 70009, reason: 'badSignature' });
  });

  it('accepts a sig made by @avchatroom/client generateUserSig, until it expires', async () => {
    const userSig = await generateUserSig({
      sdkAppId,
      identifier,
      secretKey,
      expireSeconds: 3600,
      issuedAt,
    });
    expect(check(userSig, { nowSeconds: issuedAt })).toBeUndefined();
    expect(check(userSig, { nowSeconds: issuedAt + 3600 })).toBeUndefined();
    expect(check(userSig, { nowSeconds: issuedAt + 3601 })).toEqual({
      code: 70001,
      reason: 'expired',
    });
  });

  it('accepts a UserID and key outside ASCII (both are signed as UTF-8)', async () => {
    const userSig = await generateUserSig({
      sdkAppId,
      identifier: '管理员',
      secretKey: 'clé-secrète',
      expireSeconds: 60,
      issuedAt,
    });
    expect(
      check(userSig, { identifier: '管理员', secretKey: 'clé-secrète', nowSeconds: issuedAt }),
    ).toBeUndefined();
  });

  const unreadable = { code: 70003, reason: 'unreadable' };
  const without = (key: string) => wrap(JSON.stringify({ ...goodDocument, [key]: undefined }));
  const withField = (key: string, value: unknown) =>
    wrap(JSON.stringify({ ...goodDocument, [key]: value }));

  it.each([
    { name: 'plain garbage', userSig: 'not a user sig!' },
    {
      name: 'base64 of bytes that are not deflated',
      userSig: toTlsBase64(Buffer.from('{"TLS.ver":"2.0"}')),
    },
    { name: 'deflated text that is not JSON', userSig: wrap('TLS.ver=2.0') },
    { name: 'deflated JSON null', userSig: wrap('null') },
    { name: 'deflated JSON number', userSig: wrap('42') },
    { name: 'deflated JSON array', userSig: wrap('[]') },
    { name: 'half a sig', userSig: wrap(JSON.stringify(goodDocument)).slice(0, 40) },
    { name: 'no TLS.ver', userSig: without('TLS.ver') },
    { name: 'TLS.ver 1.0', userSig: withField('TLS.ver', '1.0') },
    { name: 'no TLS.identifier', userSig: without('TLS.identifier') },
    { name: 'numeric TLS.identifier', userSig: withField('TLS.identifier', 42) },
    { name: 'no TLS.sdkappid', userSig: without('TLS.sdkappid') },
    { name: 'TLS.sdkappid as a string', userSig: withField('TLS.sdkappid', String(sdkAppId)) },
    { name: 'no TLS.time', userSig: without('TLS.time') },
    { name: 'fractional TLS.time', userSig: withField('TLS.time', issuedAt + 0.5) },
    { name: 'no TLS.expire', userSig: without('TLS.expire') },
    { name: 'TLS.expire as a string', userSig: withField('TLS.expire', '86400') },
    { name: 'no TLS.sig', userSig: without('TLS.sig') },
    { name: 'numeric TLS.sig', userSig: withField('TLS.sig', 1) },
  ])('refuses $name with 70003', ({ userSig }) => {
    expect(check(userSig)).toEqual(unreadable);
  });

  it.each([
    {
      name: 'unreadable beats another app',
      fields: { ...goodFields, sdkappid: 1400000002 },
      drop: 'TLS.sig',
      want: { code: 70003, reason: 'unreadable' },
    },
    {
      name: 'another app',
      fields: { ...goodFields, sdkappid: 1400000002 },
      want: { code: 70014, reason: 'sdkAppIdMismatch' },
    },
    {
      name: 'another app beats another identifier, wrong key and expiry',
      fields: { ...goodFields, sdkappid: 1400000002, identifier: 'someone', key: 'wrong', time: 1 },
      want: { code: 70014, reason: 'sdkAppIdMismatch' },
    },
    {
      name: 'another identifier',
      fields: { ...goodFields, identifier: 'someone' },
      want: { code: 70013, reason: 'identifierMismatch' },
    },
    {
      name: 'another identifier beats wrong key and expiry',
      fields: { ...goodFields, identifier: 'someone', key: 'wrong', time: 1 },
      want: { code: 70013, reason: 'identifierMismatch' },
    },
    {
      name: 'identifiers compare exactly (case)',
      fields: { ...goodFields, identifier: 'Administrator' },
      want: { code: 70013, reason: 'identifierMismatch' },
    },
    {
      name: 'wrong key',
      fields: { ...goodFields, key: 'wrong' },
      want: { code: 70009, reason: 'badSignature' },
    },
    {
      name: 'wrong key beats expiry',
      fields: { ...goodFields, key: 'wrong', time: 1 },
      want: { code: 70009, reason: 'badSignature' },
    },
    {
      name: 'expired one second ago',
      fields: { ...goodFields, time: issuedAt - 86401 + 60 },
      want: { code: 70001, reason: 'expired' },
    },
    {
      name: 'expiring this very second',
      fields: { ...goodFields, time: issuedAt - 86400 + 60 },
      want: undefined,
    },
    {
      name: 'a userbuf signed with the rest',
      fields: { ...goodFields, userbuf: Buffer.from('room 1234').toString('base64') },
      want: undefined,
    },
  ])('refuses in precedence order: $name', ({ fields, drop, want }) => {
    const document = signedDocument(fields);
    if (drop) delete document[drop];
    expect(check(wrap(JSON.stringify(document)))).toEqual(want);
  });

  it('refuses a signature that was altered, truncated or padded', () => {
    const sig = goodDocument['TLS.sig'] as string;
    const altered = `${sig[0] === 'A' ? 'B' : 'A'}${sig.slice(1)}`;
    // The last character of a 32-byte base64 string carries 2 unused bits.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    const lastIndex = alphabet.indexOf(sig.at(-2) as string);
    const sameBytes = `${sig.slice(0, -2)}${alphabet[lastIndex ^ 1]}=`;
    expect(Buffer.from(sameBytes, 'base64')).toEqual(Buffer.from(sig, 'base64'));
    for (const badSig of [altered, sig.slice(0, 20), `${sig}AAAA`, sameBytes, '']) {
      expect(check(withField('TLS.sig', badSig))).toEqual({ code: 70009, reason: 'badSignature' });
    }
  });

  it('refuses a sig whose signed fields were edited after signing', () => {
    const longer = wrap(JSON.stringify({ ...goodDocument, 'TLS.expire': 864000 }));
    expect(check(longer)).toEqual({ code: 70009, reason: 'badSignature' });
  });

  describe('size caps', () => {
    /** The good document with an unsigned field of `padding`, which a server ignores. */
    const padded = (padding: string) => JSON.stringify({ ...goodDocument, 'TLS.pad': padding });
    const paddedTo = (bytes: number) => padded(' '.repeat(bytes - padded('').length));

    it("are the client verifier's: 8 KiB of UserSig, 16 KiB of JSON", () => {
      expect([maxUserSigLength, maxInflatedUserSigBytes]).toEqual([8192, 16384]);
    });

    it('accept a good sig that inflates to exactly 16 KiB, and refuse one byte more (70003)', () => {
      const atCap = wrap(paddedTo(maxInflatedUserSigBytes));
      const overCap = wrap(paddedTo(maxInflatedUserSigBytes + 1));
      expect(overCap.length).toBeLessThan(maxUserSigLength);
      expect(check(atCap)).toBeUndefined();
      expect(check(overCap)).toEqual(unreadable);
    });

    it('refuse a good sig of 5 MiB of JSON deflated into less than 8 KiB (70003)', () => {
      const bomb = wrap(padded(' '.repeat(5 * 1024 * 1024)));
      expect(bomb.length).toBeLessThan(maxUserSigLength);
      expect(check(bomb)).toEqual(unreadable);
    });

    it('refuse a good sig longer than 8 KiB whose JSON is under 16 KiB (70003)', () => {
      // Random base64 hardly compresses, so the sig stays long while its JSON stays small.
      const longSig = wrap(padded(randomBytes(9 * 1024).toString('base64')));
      expect(longSig.length).toBeGreaterThan(maxUserSigLength);
      expect(unwrap(longSig)['TLS.sig']).toBe(goodDocument['TLS.sig']);
      expect(check(longSig)).toEqual(unreadable);
    });
  });
});
