import { describe, expect, it } from 'vitest';
import type { OnlineMember } from './group-state.js';
import { type MemberPage, type PageRequest, selectMemberPage } from './member-pages.js';
import { createRandom } from './random.js';

const member = (account: string, joinTime: number, marks: number[] = []): OnlineMember => ({
  account,
  joinTime,
  marks,
});

/** `count` members with distinct join times, newest first (as a snapshot is). */
const distinctCrowd = (count: number): OnlineMember[] =>
  Array.from({ length: count }, (_, i) => member(`m${i + 1}`, 1_700_000_000 - i));

/** Members whose join times are given newest first; accounts say their position. */
const crowdAt = (joinTimes: number[]): OnlineMember[] =>
  joinTimes.map((joinTime, i) => member(`m${i + 1}`, joinTime));

/** Follows NextTimestamp from 0 until it is 0 again (at most 100 pages). */
const walkPages = (
  snapshot: readonly OnlineMember[],
  request: Omit<PageRequest, 'timestamp'>,
): MemberPage[] => {
  const pages: MemberPage[] = [];
  let timestamp = 0;
  for (let i = 0; i < 100; i++) {
    const page = selectMemberPage(snapshot, { ...request, timestamp });
    pages.push(page);
    if (page.nextTimestamp === 0) return pages;
    timestamp = page.nextTimestamp;
  }
  throw new Error('NextTimestamp did not reach 0 within 100 pages');
};

const accountsOf = (pages: MemberPage[]): string[] =>
  pages.flatMap((page) => page.members.map((body) => body.Member_Account));

