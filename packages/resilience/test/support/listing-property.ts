// The pagination-under-churn property for fast-check: a random room, page size,
// Mark filter, churn schedule and at most two faults; the listing must keep
// every promise of listingProblems, and absorb every fault with the default
// retries (client README, "Retries": maxRetries 2).
import type { FaultPlan } from '@avchatroom/emulator';
import fc from 'fast-check';
import type { ChurnStep } from './churn-driver.js';
import { churnLatencyFaultMs, roomMembers, startChurnRoom } from './churn-room.js';
import { listingProblems } from './listing-checks.js';
import { listingMethods, listWith } from './run-listing.js';

const markPool = [1000, 1001];

const roomArbitrary = fc.record({
  /** Join times spread over this many seconds: 1 puts everyone in one second. */
  joinSeconds: fc.noBias(fc.integer({ min: 1, max: 1_000 })),
  members: fc.array(fc.record({ second: fc.nat(10_000), marks: fc.subarray(markPool) }), {
    maxLength: 600,
    size: 'max',
  }),
});

const stepArbitrary = fc.record({
  joins: fc.array(fc.subarray(markPool), { maxLength: 4 }),
  leaves: fc.array(fc.nat(999), { maxLength: 4 }),
  rejoins: fc.array(fc.nat(999), { maxLength: 2 }),
  // 41 s passes the 40 s snapshot refresh; the others do not (alone).
  advanceMs: fc.constantFrom(0, 1_000, 5_000, 41_000),
});

const faultArbitrary = fc.constantFrom<FaultPlan>(
  { kind: 'html502' },
  { kind: 'drop' },
  { kind: 'truncate' },
  { kind: 'systemError' },
  { kind: 'apiError', code: 60007 },
  { kind: 'latency', ms: churnLatencyFaultMs },
);

export const listingRunArbitrary = fc.record({
  room: roomArbitrary,
  pageSize: fc.noBias(fc.integer({ min: 7, max: 60 })),
  mark: fc.constantFrom(0, ...markPool),
  method: fc.constantFrom(...listingMethods),
  steps: fc.array(stepArbitrary, { maxLength: 40, size: 'max' }),
  // At most two faults a run: even both on one call stay within two retries.
  faults: fc.uniqueArray(fc.record({ request: fc.nat(12), plan: faultArbitrary }), {
    maxLength: 2,
    selector: (fault) => fault.request,
  }),
});

export type ListingRun = typeof listingRunArbitrary extends fc.Arbitrary<infer T> ? T : never;

const scheduleOf = (run: ListingRun): ChurnStep[] => {
  const length = Math.max(run.steps.length, ...run.faults.map((fault) => fault.request + 1));
  const quiet: ChurnStep = { joins: [], leaves: [], rejoins: [], advanceMs: 0 };
  return Array.from({ length }, (_, index) => ({
    ...(run.steps[index] ?? quiet),
    fault: run.faults.find((fault) => fault.request === index)?.plan,
  }));
};

/** Totals over the runs of a property, for its summary line. */
export interface ListingTotals {
  runs: number;
  requests: number;
  faults: number;
  joins: number;
  leaves: number;
  rejoins: number;
  listed: number;
}

export const emptyTotals = (): ListingTotals => ({
  runs: 0,
  requests: 0,
  faults: 0,
  joins: 0,
  leaves: 0,
  rejoins: 0,
  listed: 0,
});

/** One run: throws an error listing every problem. */
export const checkListingRun = async (
  run: ListingRun,
  totals: ListingTotals,
  wrapFetch?: (send: typeof fetch) => typeof fetch,
): Promise<void> => {
  const { joinSeconds, members } = run.room;
  const room = await startChurnRoom({
    members: roomMembers(
      members.map(({ second, marks }) => ({ secondsBefore: second % joinSeconds, marks })),
    ),
    pageSize: run.pageSize,
    schedule: scheduleOf(run),
    ...(wrapFetch && { wrapFetch }),
  });
  try {
    const { driver, emulator, app, client } = room;
    const result = await listWith(client, app.groupId, run.method, run.mark);
    const problems = listingProblems({
      listed: result.members,
      truth: driver.truth(),
      mark: run.mark,
      pageSize: run.pageSize,
      pages: result.pages,
    });
    const pagesServed = driver.requests - driver.faults;
    if (result.pages !== undefined && result.pages !== pagesServed)
      problems.push(`${result.pages} pages reported, ${pagesServed} served`);
    if (emulator.faults.pending().length > 0) problems.push('a queued fault was never served');
    totals.runs += 1;
    totals.requests += driver.requests;
    totals.faults += driver.faults;
    totals.joins += driver.joins;
    totals.leaves += driver.leaves;
    totals.rejoins += driver.rejoins;
    totals.listed += result.members.length;
    if (problems.length > 0) throw new Error(problems.join('\n'));
  } finally {
    await room.emulator.stop();
  }
};
