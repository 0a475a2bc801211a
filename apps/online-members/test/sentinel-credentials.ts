import { randomBytes } from 'node:crypto';
import { generateUserSig } from '@avchatroom/client';

/** The emulator app whose secret key is the sentinel, and two of its accounts. */
export const sentinelApp = { sdkAppId: 1400000301, admin: 'admin', viewer: 'viewer1' } as const;

const daySeconds = 86_400;
const randomHex = () => randomBytes(8).toString('hex');

/**
 * Secrets no output may hold: a secret key made up for this run, another key,
 * and UserSigs made from them with the client's generateUserSig, valid or not
 * in the ways the emulator tells apart (packages/emulator/README.md "What it
 * answers": expired 70001, another key 70009, another identifier 70013,
 * unreadable 70003).
 */
export const makeSentinelCredentials = async () => {
  const secretKey = `SENTINEL-SECRET-KEY-${randomHex()}`;
  const otherKey = `SENTINEL-OTHER-KEY-${randomHex()}`;
  const now = Math.floor(Date.now() / 1000);
  const sig = (identifier: string, key: string, issuedAt = now) =>
    generateUserSig({
      sdkAppId: sentinelApp.sdkAppId,
      identifier,
      secretKey: key,
      expireSeconds: daySeconds,
      issuedAt,
    });
  return {
    secretKey,
    otherKey,
    userSig: await sig(sentinelApp.admin, secretKey),
    /** Issued two days ago for one day. */
    expiredUserSig: await sig(sentinelApp.admin, secretKey, now - 2 * daySeconds),
    otherKeyUserSig: await sig(sentinelApp.admin, otherKey),
    /** Valid, for an account that is not an App admin. */
    viewerUserSig: await sig(sentinelApp.viewer, secretKey),
    garbageUserSig: `SENTINEL-USERSIG-${randomHex()}`,
  };
};

export type SentinelCredentials = Awaited<ReturnType<typeof makeSentinelCredentials>>;

/**
 * The forms in which a secret could leak into text: as is, URL-encoded (a
 * logged URL), JSON-escaped (a logged object), and its last 16 characters and
 * a middle slice (a clipped echo: the random part of each sentinel).
 */
export const leakForms = (secret: string): string[] => {
  const middle = Math.floor(secret.length / 2);
  return [
    ...new Set([
      secret,
      encodeURIComponent(secret),
      JSON.stringify(secret).slice(1, -1),
      secret.slice(-16),
      ...(secret.length >= 48 ? [secret.slice(middle - 12, middle + 12)] : []),
    ]),
  ];
};
