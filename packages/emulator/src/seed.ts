import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Editions: `pro` lists up to 1,000 members; `basic` only the 30 latest (API doc, "Edition"). */
export type AppEdition = 'pro' | 'basic';

/** Group types of Tencent Cloud Chat. Only AVChatRoom and Community may be listed; the rest get 10007. */
export const groupTypes = ['AVChatRoom', 'Community', 'Private', 'Public', 'ChatRoom'] as const;
export type GroupType = (typeof groupTypes)[number];

export interface SeedApp {
  /** The app's SDKAppID, a positive 32-bit integer. */
  sdkAppId: number;
  /** The key UserSigs are signed with (TLSSigAPIv2). */
  secretKey: string;
  /** UserIDs of the App admin accounts allowed to call REST APIs. */
  admins: string[];
  /** @default 'pro' */
  edition?: AppEdition;
}

export interface SeedMember {
  /** The member's UserID (at most 32 bytes). */
  account: string;
  /** Seconds since the Unix epoch, at least 1. */
  joinTime: number;
  nickName?: string;
  avatar?: string;
  /** Marks the member carries (custom marks are 1000 or more). */
  marks?: number[];
}

/** Members made up by the emulator (deterministic for a given `randomSeed`). */
export interface SeedCrowd {
  /** How many members are online at the start. */
  count: number;
  /** Accounts are `${accountPrefix}${n}`. @default 'viewer' */
  accountPrefix?: string;
  /** Join times spread over this many seconds before the start. @default 3600 */
  joinedWithinSeconds?: number;
  /** Share (0..1) of members carrying each mark, by mark. @default {} */
  markShares?: Record<string, number>;
}

/** Joins and leaves over time, applied at each snapshot refresh. */
export interface SeedChurn {
  joinsPerMinute: number;
  leavesPerMinute: number;
}

/** A ban in force at the start. */
export interface SeedBan {
  /** The banned UserID. */
  account: string;
  /** Seconds since the epoch when the ban ends. */
  bannedUntil: number;
}

export interface SeedGroup {
  sdkAppId: number;
  groupId: string;
  /** @default 'AVChatRoom' */
  type?: GroupType;
  members?: SeedMember[];
  /** Bans (get_group_ban_member); a banned account cannot be a member. @default [] */
  bans?: SeedBan[];
  /** Live-group admins (get_admin_list), who need not be members. @default [] */
  admins?: string[];
  crowd?: SeedCrowd;
  churn?: SeedChurn;
}

/** The emulator's initial state: apps and their groups. */
export interface EmulatorSeed {
  apps: SeedApp[];
  groups: SeedGroup[];
  /** Seed of the pseudo-random crowd and churn. @default 1 */
  randomSeed?: number;
}

const isUint32 = (value: unknown): value is number =>
  Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 0xffffffff;

const byteLength = (text: string): number => new TextEncoder().encode(text).length;

const checkMember = (member: SeedMember, where: string, problems: string[]): void => {
  if (
    typeof member?.account !== 'string' ||
    member.account === '' ||
    byteLength(member.account) > 32
  ) {
    problems.push(`${where}.account must be a UserID of 1 to 32 bytes`);
  }
  if (!Number.isSafeInteger(member?.joinTime) || member.joinTime < 1) {
    problems.push(`${where}.joinTime must be a positive integer (seconds since the epoch)`);
  }
  if (
    member?.marks !== undefined &&
    !(Array.isArray(member.marks) && member.marks.every(Number.isSafeInteger))
  ) {
    problems.push(`${where}.marks must be an array of integers`);
  }
  // The API answers NickName and Avatar as strings.
  for (const field of ['nickName', 'avatar'] as const) {
    if (member?.[field] !== undefined && typeof member[field] !== 'string')
      problems.push(`${where}.${field} must be a string`);
  }
};

const isUserId = (value: unknown): boolean =>
  typeof value === 'string' && value !== '' && byteLength(value) <= 32;

const checkBansAndAdmins = (group: SeedGroup, where: string, problems: string[]): void => {
  if (group?.bans !== undefined && !Array.isArray(group.bans)) {
    problems.push(`${where}.bans must be an array`);
  } else {
    const members = new Set(
      Array.isArray(group?.members) ? group.members.map((member) => member?.account) : [],
    );
    group?.bans?.forEach((ban, index) => {
      if (!isUserId(ban?.account))
        problems.push(`${where}.bans[${index}].account must be a UserID of 1 to 32 bytes`);
      else if (members.has(ban.account))
        problems.push(`${where}.bans[${index}].account ${ban.account} is also a member`);
      if (!Number.isSafeInteger(ban?.bannedUntil) || ban.bannedUntil < 1)
        problems.push(`${where}.bans[${index}].bannedUntil must be a positive integer (seconds)`);
    });
  }
  if (
    group?.admins !== undefined &&
    !(Array.isArray(group.admins) && group.admins.every(isUserId))
  ) {
    problems.push(`${where}.admins must be an array of UserIDs of 1 to 32 bytes`);
  }
};

