// The listing checks can fail: a wrong listing, built by hand or made by a
// fetch that corrupts the server's pages, is reported. Without this, a checker
// that always answered "fine" would pass the churn and property tests.
import type { OnlineMember } from '@avchatroom/client';
import { describe, expect, it } from 'vitest';
import type { ChurnStep } from './support/churn-driver.js';
import { startChurnRoom } from './support/churn-room.js';
import { type ListingTruth, listingProblems } from './support/listing-checks.js';
import { rewritePages } from './support/rewrite-pages.js';
import { listWith } from './support/run-listing.js';
import { seedJoinTime } from './support/sentinel-app.js';

const member = (account: string, JoinTime: number): OnlineMember => ({
  Member_Account: account,
  JoinTime,
});

// Three members online all along (b carries mark 1000), c left midway.
const truth: ListingTruth = {
  wholeListing: new Map([
    ['a', []],
    ['b', [1000]],
  ]),
  everOnline: new Map([
    ['a', { marks: [], joinTimes: new Set([30]) }],
    ['b', { marks: [1000], joinTimes: new Set([20]) }],
    ['c', { marks: [], joinTimes: new Set([10]) }],
  ]),
  largestTie: 1,
};
const right = [member('a', 30), member('b', 20), member('c', 10)];

describe('listingProblems', () => {
  it('accepts a right listing, with or without a member who left midway', () => {
    expect(listingProblems({ listed: right, truth, mark: 0, pageSize: 2, pages: 2 })).toEqual([]);
    expect(
      listingProblems({ listed: right.slice(0, 2), truth, mark: 0, pageSize: 2, pages: 1 }),
    ).toEqual([]);
    expect(
      listingProblems({ listed: [member('b', 20)], truth, mark: 1000, pageSize: 2, pages: 1 }),
    ).toEqual([]);
  });

  it.for([
    {
      name: 'a duplicate',
      listed: [...right, member('a', 30)],
      mark: 0,
      pages: 2,
      problem: 'a is listed twice',
    },
    {
      name: 'a missing member',
      listed: [member('b', 20)],
      mark: 0,
      pages: 1,
      problem: 'a was online for the whole listing but is missing',
    },
    {
      name: 'a phantom',
      listed: [...right, member('ghost', 5)],
      mark: 0,
      pages: 2,
      problem: 'ghost was never online during the listing',
    },
    {
      name: 'a wrong join time',
      listed: [member('a', 31), member('b', 20)],
      mark: 0,
      pages: 1,
      problem: 'a is listed with JoinTime 31, never its join time',
    },
    {
      name: 'an unmarked member under a Mark filter',
      listed: [member('a', 30), member('b', 20)],
      mark: 1000,
      pages: 1,
      problem: 'a does not carry mark 1000',
    },
    {
      name: 'too few pages',
      listed: right,
      mark: 0,
      pages: 1,
      problem: '1 pages cannot hold 3 members (at least 2)',
    },
  ])('reports $name', ({ listed, mark, pages, problem }) => {
    expect(listingProblems({ listed, truth, mark, pageSize: 2, pages })).toEqual([problem]);
  });
});

describe.concurrent('a corrupted listing against the emulator', () => {
  const members = Array.from({ length: 40 }, (_, index) => ({
    account: `member${index + 1}`,
    joinTime: seedJoinTime - index,
    marks: [],
  }));
  const quietSchedule: ChurnStep[] = [];

  it('a page with one member dropped: that member is reported missing', async ({ expect }) => {
    const room = await startChurnRoom({
      members,
      pageSize: 7,
      schedule: quietSchedule,
      wrapFetch: rewritePages((page, index) => (index === 1 ? page.slice(1) : page)),
    });
    try {
      const result = await listWith(room.client, room.app.groupId, 'listMembers', 0);
      const problems = listingProblems({
        listed: result.members,
        truth: room.driver.truth(),
        mark: 0,
        pageSize: 7,
        pages: result.pages,
      });
      // Page 2 starts with the 8th newest member.
      expect(problems).toEqual(['member8 was online for the whole listing but is missing']);
    } finally {
      await room.emulator.stop();
    }
  });

  it('a page with a made-up member: reported as never online', async ({ expect }) => {
    const room = await startChurnRoom({
      members,
      pageSize: 7,
      schedule: quietSchedule,
      wrapFetch: rewritePages((page, index) =>
        index === 2 ? [...page, member('intruder', seedJoinTime)] : page,
      ),
    });
    try {
      const result = await listWith(room.client, room.app.groupId, 'pages', 0);
      const problems = listingProblems({
        listed: result.members,
        truth: room.driver.truth(),
        mark: 0,
        pageSize: 7,
        pages: result.pages,
      });
      expect(problems).toEqual(['intruder was never online during the listing']);
    } finally {
      await room.emulator.stop();
    }
  });

  it('a page served twice: the client drops the repeats (client README, "Pagination")', async ({
    expect,
  }) => {
    let firstPage: OnlineMember[] = [];
    const room = await startChurnRoom({
      members,
      pageSize: 7,
      schedule: quietSchedule,
      wrapFetch: rewritePages((page, index) => {
        if (index === 0) firstPage = page;
        return index === 1 ? [...firstPage, ...page] : page;
      }),
    });
    try {
      const pages = [];
      for await (const page of room.client.members(room.app.groupId).pages()) pages.push(page);
      expect(pages[1]?.duplicatesDropped).toBe(firstPage.length);
      const listed = pages.flatMap((page) => page.members);
      const problems = listingProblems({
        listed,
        truth: room.driver.truth(),
        mark: 0,
        pageSize: 7,
        pages: pages.length,
      });
      expect(problems).toEqual([]);
      // The same listing with the repeats kept is caught.
      const withRepeats = [...listed, ...firstPage];
      expect(
        listingProblems({ listed: withRepeats, truth: room.driver.truth(), mark: 0, pageSize: 7 }),
      ).toHaveLength(firstPage.length);
    } finally {
      await room.emulator.stop();
    }
  });
});
