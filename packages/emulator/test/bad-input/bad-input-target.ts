import { generateUserSig } from '@avchatroom/client';
import { createManualClock } from '../../src/clock.js';
import type { EmulatorSeed } from '../../src/seed.js';
import { apiPath } from '../../src/spec-facts.js';
import { type RunningEmulator, startEmulator } from '../../src/start-emulator.js';

// One app whose secret key the tests know, so they can sign a valid UserSig and
// check that every malformed request leaves valid calls answered.

const startMs = Date.UTC(2026, 0, 1);
const app = { sdkAppId: 1400000001, secretKey: 'bad-input-only-secret-key' };
const admin = 'administrator';

/** The only group: a room of two members. */
export const roomId = '@TGS#aROOM';

const seed: EmulatorSeed = {
  apps: [{ ...app, admins: [admin] }],
  groups: [
    {
      sdkAppId: app.sdkAppId,
      groupId: roomId,
      members: [
        { account: 'host', joinTime: startMs / 1000 - 10 },
        { account: 'guest', joinTime: startMs / 1000 - 20 },
      ],
    },
  ],
};

/** A valid first-page body. */
export const firstPageBody = JSON.stringify({ GroupId: roomId, Timestamp: 0 });

export interface BadInputTarget {
  emulator: RunningEmulator;
  port: number;
  /** The five query parameters of a valid call, in the REST API overview's order. */
  goodParams: [name: string, value: string][];
  /** `goodParams` as a query string. */
  goodQuery: string;
  /** `${emulator.url}${apiPath}?${goodQuery}`. */
  goodUrl: string;
  /** The UserSig and the secret key: no answer may contain either. */
  secrets: string[];
}

/**
 * Starts an emulator on the small seed, with a clock that stands still (so the
 * UserSig never expires) and no call-rate limit (so hundreds of bad requests
 * never turn a valid call into 60007).
 */
export const startBadInputTarget = async (): Promise<BadInputTarget> => {
  const emulator = await startEmulator({
    seed,
    clock: createManualClock(startMs),
    callsPerSecond: false,
  });
  const userSig = await generateUserSig({
    ...app,
    identifier: admin,
    expireSeconds: 86_400,
    issuedAt: startMs / 1000,
  });
  const goodParams: [string, string][] = [
    ['sdkappid', String(app.sdkAppId)],
    ['identifier', admin],
    ['usersig', userSig],
    ['random', '12345'],
    ['contenttype', 'json'],
  ];
  const goodQuery = new URLSearchParams(goodParams).toString();
  return {
    emulator,
    port: Number(new URL(emulator.url).port),
    goodParams,
    goodQuery,
    goodUrl: `${emulator.url}${apiPath}?${goodQuery}`,
    secrets: [userSig, app.secretKey],
  };
};
