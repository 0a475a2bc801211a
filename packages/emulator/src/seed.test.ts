import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createManualClock } from './clock.js';
import { EmulatorState } from './emulator-state.js';
import {
  assertValidSeed,
  demoSeedPath,
  type EmulatorSeed,
  findSeedProblems,
  groupTypes,
  loadSeedFile,
} from './seed.js';

const validSeed = (): EmulatorSeed => ({
  apps: [
    { sdkAppId: 1400000001, secretKey: 'key-1', admins: ['administrator'] },
    { sdkAppId: 1400000002, secretKey: 'key-2', admins: ['admin', 'ops'], edition: 'basic' },
  ],
  groups: [
    {
      sdkAppId: 1400000001,
      groupId: '@TGS#aROOM',
      type: 'AVChatRoom',
      members: [
        {
          account: 'host',
          joinTime: 1767225600,
          nickName: 'Host',
          avatar: 'https://a/h.png',
          marks: [1000],
        },
      ],
      crowd: {
        count: 10,
        accountPrefix: 'viewer',
        joinedWithinSeconds: 60,
        markShares: { 1000: 0.5 },
      },
      churn: { joinsPerMinute: 10, leavesPerMinute: 10 },
    },
    { sdkAppId: 1400000002, groupId: '@TGS#aROOM' },
  ],
  randomSeed: 3,
});

/** The valid seed changed by `edit` (which may break it in any way JSON allows). */
// biome-ignore lint/suspicious/noExplicitAny: the edits break the seed's types on purpose, as a hand-written JSON file can
const edited = (edit: (seed: any) => void): EmulatorSeed => {
  const seed = validSeed();
  edit(seed);
  return seed;
};

