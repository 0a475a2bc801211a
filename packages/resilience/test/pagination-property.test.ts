// Requirement (property form): for random rooms (0 to 600 members, many sharing
// a join second, random marks), page sizes, Mark filters, churn schedules and up
// to two faults, a listing never holds a duplicate, never misses a member online
// for the whole listing, never lists someone who was not online, and absorbs
// every fault with the default retries. fast-check prints the seed on failure.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkListingRun, emptyTotals, listingRunArbitrary } from './support/listing-property.js';
import { rewritePages } from './support/rewrite-pages.js';

const numRuns = 30;

describe('pagination under churn and faults, as a property', () => {
  it(`holds for ${numRuns} random rooms, schedules and faults`, async () => {
    const totals = emptyTotals();
    await fc.assert(
      fc.asyncProperty(listingRunArbitrary, (run) => checkListingRun(run, totals)),
      { numRuns },
    );
    console.log(
      `pagination property: ${totals.runs} runs, ${totals.requests} requests, ${totals.faults} faults absorbed, ${totals.joins} joins, ${totals.leaves} leaves, ${totals.rejoins} re-joins, ${totals.listed} members listed`,
    );
    expect(totals.runs).toBe(numRuns);
    // The generators do produce churn and faults.
    expect(totals.faults).toBeGreaterThan(0);
    expect(totals.joins + totals.leaves + totals.rejoins).toBeGreaterThan(0);
  });

  it('fails when a fetch drops the last member of every page', async () => {
    const totals = emptyTotals();
    const dropLast = rewritePages((page) => page.slice(0, -1));
    const result = await fc.check(
      fc.asyncProperty(listingRunArbitrary, (run) => checkListingRun(run, totals, dropLast)),
      { numRuns: 10, seed: 1, endOnFailure: true },
    );
    expect(result.failed).toBe(true);
    expect(String(result.errorInstance)).toMatch(/was online for the whole listing but is missing/);
  });
});
