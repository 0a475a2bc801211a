import type { EmulatorSeed } from '../../src/seed.js';
import { exampleGroups } from './example-scenarios.js';

export const proApp = {
  sdkAppId: 1400000101,
  identifier: 'admin',
  secretKey: 'honesty-test-pro-key',
};
export const basicApp = {
  sdkAppId: 1400000102,
  identifier: 'admin',
  secretKey: 'honesty-test-basic-key',
};

/** Every kind of app and group the scenarios need, with the groups the spec's examples name. */
export const honestySeed: EmulatorSeed = {
  randomSeed: 7,
  apps: [
    { sdkAppId: proApp.sdkAppId, secretKey: proApp.secretKey, admins: ['admin'], edition: 'pro' },
    {
      sdkAppId: basicApp.sdkAppId,
      secretKey: basicApp.secretKey,
      admins: ['admin'],
      edition: 'basic',
    },
  ],
  groups: [
    {
      sdkAppId: proApp.sdkAppId,
      groupId: '@TGS#aCROWDED',
      crowd: { count: 1100, markShares: { '1000': 0.2 } },
    },
    {
      sdkAppId: proApp.sdkAppId,
      groupId: '@TGS#aMIDSIZE',
      crowd: { count: 600, accountPrefix: 'mid' },
    },
    { sdkAppId: proApp.sdkAppId, groupId: '@TGS#aEMPTY' },
    {
      sdkAppId: proApp.sdkAppId,
      groupId: '@TGS#_COMMUNITY',
      type: 'Community',
      crowd: { count: 5 },
    },
    { sdkAppId: proApp.sdkAppId, groupId: '@TGS#2PRIVATE', type: 'Private', crowd: { count: 3 } },
    { sdkAppId: proApp.sdkAppId, groupId: '@TGS#3PUBLIC', type: 'Public', crowd: { count: 3 } },
    { sdkAppId: proApp.sdkAppId, groupId: '@TGS#4CHATROOM', type: 'ChatRoom', crowd: { count: 3 } },
    { sdkAppId: basicApp.sdkAppId, groupId: '@TGS#aBASIC', crowd: { count: 100 } },
    ...exampleGroups(proApp.sdkAppId),
  ],
};
