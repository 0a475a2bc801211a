// A whole listing at once (an operation's collect method, e.g. listMembers):
// concurrent calls with the same parameters share one chain of requests. Each
// caller's signal releases only that caller; the chain stops once every caller
// has gone.
import type { ChatOperationId } from '../generated/operations.gen.js';
import { type OperationCall, operationEntry } from '../operation-call.js';
import { checkListing, type ListingArguments } from './listing-arguments.js';
import { paginate } from './paginate.js';

type Listing = Record<string, unknown> & { pages: number; truncated: boolean; fetchedAt: Date };

const collect = async (
  call: OperationCall,
  operation: ChatOperationId,
  listing: ListingArguments,
): Promise<Listing> => {
  const pagination = operationEntry(operation).pagination;
  const itemsName = pagination?.itemsName ?? '';
  const items: unknown[] = [];
  let pages = 0;
  for await (const page of paginate(call, operation, listing)) {
    items.push(...(page[itemsName] as unknown[]));
    pages = page.pageNumber;
  }
  // At the documented cap, or at a total the API uses as a quieter cap (30
  // below the Pro edition, with ErrorCode 0), the list may be cut short; a
  // group with exactly that many is reported as truncated too.
  const maxItems = pagination?.maxItems ?? null;
  const truncated =
    (maxItems !== null && items.length >= maxItems) ||
    (pagination?.truncatedAtCounts ?? []).includes(items.length);
  return { [itemsName]: items, pages, truncated, fetchedAt: new Date() } as Listing;
};

interface SharedListing {
  promise: Promise<Listing>;
  /** Aborts the chain and forgets it at once, so a later caller starts a new one. */
  stopAndForget: (reason: unknown) => void;
  /** Callers still waiting that could abort; the chain stops when all of them have. */
  abortableWaiters: number;
  /** Whether a caller without a signal waits on it: then it never stops early. */
  pinned: boolean;
}

export const createCollectListing = (call: OperationCall, operation: ChatOperationId) => {
  const itemsName = operationEntry(operation).pagination?.itemsName ?? '';
  const inFlight = new Map<string, SharedListing>();

  const start = (key: string, listing: ListingArguments) => {
    const stop = new AbortController();
    const forget = () => {
      if (inFlight.get(key) === shared) inFlight.delete(key);
    };
    const shared: SharedListing = {
      promise: collect(call, operation, {
        params: listing.params,
        options: { ...listing.options, signal: stop.signal },
      }).finally(forget),
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

  const follow = (shared: SharedListing, signal: AbortSignal | undefined): Promise<Listing> => {
    // Each caller gets its own copy of the list.
    const copy = (listing: Listing) => ({
      ...listing,
      [itemsName]: [...(listing[itemsName] as unknown[])],
    });
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

  return async (first: unknown, second?: unknown): Promise<Listing> => {
    const { params, options } = checkListing(operation, first, second);
    const { signal, ...chainOptions } = options;
    // Already aborted: start nothing. Starting a chain only to stop it at once
    // left its promise rejected with no one listening (an unhandled rejection).
    signal?.throwIfAborted();
    const names = Object.keys(params)
      .filter((name) => params[name] !== undefined)
      .sort();
    const key = JSON.stringify([names.map((name) => params[name]), names, chainOptions.maxPages]);
    const shared = inFlight.get(key) ?? start(key, { params, options: chainOptions });
    return follow(shared, signal);
  };
};
