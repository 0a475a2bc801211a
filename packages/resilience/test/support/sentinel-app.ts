// One pro app per scenario whose secret key is a sentinel: a random string that
// must never show up in anything the client prints (client README, "Secrets").
import { randomBytes } from 'node:crypto';
import { generateUserSig, type OnlineMember } from '@avchatroom/client';
import type { OnlineMember as EmulatorMember, EmulatorSeed } from '@avchatroom/emulator';

/** A day in seconds: the default lifetime of a UserSig (client README, userSigExpireSeconds). */
export const daySeconds = 86_400;

export interface SentinelApp {
  sdkAppId: number;
  /** `SENTINEL-SECRET-` and random hex: the seed app's secretKey. */
  secretKey: string;
  admin: string;
  groupId: string;
}

// Every client in a process shares one rate-limit window per SDKAppID (client README,
// "Rate limit"), so concurrent scenarios each get their own app.
let lastSdkAppId = 1_400_100_000;

export const createSentinelApp = (): SentinelApp => {
  lastSdkAppId += 1;
  return {
    sdkAppId: lastSdkAppId,
    secretKey: `SENTINEL-SECRET-${randomBytes(12).toString('hex')}`,
    admin: 'administrator',
    groupId: '@TGS#aFAULTS',
  };
};

/** A fixed start, so join times are the same on every run. */
export const seedJoinTime = 1_767_225_600;

/** `app` with one AVChatRoom group of `memberCount` members, some with a profile. */
export const sentinelSeed = (app: SentinelApp, memberCount = 40): EmulatorSeed => ({
  apps: [{ sdkAppId: app.sdkAppId, secretKey: app.secretKey, admins: [app.admin] }],
  groups: [
    {
      sdkAppId: app.sdkAppId,
      groupId: app.groupId,
      type: 'AVChatRoom',
      members: Array.from({ length: memberCount }, (_, index) => ({
        account: `viewer${index + 1}`,
        joinTime: seedJoinTime + index,
        ...(index % 3 !== 0 && { nickName: `Viewer ${index + 1}` }),
        ...(index % 2 === 0 && { avatar: `https://example.com/a/viewer${index + 1}.png` }),
      })),
    },
  ],
});

/** A valid UserSig signed with the app's sentinel key, issued `issuedAgoSeconds` ago. */
export const sentinelUserSig = (app: SentinelApp, issuedAgoSeconds = 0): Promise<string> =>
  generateUserSig({
    sdkAppId: app.sdkAppId,
    identifier: app.admin,
    secretKey: app.secretKey,
    expireSeconds: daySeconds,
    issuedAt: Math.floor(Date.now() / 1000) - issuedAgoSeconds,
  });

/** What the API sends for a member of the emulator's ground truth (API doc, MemberList). */
export const asApiMember = (member: EmulatorMember): OnlineMember => ({
  Member_Account: member.account,
  JoinTime: member.joinTime,
  ...(member.nickName !== undefined && { NickName: member.nickName }),
  ...(member.avatar !== undefined && { Avatar: member.avatar }),
});
