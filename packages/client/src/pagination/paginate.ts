// One paginator for every paged operation, driven by its x-pagination entry:
// the cursor starts at the stop value, each answer's next cursor is sent back
// until it is the stop value again. It never assumes a page size and drops
// items already listed (by the item key), because the server's snapshot can
// shift between two calls. The next page is fetched only when asked for, so
// stopping early sends nothing more.
import { ChatPaginationError } from '../errors/chat-errors.js';
import type { ChatOperationId } from '../generated/operations.gen.js';
import { type OperationCall, operationEntry } from '../operation-call.js';
import { listingDefaults } from '../operation-types.js';
import { checkListing, type ListingArguments } from './listing-arguments.js';

/** A page as every listing yields it, under the operation's own names (`members`, `nextTimestamp`). */
export type ListingPage = Record<string, unknown> & { pageNumber: number; requestId: number };

export async function* paginate(
  call: OperationCall,
  operation: ChatOperationId,
  { params, options }: ListingArguments,
): AsyncGenerator<ListingPage, void, undefined> {
  const pagination = operationEntry(operation).pagination;
  if (!pagination) throw new TypeError(`${operation} is not a paged operation`);
  const { cursorParam, nextCursorName, itemsName, itemKey, stopValue } = pagination;
  // A page holds at least one item, so a documented cap on the items caps the pages.
  const { signal, maxPages = pagination.maxItems ?? listingDefaults.maxPages } = options;
  const seen = new Set<unknown>();
  const cursors = new Set<unknown>([stopValue]);
  let cursor = stopValue;
  for (let pageNumber = 1; ; pageNumber += 1) {
    const page = await call({ ...params, [cursorParam]: cursor, signal });
    const items = page[itemsName] as Record<string, unknown>[];
    const fresh = items.filter((item) => !seen.has(item[itemKey]) && seen.add(item[itemKey]));
    const next = page[nextCursorName];
    const requestId = page.requestId as number;
    yield {
      pageNumber,
      [itemsName]: fresh,
      duplicatesDropped: items.length - fresh.length,
      [nextCursorName]: next,
      requestId,
    };
    if (next === stopValue) return;
    const context = { operation, requestId, attempts: 0 };
    if (cursors.has(next)) {
      throw new ChatPaginationError(
        'cursor-repeated',
        `the server sent cursor ${String(next)} twice`,
        pageNumber,
        context,
      );
    }
    if (pageNumber >= maxPages) {
      throw new ChatPaginationError(
        'too-many-pages',
        `more than maxPages (${maxPages}) pages`,
        pageNumber,
        context,
      );
    }
    cursors.add(next);
    cursor = next;
  }
}

/**
 * The items one by one, or the pages with `.pages()`. Never throws itself:
 * bad arguments reject the first `next()`.
 */
export const iterateListing = (
  call: OperationCall,
  operation: ChatOperationId,
  first: unknown,
  second: unknown,
) => {
  const { itemsName } = operationEntry(operation).pagination ?? { itemsName: '' };
  async function* pages() {
    yield* paginate(call, operation, checkListing(operation, first, second));
  }
  return {
    pages,
    async *[Symbol.asyncIterator]() {
      for await (const page of pages()) yield* page[itemsName] as unknown[];
    },
  };
};