describe('findSeedProblems', () => {
  it('finds nothing wrong with a valid seed, or with the smallest one', () => {
    expect(findSeedProblems(validSeed())).toEqual([]);
    expect(findSeedProblems({ apps: [], groups: [] })).toEqual([]);
  });

  it.each([
    { name: 'no seed', given: undefined, want: ['seed.apps must be an array'] },
    { name: 'no apps', given: { groups: [] }, want: ['seed.apps must be an array'] },
    { name: 'no groups', given: { apps: [] }, want: ['seed.groups must be an array'] },
    {
      name: 'an app that is null',
      given: edited((s) => {
        s.apps[1] = null;
        s.groups.pop();
      }),
      want: [
        'apps[1].sdkAppId must be an integer from 1 to 4294967295',
        'apps[1].secretKey must be a non-empty string',
        'apps[1].admins must be an array of UserIDs',
      ],
    },
    {
      name: 'sdkAppId 0',
      given: edited((s) => {
        s.apps[1].sdkAppId = 0;
        s.groups.pop();
      }),
      want: ['apps[1].sdkAppId must be an integer from 1 to 4294967295'],
    },
    {
      name: 'sdkAppId over 32 bits',
      given: edited((s) => {
        s.apps[1].sdkAppId = 2 ** 32;
        s.groups.pop();
      }),
      want: ['apps[1].sdkAppId must be an integer from 1 to 4294967295'],
    },
    {
      name: 'sdkAppId as a string',
      given: edited((s) => {
        s.apps[1].sdkAppId = '1400000002';
        s.groups.pop();
      }),
      want: ['apps[1].sdkAppId must be an integer from 1 to 4294967295'],
    },
    {
      name: 'an app listed twice',
      given: edited((s) => {
        s.apps[1].sdkAppId = 1400000001;
        s.groups.pop();
      }),
      want: ['apps[1].sdkAppId 1400000001 is listed twice'],
    },
    {
      name: 'an empty secretKey',
      given: edited((s) => {
        s.apps[0].secretKey = '';
      }),
      want: ['apps[0].secretKey must be a non-empty string'],
    },
    {
      name: 'admins as a string',
      given: edited((s) => {
        s.apps[0].admins = 'administrator';
      }),
      want: ['apps[0].admins must be an array of UserIDs'],
    },
    {
      name: 'an empty admin',
      given: edited((s) => {
        s.apps[0].admins = ['administrator', ''];
      }),
      want: ['apps[0].admins must be an array of UserIDs'],
    },
    {
      name: 'an unknown edition',
      given: edited((s) => {
        s.apps[0].edition = 'ultimate';
      }),
      want: ['apps[0].edition must be "pro" or "basic"'],
    },
    {
      name: 'a group of an unknown app',
      given: edited((s) => {
        s.groups[1].sdkAppId = 1400000009;
      }),
      want: ['groups[1].sdkAppId must name an app of the seed'],
    },
    {
      name: 'a group that is null',
      given: edited((s) => {
        s.groups[1] = null;
      }),
      want: [
        'groups[1].sdkAppId must name an app of the seed',
        'groups[1].groupId must be a non-empty string',
      ],
    },
    {
      name: 'an empty groupId',
      given: edited((s) => {
        s.groups[1].groupId = '';
      }),
      want: ['groups[1].groupId must be a non-empty string'],
    },
    {
      name: 'a group listed twice in one app',
      given: edited((s) => {
        s.groups[1].sdkAppId = 1400000001;
      }),
      want: ['groups[1].groupId @TGS#aROOM is listed twice'],
    },
    {
      name: 'an unknown group type',
      given: edited((s) => {
        s.groups[1].type = 'Meeting';
      }),
      want: [`groups[1].type must be one of ${groupTypes.join(', ')}`],
    },
    {
      name: 'bans that are not a list',
      given: edited((s) => {
        s.groups[0].bans = { account: 'troll', bannedUntil: 1 };
      }),
      want: ['groups[0].bans must be an array'],
    },
    {
      name: 'a ban without an account, a ban of a member, a ban with no end',
      given: edited((s) => {
        s.groups[0].bans = [
          { bannedUntil: 10 },
          { account: s.groups[0].members[0].account, bannedUntil: 10 },
          { account: 'troll', bannedUntil: 0 },
        ];
      }),
      want: [
        'groups[0].bans[0].account must be a UserID of 1 to 32 bytes',
        `groups[0].bans[1].account host is also a member`,
        'groups[0].bans[2].bannedUntil must be a positive integer (seconds)',
      ],
    },
    {
      name: 'admins that are not UserIDs',
      given: edited((s) => {
        s.groups[0].admins = ['ok', '', 'x'.repeat(33)];
      }),
      want: ['groups[0].admins must be an array of UserIDs of 1 to 32 bytes'],
    },
    {
      name: 'members that are not a list',
      given: edited((s) => {
        s.groups[0].members = { account: 'host', joinTime: 1 };
      }),
      want: ['groups[0].members must be an array'],
    },
    {
      name: 'a member that is null',
      given: edited((s) => {
        s.groups[0].members[0] = null;
      }),
      want: [
        'groups[0].members[0].account must be a UserID of 1 to 32 bytes',
        'groups[0].members[0].joinTime must be a positive integer (seconds since the epoch)',
      ],
    },
    {
      name: 'an account of 33 bytes',
      given: edited((s) => {
        s.groups[0].members[0].account = 'a'.repeat(33);
      }),
      want: ['groups[0].members[0].account must be a UserID of 1 to 32 bytes'],
    },
    {
      name: 'an account of 11 three-byte characters',
      given: edited((s) => {
        s.groups[0].members[0].account = '主'.repeat(11);
      }),
      want: ['groups[0].members[0].account must be a UserID of 1 to 32 bytes'],
    },
    {
      name: 'joinTime 0',
      given: edited((s) => {
        s.groups[0].members[0].joinTime = 0;
      }),
      want: ['groups[0].members[0].joinTime must be a positive integer (seconds since the epoch)'],
    },
    {
      name: 'joinTime in milliseconds as a string',
      given: edited((s) => {
        s.groups[0].members[0].joinTime = '1767225600000';
      }),
      want: ['groups[0].members[0].joinTime must be a positive integer (seconds since the epoch)'],
    },
    {
      name: 'marks that are not integers',
      given: edited((s) => {
        s.groups[0].members[0].marks = [1000, '1001'];
      }),
      want: ['groups[0].members[0].marks must be an array of integers'],
    },
    {
      name: 'a numeric nickName and avatar (the API answers strings)',
      given: edited((s) => {
        s.groups[0].members[0].nickName = 7;
        s.groups[0].members[0].avatar = null;
      }),
      want: [
        'groups[0].members[0].nickName must be a string',
        'groups[0].members[0].avatar must be a string',
      ],
    },
    {
      name: 'a negative crowd',
      given: edited((s) => {
        s.groups[0].crowd.count = -1;
      }),
      want: ['groups[0].crowd.count must be a non-negative integer'],
    },
    {
      name: 'a null crowd',
      given: edited((s) => {
        s.groups[0].crowd = null;
      }),
      want: ['groups[0].crowd.count must be a non-negative integer'],
    },
    {
      name: 'a crowd prefix that is not a string',
      given: edited((s) => {
        s.groups[0].crowd.accountPrefix = 5;
      }),
      want: ['groups[0].crowd.accountPrefix must be a non-empty string'],
    },
    {
      name: 'a crowd spread that is not a number',
      given: edited((s) => {
        s.groups[0].crowd.joinedWithinSeconds = 'an hour';
      }),
      want: ['groups[0].crowd.joinedWithinSeconds must be a non-negative integer'],
    },
    {
      name: 'a negative churn rate',
      given: edited((s) => {
        s.groups[0].churn.leavesPerMinute = -1;
      }),
      want: ['groups[0].churn rates must be non-negative numbers'],
    },
    {
      name: 'a churn rate missing',
      given: edited((s) => {
        delete s.groups[0].churn.joinsPerMinute;
      }),
      want: ['groups[0].churn rates must be non-negative numbers'],
    },
    {
      name: 'a null churn',
      given: edited((s) => {
        s.groups[0].churn = null;
      }),
      want: ['groups[0].churn rates must be non-negative numbers'],
    },
  ])('names the problem: $name', ({ given, want }) => {
    expect(findSeedProblems(given as EmulatorSeed)).toEqual(want);
  });

  it('names every problem at once', () => {
    const seed = edited((s) => {
      s.apps[0].secretKey = '';
      s.groups[0].type = 'Meeting';
      s.groups[0].members[0].joinTime = -5;
    });
    expect(findSeedProblems(seed)).toHaveLength(3);
  });
});

