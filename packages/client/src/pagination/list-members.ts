import { getMembersLimits } from '../generated/limits.gen.js';
import type { OnlineMember } from '../generated/types.gen.js';
import {
  checkListing,
  type FetchPage,
  type MembersListingOptions,
  paginateMembers,
} from './paginate-members.js';

/** Every online member of a group, from one walk of the cursor chain. */
export interface MembersListing {
  members: OnlineMember[];
  /** How many pages (calls) it took. */
  pages: number;
  /**
   * True when the list may be cut short by the API: it reached the 1,000 latest
   * members (x-limits.maxMembers), or exactly 30 came back with no further page,
   * the cap for editions below Pro (x-limits.nonProEditionMaxMembers), which the
   * API applies with ErrorCode 0. A group with exactly 30 members online is
   * reported as truncated too: the response cannot tell them apart.
   */
  truncated: boolean;
  /** When the last page arrived. The server's snapshot can be up to 40 s older. */
  fetchedAt: Date;
}

const collectMembers = async (
  fetchPage: FetchPage,
  groupId: string,
  options: MembersListingOptions,
): Promise<MembersListing> => {
  const members: OnlineMember[] = [];
  let pages = 0;
  for await (const page of paginateMembers(fetchPage, groupId, options)) {
    members.push(...page.members);
    pages = page.pageNumber;
  }
  const truncated =
    members.length >= getMembersLimits.maxMembers ||
    members.length === getMembersLimits.nonProEditionMaxMembers;
  return { members, pages, truncated, fetchedAt: new Date() };
};

interface SharedListing {
  promise: Promise<MembersListing>;
  /** Aborts the chain and forgets it at once, so a later caller starts a new one. */
  stopAndForget: (reason: unknown) => void;
  /** Callers still waiting that could abort; the chain stops when all of them have. */
  abortableWaiters: number;
  /** Whether a caller without a signal waits on it: then it never stops early. */
  pinned: boolean;
}

/**
 * listMembers with concurrent calls for the same group, mark and page bound
 * sharing one chain of requests. Each caller's signal releases only that
 * caller; the chain stops once every caller has gone.
 */
export const createListMembers = (fetchPage: FetchPage) => {
  const inFlight = new Map<string, SharedListing>();

  const start = (key: string, groupId: string, options: MembersListingOptions) => {
    const stop = new AbortController();
    const forget = () => {
      if (inFlight.get(key) === shared) inFlight.delete(key);
    };
    const shared: SharedListing = {
      promise: collectMembers(fetchPage, groupId, { ...options, signal: stop.signal }).finally(
        forget,
      ),
      stopAndForget: (reason) => {
        forget();
        stop.abort(reason);
      },
      abortableWaiters: 0,
      pinned: false,
    };
    inFlight.set(key, shared);
    return shared;
  };

  const follow = (
    shared: SharedListing,
    signal: AbortSignal | undefined,
  ): Promise<MembersListing> => {
    const copy = (listing: MembersListing) => ({ ...listing, members: [...listing.members] });
    if (signal === undefined) {
      shared.pinned = true;
      return shared.promise.then(copy);
    }
    shared.abortableWaiters += 1;
    return new Promise((resolve, reject) => {
      const leave = () => {
        shared.abortableWaiters -= 1;
        if (shared.abortableWaiters === 0 && !shared.pinned) shared.stopAndForget(signal.reason);
        reject(signal.reason);
      };
      if (signal.aborted) return leave();
      signal.addEventListener('abort', leave, { once: true });
      shared.promise
        .then(
          (listing) => resolve(copy(listing)),
          (error: unknown) => reject(error),
        )
        .finally(() => signal.removeEventListener('abort', leave));
    });
  };

  return async (groupId: string, options?: MembersListingOptions): Promise<MembersListing> => {
    const { signal, ...chainOptions } = checkListing(groupId, options);
    // Already aborted: start nothing. Starting a chain only to stop it at once
    // left its promise rejected with no one listening (an unhandled rejection).
    signal?.throwIfAborted();
    const key = JSON.stringify([groupId, chainOptions.mark, chainOptions.maxPages]);
    const shared = inFlight.get(key) ?? start(key, groupId, chainOptions);
    return follow(shared, signal);
  };
};
