import { ok } from './scripted-fetch.js';

/** One page of a listing: its members' accounts and its NextTimestamp. */
export interface SpyPage {
  accounts: string[];
  next: number;
}

/**
 * A `fetch` spy for tests that must prove nothing was sent: it counts each call
 * before anything else (so a request it cannot read still counts), records each
 * JSON body, and answers `pages` in order, the last one repeating.
 */
export const countingFetch = (pages: SpyPage[] = [{ accounts: [], next: 0 }]) => {
  const bodies: unknown[] = [];
  let calls = 0;
  const fetch: typeof globalThis.fetch = async (input, init) => {
    calls += 1;
    const page = pages[Math.min(calls, pages.length) - 1];
    bodies.push(await new Request(input, init).json());
    const members = (page?.accounts ?? []).map((account) => ({ Member_Account: account }));
    return Response.json(ok(members, page?.next ?? 0));
  };
  return { fetch, bodies, calls: () => calls };
};
