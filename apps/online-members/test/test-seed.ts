import type { EmulatorSeed, SeedMember } from '@avchatroom/emulator';

export const proApp = { sdkAppId: 1400000101, secretKey: 'test-secret-key', admin: 'admin' };
export const basicApp = { sdkAppId: 1400000102, secretKey: 'basic-secret-key', admin: 'admin' };

export const groups = {
  /** 600 members: 3 pages of 250. */
  paged: '@TGS#aPAGED600',
  /** 1,100 members: capped at the 1,000 latest. */
  capped: '@TGS#aCAPPED1100',
  /** Members whose texts try CSV formulas, quotes, commas, line breaks and escapes. */
  tricky: '@TGS#aTRICKY',
  /** Watched while the tests join and leave. */
  watched: '@TGS#aWATCHED',
  /** A work group: get_members answers 10007. */
  privateGroup: '@TGS#2PRIVATE',
  /** 40 members in a basic-edition app: 30 come back. */
  basic: '@TGS#aBASIC40',
  /** A member who joined past the last second a JavaScript Date holds, and two others. */
  farFuture: '@TGS#aFARFUTURE',
  /** 30 members, for count, check and marks. */
  operated: '@TGS#aOPERATED',
  /** 5 members and 150 bans (two pages of the emulator's 100), for bans, ban and unban. */
  banned: '@TGS#aBANNED',
  /** Two administrators, one of them not a member, for admins. */
  staffed: '@TGS#aSTAFFED',
  /** A Community of 12: count uses the Community variant. */
  community: '@TGS#_COMMUNITY',
} as const;

/** When the seeded bans end: 2036-01-01, past any test run. */
export const seededBanEnd = 2_082_758_400;

/** The seeded bans of groups.banned, in the order they were made; two have texts to escape. */
export const seededBans = [
  ...Array.from({ length: 148 }, (_, index) => `banned${index + 1}`),
  '=HYPERLINK("x")',
  'ad\u200bmin',
].map((account) => ({ account, bannedUntil: seededBanEnd }));

/** A JoinTime the spec allows (at most 2^53 - 1) but a Date cannot hold (over 8.64e12 s). */
export const pastDateRangeJoinTime = 8_640_000_000_001;

/** A fixed start, so join times (and pages) are the same on every run. */
const baseJoinTime = 1_767_225_600;

/** `count` members, one second apart, so a page never runs past 250 on a tie. */
export const crowd = (prefix: string, count: number, everyNthMarked = 0): SeedMember[] =>
  Array.from({ length: count }, (_, index) => ({
    account: `${prefix}${index + 1}`,
    joinTime: baseJoinTime + index,
    ...(index % 3 !== 0 && { nickName: `${prefix} ${index + 1}` }),
    ...(index % 2 === 0 && { avatar: `https://example.com/a/${prefix}${index + 1}.png` }),
    ...(everyNthMarked > 0 && index % everyNthMarked === 0 && { marks: [1000] }),
  }));

export const trickyMembers: SeedMember[] = [
  { account: 'formula', joinTime: baseJoinTime + 1, nickName: '=HYPERLINK("http://x","y")' },
  { account: 'plus', joinTime: baseJoinTime + 2, nickName: '+1 555', avatar: '@home' },
  { account: '-dash', joinTime: baseJoinTime + 3, nickName: 'a, b' },
  { account: 'quote', joinTime: baseJoinTime + 4, nickName: 'say "hi"\nthere' },
  { account: 'escape', joinTime: baseJoinTime + 5, nickName: 'red\u001b[31m text' },
  { account: 'unicode', joinTime: baseJoinTime + 6, nickName: '小明 🎉' },
  { account: 'spaced', joinTime: baseJoinTime + 7, nickName: ' =1+2', avatar: '\n@home' },
  // Accounts that print like "admin" where zero-width characters print as nothing.
  { account: 'ad\u200bmin', joinTime: baseJoinTime + 8, nickName: '\ufeff-2' },
  { account: '\ufeffadmin', joinTime: baseJoinTime + 9 },
];

/** A seed for the tests: two apps (pro and basic) and one group per case. */
export const testSeed = (): EmulatorSeed => ({
  apps: [
    { sdkAppId: proApp.sdkAppId, secretKey: proApp.secretKey, admins: [proApp.admin] },
    {
      sdkAppId: basicApp.sdkAppId,
      secretKey: basicApp.secretKey,
      admins: [basicApp.admin],
      edition: 'basic',
    },
  ],
  groups: [
    { sdkAppId: proApp.sdkAppId, groupId: groups.paged, members: crowd('user', 600, 7) },
    { sdkAppId: proApp.sdkAppId, groupId: groups.capped, members: crowd('fan', 1100) },
    { sdkAppId: proApp.sdkAppId, groupId: groups.tricky, members: trickyMembers },
    { sdkAppId: proApp.sdkAppId, groupId: groups.watched, members: crowd('w', 5) },
    {
      sdkAppId: proApp.sdkAppId,
      groupId: groups.privateGroup,
      type: 'Private',
      members: crowd('colleague', 3),
    },
    { sdkAppId: basicApp.sdkAppId, groupId: groups.basic, members: crowd('b', 40) },
    { sdkAppId: proApp.sdkAppId, groupId: groups.operated, members: crowd('op', 30) },
    {
      sdkAppId: proApp.sdkAppId,
      groupId: groups.banned,
      members: crowd('bm', 5),
      bans: seededBans,
    },
    {
      sdkAppId: proApp.sdkAppId,
      groupId: groups.community,
      type: 'Community',
      members: crowd('c', 12),
    },
    {
      sdkAppId: proApp.sdkAppId,
      groupId: groups.staffed,
      members: crowd('st', 3),
      admins: ['st2', 'outsider'],
    },
    {
      sdkAppId: proApp.sdkAppId,
      groupId: groups.farFuture,
      members: [
        ...crowd('near', 2),
        { account: 'far', joinTime: pastDateRangeJoinTime, nickName: 'Far' },
      ],
    },
  ],
});

/** The environment of a CLI run against the pro app (nothing inherited from the test's). */
export const proEnv = (baseUrl: string): Record<string, string> => ({
  AVCHATROOM_SDKAPPID: String(proApp.sdkAppId),
  AVCHATROOM_IDENTIFIER: proApp.admin,
  AVCHATROOM_SECRET_KEY: proApp.secretKey,
  AVCHATROOM_BASE_URL: baseUrl,
});
