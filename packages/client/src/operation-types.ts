// The shapes every generated listing method shares (see generated/operation-layer.gen.ts).

/** Options of a whole listing (an operation's iterate and collect methods). */
export interface ChatListingOptions {
  /** Stops the listing; a pending call or back-off rejects with the signal's reason. */
  signal?: AbortSignal;
  /**
   * Pages after which the listing stops with a ChatPaginationError, a guard
   * against a server that never ends the cursor chain.
   * @default the operation's documented cap on a listing (x-pagination.maxItems, 1,000 for getMembers: a page holds at least one item), else `listingDefaults.maxPages` (1,000)
   */
  maxPages?: number;
}

/** A listing's items one by one, or page by page with `.pages()`; fetched as you go. */
export interface ChatListingIterable<Item, Page> extends AsyncIterable<Item> {
  pages(): AsyncIterable<Page>;
}

export const listingDefaults = {
  /**
   * The page guard of a listing whose operation documents no cap on its items
   * (a paged operation that does, such as getMembers, uses that cap). Our
   * choice: far more pages than any such listing was seen to need.
   */
  maxPages: 1000,
} as const;