describe('assertValidSeed', () => {
  it('returns a valid seed as it is', () => {
    const seed = validSeed();
    expect(assertValidSeed(seed)).toBe(seed);
  });

  it('throws one TypeError listing every problem, one per line', () => {
    const seed = edited((s) => {
      s.apps[0].secretKey = '';
      s.groups[1].groupId = '';
    });
    expect(() => assertValidSeed(seed, 'seed of my test')).toThrow(
      new TypeError(
        'Invalid emulator seed of my test:\n- apps[0].secretKey must be a non-empty string\n- groups[1].groupId must be a non-empty string',
      ),
    );
  });
});

describe('loadSeedFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'emulator-seed-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a valid seed file', () => {
    const path = join(dir, 'valid.json');
    writeFileSync(path, JSON.stringify(validSeed()));
    expect(loadSeedFile(path)).toEqual(validSeed());
  });

  it.each([
    {
      name: 'a missing file',
      file: 'missing.json',
      content: undefined,
      want: /^Cannot read the emulator seed file .*missing\.json: ENOENT/,
    },
    {
      name: 'a file that is not JSON',
      file: 'broken.json',
      content: '{"apps": [',
      want: /^Cannot read the emulator seed file .*broken\.json: /,
    },
    {
      name: 'a seed with a problem',
      file: 'invalid.json',
      content: JSON.stringify({ apps: [], groups: [{ sdkAppId: 1, groupId: 'g' }] }),
      want: /^Invalid emulator seed file .*invalid\.json:\n- groups\[0\]\.sdkAppId must name an app of the seed$/,
    },
  ])('throws a TypeError naming the file for $name', ({ file, content, want }) => {
    const path = join(dir, file);
    if (content !== undefined) writeFileSync(path, content);
    expect(() => loadSeedFile(path)).toThrow(TypeError);
    expect(() => loadSeedFile(path)).toThrow(want);
  });

  it('ships a valid demo seed: a live room of about 1,200 members, and an app of each edition', () => {
    const seed = loadSeedFile(demoSeedPath);
    expect(seed.apps.map((app) => app.edition ?? 'pro').sort()).toEqual(['basic', 'pro']);
    const live = seed.groups.find((group) => group.groupId === '@TGS#aLIVEDEMO');
    expect(live).toMatchObject({ sdkAppId: 1400000001, type: 'AVChatRoom' });
    const state = new EmulatorState(seed, createManualClock(Date.UTC(2026, 0, 1)));
    expect(state.onlineMembers(1400000001, '@TGS#aLIVEDEMO')).toHaveLength(1201);
    const liveGroup = state.group(1400000001, '@TGS#aLIVEDEMO');
    expect(liveGroup?.admins).toEqual(['host', 'moderator']);
    expect(liveGroup?.bans.page(0, 10, Date.UTC(2026, 0, 1) / 1000).bans).toEqual([
      { account: 'spammer', bannedUntil: 2082758400 },
    ]);
    expect(state.groupList()).toContainEqual({
      sdkAppId: 1400000001,
      groupId: '@TGS#aLIVEDEMO',
      type: 'AVChatRoom',
    });
  });
});