describe('selectMemberPage', () => {
  it('lists newest first and turns members into the API shape', () => {
    const snapshot = [
      { account: 'new', joinTime: 300, nickName: 'New', avatar: 'https://a/new.png', marks: [1] },
      { account: 'mid', joinTime: 200, nickName: 'Mid', marks: [] },
      { account: 'old', joinTime: 100, marks: [1000] },
    ];
    expect(selectMemberPage(snapshot, { timestamp: 0, pageSize: 500, maxMembers: 1000 })).toEqual({
      members: [
        { Member_Account: 'new', JoinTime: 300, NickName: 'New', Avatar: 'https://a/new.png' },
        { Member_Account: 'mid', JoinTime: 200, NickName: 'Mid' },
        { Member_Account: 'old', JoinTime: 100 },
      ],
      nextTimestamp: 0,
    });
  });

  it.each([
    { pageSize: 500, wantSizes: [500, 500] },
    { pageSize: 250, wantSizes: [250, 250, 250, 250] },
    { pageSize: 1000, wantSizes: [1000] },
    { pageSize: 300, wantSizes: [300, 300, 300, 100] },
  ])(
    'pages 1,200 members capped to the 1,000 latest, $pageSize per page',
    ({ pageSize, wantSizes }) => {
      const snapshot = distinctCrowd(1200);
      const pages = walkPages(snapshot, { pageSize, maxMembers: 1000 });
      expect(pages.map((page) => page.members.length)).toEqual(wantSizes);
      // Each cursor is the join time of the first member of the next page.
      const starts = wantSizes.map((_, i) => wantSizes.slice(0, i + 1).reduce((a, b) => a + b, 0));
      expect(pages.map((page) => page.nextTimestamp)).toEqual(
        starts.map((start) => (start < 1000 ? snapshot[start]?.joinTime : 0)),
      );
      expect(accountsOf(pages)).toEqual(snapshot.slice(0, 1000).map((m) => m.account));
    },
  );

  it('answers the second page from the cursor of the first', () => {
    const snapshot = distinctCrowd(1200);
    const first = selectMemberPage(snapshot, { timestamp: 0, pageSize: 500, maxMembers: 1000 });
    expect(first.nextTimestamp).toBe(1_700_000_000 - 500);
    const second = selectMemberPage(snapshot, {
      timestamp: first.nextTimestamp,
      pageSize: 500,
      maxMembers: 1000,
    });
    expect(second.members[0]).toEqual({ Member_Account: 'm501', JoinTime: 1_700_000_000 - 500 });
    expect(second.members.at(-1)?.Member_Account).toBe('m1000');
    expect(second.nextTimestamp).toBe(0);
  });

  it.each([
    {
      name: 'a tie at the page end runs the page on',
      joinTimes: [100, 100, 90, 90, 90, 80, 80, 70, 70, 70],
      pageSize: 3,
      want: [
        { size: 5, next: 80 },
        { size: 5, next: 0 },
      ],
    },
    {
      name: 'a tie that starts at the page end is left whole for the next page',
      joinTimes: [100, 90, 80, 80, 70],
      pageSize: 2,
      want: [
        { size: 2, next: 80 },
        { size: 2, next: 70 },
        { size: 1, next: 0 },
      ],
    },
    {
      name: 'everyone joined in one second: one page of them all',
      joinTimes: Array.from({ length: 12 }, () => 50),
      pageSize: 5,
      want: [{ size: 12, next: 0 }],
    },
    {
      name: 'page size 1 with no ties',
      joinTimes: [3, 2, 1],
      pageSize: 1,
      want: [
        { size: 1, next: 2 },
        { size: 1, next: 1 },
        { size: 1, next: 0 },
      ],
    },
  ])(
    'never splits members who joined in the same second: $name',
    ({ joinTimes, pageSize, want }) => {
      const snapshot = crowdAt(joinTimes);
      const pages = walkPages(snapshot, { pageSize, maxMembers: 1000 });
      expect(
        pages.map((page) => ({ size: page.members.length, next: page.nextTimestamp })),
      ).toEqual(want);
      expect(accountsOf(pages)).toEqual(snapshot.map((m) => m.account));
    },
  );

  it('never repeats or skips anyone, whatever the ties and page size', () => {
    const random = createRandom(99);
    for (let round = 0; round < 200; round++) {
      const count = Math.floor(random() * 60);
      let joinTime = 10_000;
      const joinTimes = Array.from({ length: count }, () => {
        // Many ties: the join time drops by 0, 1 or 2 seconds per member.
        joinTime -= Math.floor(random() * 3);
        return joinTime;
      });
      const pageSize = 1 + Math.floor(random() * 10);
      const maxMembers = 1 + Math.floor(random() * 70);
      const snapshot = crowdAt(joinTimes);
      const pages = walkPages(snapshot, { pageSize, maxMembers });
      const listed = accountsOf(pages);
      expect(listed).toEqual(snapshot.slice(0, maxMembers).map((m) => m.account));
      for (const page of pages.slice(0, -1)) expect(page.members.length).toBeGreaterThan(0);
    }
  });

  it.each([
    { mark: undefined, want: ['a', 'b', 'c', 'd'] },
    { mark: 0, want: ['a', 'b', 'c', 'd'] },
    { mark: 1000, want: ['a', 'c'] },
    { mark: 1001, want: ['c', 'd'] },
    { mark: 500, want: [] },
  ])('filters by Mark $mark (0 or absent lists everyone)', ({ mark, want }) => {
    const snapshot = [
      member('a', 40, [1000]),
      member('b', 30),
      member('c', 20, [1000, 1001]),
      member('d', 10, [1001]),
    ];
    const page = selectMemberPage(snapshot, {
      timestamp: 0,
      pageSize: 500,
      maxMembers: 1000,
      ...(mark !== undefined && { mark }),
    });
    expect(page.members.map((body) => body.Member_Account)).toEqual(want);
    expect(page.nextTimestamp).toBe(0);
  });

  it('pages the marked members with cursors of their own', () => {
    // Every third member carries mark 1000: 400 of 1,200.
    const snapshot = distinctCrowd(1200).map((m, i) => ({
      ...m,
      marks: i % 3 === 0 ? [1000] : [],
    }));
    const marked = snapshot.filter((m) => m.marks.includes(1000));
    const pages = walkPages(snapshot, { pageSize: 250, maxMembers: 1000, mark: 1000 });
    expect(pages.map((page) => page.members.length)).toEqual([250, 150]);
    expect(pages[0]?.nextTimestamp).toBe(marked[250]?.joinTime);
    expect(accountsOf(pages)).toEqual(marked.map((m) => m.account));
  });

  it('lists only the 30 latest for maxMembers 30 (editions below Pro)', () => {
    const snapshot = distinctCrowd(100);
    const page = selectMemberPage(snapshot, { timestamp: 0, pageSize: 500, maxMembers: 30 });
    expect(page.members.map((body) => body.Member_Account)).toEqual(
      snapshot.slice(0, 30).map((m) => m.account),
    );
    expect(page.nextTimestamp).toBe(0);
  });

  it.each([
    { name: 'older than everyone', timestamp: 1, want: { size: 0, next: 0 } },
    { name: 'the last member', timestamp: 101, want: { size: 1, next: 0 } },
    { name: 'the middle', timestamp: 150, want: { size: 2, next: 130 } },
    { name: 'newer than everyone: from the top', timestamp: 10_000, want: { size: 2, next: 150 } },
  ])('starts a page at Timestamp $timestamp ($name)', ({ timestamp, want }) => {
    const snapshot = crowdAt([200, 180, 150, 140, 130, 101]);
    const page = selectMemberPage(snapshot, { timestamp, pageSize: 2, maxMembers: 1000 });
    expect({ size: page.members.length, next: page.nextTimestamp }).toEqual(want);
    for (const body of page.members) expect(body.JoinTime).toBeLessThanOrEqual(timestamp);
  });

  it('answers an empty group with an empty last page', () => {
    expect(selectMemberPage([], { timestamp: 0, pageSize: 500, maxMembers: 1000 })).toEqual({
      members: [],
      nextTimestamp: 0,
    });
    expect(selectMemberPage([], { timestamp: 123, pageSize: 500, maxMembers: 1000 })).toEqual({
      members: [],
      nextTimestamp: 0,
    });
  });
});