/** Lists what is wrong with a seed, one line per problem; empty when it is usable. */
export const findSeedProblems = (seed: EmulatorSeed): string[] => {
  const problems: string[] = [];
  if (!Array.isArray(seed?.apps)) return ['seed.apps must be an array'];
  if (!Array.isArray(seed.groups)) return ['seed.groups must be an array'];
  const appIds = new Set<number>();
  seed.apps.forEach((app, index) => {
    const where = `apps[${index}]`;
    if (!isUint32(app?.sdkAppId))
      problems.push(`${where}.sdkAppId must be an integer from 1 to 4294967295`);
    else if (appIds.has(app.sdkAppId))
      problems.push(`${where}.sdkAppId ${app.sdkAppId} is listed twice`);
    else appIds.add(app.sdkAppId);
    if (typeof app?.secretKey !== 'string' || app.secretKey === '')
      problems.push(`${where}.secretKey must be a non-empty string`);
    if (
      !Array.isArray(app?.admins) ||
      !app.admins.every((admin) => typeof admin === 'string' && admin !== '')
    ) {
      problems.push(`${where}.admins must be an array of UserIDs`);
    }
    if (app?.edition !== undefined && app.edition !== 'pro' && app.edition !== 'basic') {
      problems.push(`${where}.edition must be "pro" or "basic"`);
    }
  });
  const groupKeys = new Set<string>();
  seed.groups.forEach((group, index) => {
    const where = `groups[${index}]`;
    if (!appIds.has(group?.sdkAppId))
      problems.push(`${where}.sdkAppId must name an app of the seed`);
    if (typeof group?.groupId !== 'string' || group.groupId === '')
      problems.push(`${where}.groupId must be a non-empty string`);
    const key = `${group?.sdkAppId}/${group?.groupId}`;
    if (groupKeys.has(key)) problems.push(`${where}.groupId ${group.groupId} is listed twice`);
    groupKeys.add(key);
    if (group?.type !== undefined && !groupTypes.includes(group.type)) {
      problems.push(`${where}.type must be one of ${groupTypes.join(', ')}`);
    }
    if (group?.members !== undefined && !Array.isArray(group.members))
      problems.push(`${where}.members must be an array`);
    else
      group?.members?.forEach((member, memberIndex) => {
        checkMember(member, `${where}.members[${memberIndex}]`, problems);
      });
    checkBansAndAdmins(group, where, problems);
    const crowd = group?.crowd;
    if (crowd !== undefined && !(Number.isSafeInteger(crowd?.count) && crowd.count >= 0)) {
      problems.push(`${where}.crowd.count must be a non-negative integer`);
    }
    if (
      crowd?.accountPrefix !== undefined &&
      (typeof crowd.accountPrefix !== 'string' || crowd.accountPrefix === '')
    ) {
      problems.push(`${where}.crowd.accountPrefix must be a non-empty string`);
    }
    if (
      crowd?.joinedWithinSeconds !== undefined &&
      !(Number.isSafeInteger(crowd.joinedWithinSeconds) && crowd.joinedWithinSeconds >= 0)
    ) {
      problems.push(`${where}.crowd.joinedWithinSeconds must be a non-negative integer`);
    }
    const churn = group?.churn;
    if (churn !== undefined && !(churn?.joinsPerMinute >= 0 && churn.leavesPerMinute >= 0)) {
      problems.push(`${where}.churn rates must be non-negative numbers`);
    }
  });
  return problems;
};

/** Throws one error naming every problem of the seed. */
export const assertValidSeed = (seed: EmulatorSeed, source = 'seed'): EmulatorSeed => {
  const problems = findSeedProblems(seed);
  if (problems.length > 0)
    throw new TypeError(`Invalid emulator ${source}:\n- ${problems.join('\n- ')}`);
  return seed;
};

/** Reads and checks a seed JSON file. */
export const loadSeedFile = (path: string): EmulatorSeed => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new TypeError(`Cannot read the emulator seed file ${path}: ${(error as Error).message}`);
  }
  return assertValidSeed(parsed as EmulatorSeed, `seed file ${path}`);
};

/** Path of the demo seed shipped with the package. */
export const demoSeedPath: string = fileURLToPath(new URL('../seeds/demo.json', import.meta.url));
