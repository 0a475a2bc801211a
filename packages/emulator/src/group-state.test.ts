import { describe, expect, it } from 'vitest';
import { GroupState, type GroupStateInit } from './group-state.js';
import { createRandom } from './random.js';

const startMs = Date.UTC(2026, 0, 1);
const startSeconds = startMs / 1000;

const makeGroup = (init: Partial<GroupStateInit> = {}): GroupState =>
  new GroupState({
    groupId: '@TGS#aROOM',
    type: 'AVChatRoom',
    members: [],
    random: createRandom(1),
    nowMs: startMs,
    ...init,
  });

const accounts = (members: readonly { account: string }[]): string[] =>
  members.map((m) => m.account);

describe('GroupState', () => {
  it('makes the same crowd for the same random seed, and another for another seed', () => {
    const crowd = { count: 50, markShares: { 1000: 0.5 } };
    const first = makeGroup({ crowd, random: createRandom(7) }).onlineMembers(startMs);
    const again = makeGroup({ crowd, random: createRandom(7) }).onlineMembers(startMs);
    const other = makeGroup({ crowd, random: createRandom(8) }).onlineMembers(startMs);
    expect(first).toHaveLength(50);
    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
  });

  it('names the crowd after its prefix and spreads join times over joinedWithinSeconds', () => {
    const members = makeGroup({
      crowd: { count: 200, accountPrefix: 'guest', joinedWithinSeconds: 600 },
    }).onlineMembers(startMs);
    expect(new Set(accounts(members))).toEqual(
      new Set(Array.from({ length: 200 }, (_, i) => `guest${i + 1}`)),
    );
    for (const m of members) {
      expect(m.joinTime).toBeGreaterThan(startSeconds - 600);
      expect(m.joinTime).toBeLessThanOrEqual(startSeconds);
      if (m.nickName !== undefined) expect(m.nickName).toBe(`Guest ${m.account.slice(5)}`);
      if (m.avatar !== undefined) {
        expect(m.avatar).toBe(`https://example.com/avatars/${m.account}.png`);
        expect(m.nickName).toBeDefined();
      }
    }
    // Some have a profile and some do not (no rule says when they are filled).
    expect(members.some((m) => m.nickName === undefined)).toBe(true);
    expect(members.some((m) => m.avatar !== undefined)).toBe(true);
  });

  it.each([
    { share: 0, want: 0 },
    { share: 1, want: 100 },
  ])('gives mark 1000 to a share of $share of the crowd', ({ share, want }) => {
    const members = makeGroup({
      crowd: { count: 100, markShares: { 1000: share } },
    }).onlineMembers(startMs);
    expect(members.filter((m) => m.marks.includes(1000))).toHaveLength(want);
  });

  it('keeps seed members as given, sorted newest first with ties by account', () => {
    const group = makeGroup({
      members: [
        { account: 'b', joinTime: 100 },
        { account: 'c', joinTime: 300, nickName: 'C', avatar: 'https://a/c.png', marks: [1000] },
        { account: 'a', joinTime: 100 },
      ],
    });
    expect(group.onlineMembers(startMs)).toEqual([
      { account: 'c', joinTime: 300, nickName: 'C', avatar: 'https://a/c.png', marks: [1000] },
      { account: 'a', joinTime: 100, marks: [] },
      { account: 'b', joinTime: 100, marks: [] },
    ]);
    expect(group.servedSnapshot(startMs, 40_000)).toEqual({
      takenAt: startMs,
      members: group.onlineMembers(startMs),
    });
  });

  it('shows joins and leaves in the ground truth at once, in the snapshot only after refreshMs', () => {
    const group = makeGroup({
      members: [
        { account: 'a', joinTime: startSeconds - 20 },
        { account: 'b', joinTime: startSeconds - 10 },
      ],
    });
    group.join({ account: 'c', joinTime: startSeconds + 1 }, startMs);
    expect(group.leave('a')).toBe(true);
    const steps = [
      { atMs: startMs + 1_000, wantTakenAt: startMs, wantServed: ['b', 'a'] },
      { atMs: startMs + 39_999, wantTakenAt: startMs, wantServed: ['b', 'a'] },
      { atMs: startMs + 40_000, wantTakenAt: startMs + 40_000, wantServed: ['c', 'b'] },
    ];
    for (const { atMs, wantTakenAt, wantServed } of steps) {
      expect(accounts(group.onlineMembers(atMs))).toEqual(['c', 'b']);
      const snapshot = group.servedSnapshot(atMs, 40_000);
      expect({ at: atMs, takenAt: snapshot.takenAt, served: accounts(snapshot.members) }).toEqual({
        at: atMs,
        takenAt: wantTakenAt,
        served: wantServed,
      });
    }
    // The new snapshot is then kept for its own 40 s.
    group.join({ account: 'd', joinTime: startSeconds + 50 }, startMs);
    expect(accounts(group.servedSnapshot(startMs + 79_999, 40_000).members)).toEqual(['c', 'b']);
    expect(accounts(group.servedSnapshot(startMs + 80_000, 40_000).members)).toEqual([
      'd',
      'c',
      'b',
    ]);
  });

  it('refreshes the snapshot when told to, and on every call when refreshMs is 0', () => {
    const group = makeGroup({ members: [{ account: 'a', joinTime: 1 }] });
    group.join({ account: 'b', joinTime: 2 }, startMs);
    expect(accounts(group.servedSnapshot(startMs + 1, 40_000).members)).toEqual(['a']);
    group.refresh(startMs + 2);
    expect(group.servedSnapshot(startMs + 3, 40_000)).toMatchObject({ takenAt: startMs + 2 });
    expect(accounts(group.servedSnapshot(startMs + 3, 40_000).members)).toEqual(['b', 'a']);
    group.join({ account: 'c', joinTime: 3 }, startMs);
    expect(accounts(group.servedSnapshot(startMs + 3, 0).members)).toEqual(['c', 'b', 'a']);
  });

  it('moves a member who joins again to the top, once', () => {
    const group = makeGroup({
      members: [
        { account: 'a', joinTime: 100, nickName: 'Old name' },
        { account: 'b', joinTime: 200 },
      ],
    });
    group.join({ account: 'a', joinTime: 300 }, startMs);
    expect(group.onlineMembers(startMs)).toEqual([
      { account: 'a', joinTime: 300, marks: [] },
      { account: 'b', joinTime: 200, marks: [] },
    ]);
  });

  it('answers whether a leaving member was online', () => {
    const group = makeGroup({ members: [{ account: 'a', joinTime: 1 }] });
    expect(group.leave('nobody')).toBe(false);
    expect(group.leave('a')).toBe(true);
    expect(group.leave('a')).toBe(false);
    expect(group.onlineMembers(startMs)).toEqual([]);
  });

  it.each([
    { name: '60 joins/min over 30 s', joins: 60, leaves: 0, stepMs: 30_000, steps: 1, want: 30 },
    {
      name: '60 joins/min, seen every second',
      joins: 60,
      leaves: 0,
      stepMs: 1_000,
      steps: 30,
      want: 30,
    },
    {
      name: '7 joins/min, seen every 10 s for a minute',
      joins: 7,
      leaves: 0,
      stepMs: 10_000,
      steps: 6,
      want: 7,
    },
    {
      name: '1 join/min, seen every 10 s for 5 min',
      joins: 1,
      leaves: 0,
      stepMs: 10_000,
      steps: 30,
      want: 5,
    },
    {
      name: '2 joins/min, seen every 100 ms for 5 min',
      joins: 2,
      leaves: 0,
      stepMs: 100,
      steps: 3_000,
      want: 10,
    },
    { name: '1 join/min over 59.999 s', joins: 1, leaves: 0, stepMs: 59_999, steps: 1, want: 0 },
    {
      name: '120 leaves/min over 15 s',
      joins: 0,
      leaves: 120,
      stepMs: 15_000,
      steps: 1,
      want: -30,
    },
    {
      name: '3 leaves/min, seen every 10 s for 5 min',
      joins: 0,
      leaves: 3,
      stepMs: 10_000,
      steps: 30,
      want: -15,
    },
    { name: 'as many joins as leaves', joins: 60, leaves: 60, stepMs: 60_000, steps: 1, want: 0 },
  ])(
    'churns at the seed rates, carrying fractions: $name',
    ({ joins, leaves, stepMs, steps, want }) => {
      const group = makeGroup({
        crowd: { count: 100 },
        churn: { joinsPerMinute: joins, leavesPerMinute: leaves },
      });
      const before = group.onlineMembers(startMs);
      let nowMs = startMs;
      for (let i = 0; i < steps; i++) {
        nowMs += stepMs;
        group.onlineMembers(nowMs);
      }
      const after = group.onlineMembers(nowMs);
      expect(after.length - before.length).toBe(want);
      // Newcomers are new crowd members (viewer101, ...), never a comeback.
      const newcomers = after.filter((m) => Number(m.account.slice('viewer'.length)) > 100);
      expect(newcomers).toHaveLength(Math.floor((joins * stepMs * steps) / 60_000));
    },
  );

  it('gives newcomers join times inside the time that passed', () => {
    const group = makeGroup({
      crowd: { count: 10 },
      churn: { joinsPerMinute: 600, leavesPerMinute: 0 },
    });
    const laterMs = startMs + 60_000;
    const newcomers = group
      .onlineMembers(laterMs)
      .filter((m) => Number(m.account.slice('viewer'.length)) > 10);
    expect(newcomers).toHaveLength(600);
    for (const m of newcomers) {
      expect(m.joinTime).toBeGreaterThanOrEqual(startSeconds);
      expect(m.joinTime).toBeLessThanOrEqual(laterMs / 1000);
    }
    // Newest first: the newcomers lead the list.
    expect(group.onlineMembers(laterMs).slice(0, 600)).toEqual(
      [...newcomers].sort((a, b) => b.joinTime - a.joinTime || (a.account < b.account ? -1 : 1)),
    );
  });

  it('churns the served snapshot at its refresh, not before', () => {
    const group = makeGroup({
      crowd: { count: 100 },
      churn: { joinsPerMinute: 60, leavesPerMinute: 0 },
    });
    expect(group.servedSnapshot(startMs + 39_999, 40_000).members).toHaveLength(100);
    expect(group.servedSnapshot(startMs + 40_000, 40_000).members).toHaveLength(140);
  });

  it('lets members leave but nobody join when there is no crowd to draw from', () => {
    const group = makeGroup({
      members: [
        { account: 'a', joinTime: 1 },
        { account: 'b', joinTime: 2 },
      ],
      churn: { joinsPerMinute: 60, leavesPerMinute: 60 },
    });
    expect(group.onlineMembers(startMs + 10 * 60_000)).toEqual([]);
  });

  it('does not churn when the time does not move forward', () => {
    const group = makeGroup({
      crowd: { count: 10 },
      churn: { joinsPerMinute: 600, leavesPerMinute: 600 },
    });
    const before = group.onlineMembers(startMs);
    expect(group.onlineMembers(startMs - 60_000)).toEqual(before);
    expect(group.onlineMembers(startMs)).toEqual(before);
  });
});
