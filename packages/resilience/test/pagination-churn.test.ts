// Requirement: members join and leave between pages and faults hit random
// pages; the result never contains a duplicate account, and every member that
// was online for the whole listing is in it (checked against the emulator's
// ground truth). Fixed rooms and schedules; the property test varies them.
import type { FaultPlan } from '@avchatroom/emulator';
import { describe, it } from 'vitest';
import type { ChurnStep } from './support/churn-driver.js';
import {
  churnLatencyFaultMs,
  type MemberTraits,
  roomMembers,
  startChurnRoom,
} from './support/churn-room.js';
import { listingProblems } from './support/listing-checks.js';
import { type ListingMethod, listWith } from './support/run-listing.js';
import { type Random, randomIndex, seededRandom } from './support/seeded-random.js';

const refreshingAdvanceMs = 41_000;

interface ChurnScenario {
  name: string;
  memberCount: number;
  /** Join times spread over this many seconds: fewer seconds, more ties. */
  joinSeconds: number;
  /** Share of members carrying mark 1000. */
  markedShare: number;
  pageSize: number;
  mark: number;
  method: ListingMethod;
  /** Per request: joins, leaves, re-joins, and the clock's move. */
  perRequest: {
    joins: number;
    leaves: number;
    rejoins: number;
    advanceMs: (index: number) => number;
  };
  /** Faults by request number (0 for the first request). */
  faults: Record<number, FaultPlan>;
}

const scenarios: ChurnScenario[] = [
  {
    name: '900 members over 300 s, pages of 7, listMembers, a refresh every third request',
    memberCount: 900,
    joinSeconds: 300,
    markedShare: 0,
    pageSize: 7,
    mark: 0,
    method: 'listMembers',
    perRequest: {
      joins: 1,
      leaves: 1,
      rejoins: 1,
      advanceMs: (index) => (index % 3 === 2 ? refreshingAdvanceMs : 1_000),
    },
    faults: { 2: { kind: 'html502' }, 9: { kind: 'truncate' } },
  },
  {
    name: '500 members in 12 join seconds (heavy ties), pages of 13, Mark 1000, members()',
    memberCount: 500,
    joinSeconds: 12,
    markedShare: 0.4,
    pageSize: 13,
    mark: 1000,
    method: 'members',
    perRequest: { joins: 2, leaves: 2, rejoins: 1, advanceMs: () => 10_000 },
    faults: { 1: { kind: 'drop' }, 4: { kind: 'systemError' } },
  },
  {
    name: '300 members with distinct join times, pages of 60, pages(), a refresh before every request',
    memberCount: 300,
    joinSeconds: 100_000,
    markedShare: 0.2,
    pageSize: 60,
    mark: 0,
    method: 'pages',
    perRequest: { joins: 3, leaves: 2, rejoins: 1, advanceMs: () => refreshingAdvanceMs },
    faults: {
      0: { kind: 'apiError', code: 60007 },
      3: { kind: 'latency', ms: churnLatencyFaultMs },
    },
  },
];

const traitsFor = (scenario: ChurnScenario, random: Random): MemberTraits[] =>
  Array.from({ length: scenario.memberCount }, (_, index) => ({
    // Distinct join times when the range allows, else random seconds (ties).
    secondsBefore:
      scenario.joinSeconds >= scenario.memberCount * 10
        ? index * 7
        : randomIndex(random, scenario.joinSeconds),
    marks: random() < scenario.markedShare ? [1000] : [],
  }));

const scheduleFor = (scenario: ChurnScenario, random: Random): ChurnStep[] => {
  const { joins, leaves, rejoins, advanceMs } = scenario.perRequest;
  const picks = (count: number) => Array.from({ length: count }, () => randomIndex(random, 1000));
  // Longer than any listing here: the last steps simply go unused.
  return Array.from({ length: 400 }, (_, index) => ({
    joins: Array.from({ length: joins }, () => (random() < scenario.markedShare ? [1000] : [])),
    leaves: picks(leaves),
    rejoins: picks(rejoins),
    advanceMs: advanceMs(index),
    fault: scenario.faults[index],
  }));
};

describe.concurrent('pagination under churn and faults', () => {
  it.for(scenarios)('$name', async (scenario, { expect }) => {
    const random = seededRandom(scenario.memberCount + scenario.pageSize);
    const room = await startChurnRoom({
      members: roomMembers(traitsFor(scenario, random)),
      pageSize: scenario.pageSize,
      schedule: scheduleFor(scenario, random),
    });
    try {
      const { driver, emulator, app, client } = room;
      const result = await listWith(client, app.groupId, scenario.method, scenario.mark);
      const truth = driver.truth();
      expect(
        listingProblems({
          listed: result.members,
          truth,
          mark: scenario.mark,
          pageSize: scenario.pageSize,
          pages: result.pages,
        }),
      ).toEqual([]);
      // Every fault was served and absorbed; every other request is one page.
      expect(driver.faults).toBe(Object.keys(scenario.faults).length);
      expect(emulator.faults.pending()).toEqual([]);
      if (result.pages !== undefined) expect(result.pages).toBe(driver.requests - driver.faults);
      // The schedule really churned while the listing ran.
      expect(driver.joins).toBeGreaterThan(0);
      expect(driver.leaves).toBeGreaterThan(0);
      expect(driver.rejoins).toBeGreaterThan(0);
      expect(driver.advancedMs).toBeGreaterThanOrEqual(refreshingAdvanceMs);
      if (scenario.joinSeconds < scenario.memberCount) expect(truth.largestTie).toBeGreaterThan(1);
      // Enough pages that churn falls between them.
      expect(driver.requests).toBeGreaterThan(5);
      expect(result.members.length).toBeGreaterThan(0);
    } finally {
      await room.emulator.stop();
    }
  });
});
