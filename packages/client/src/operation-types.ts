// The shapes every generated listing method shares (see generated/operation-layer.gen.ts).

/** Options of a whole listing (an operation's iterate and collect methods). */
export interface ChatListingOptions {
  /** Stops the listing; a pending call or back-off rejects with the signal's reason. */
  signal?: AbortSignal;
  /**
   * Pages after which the listing stops with a ChatPaginationError, a guard
   * against a server that never ends the cursor chain.
   * @default 1000 (`listingDefaults.maxPages`)
   */
  maxPages?: number;
}

/** A listing's items one by one, or page by page with `.pages()`; fetched as you go. */
export interface ChatListingIterable<Item, Page> extends AsyncIterable<Item> {
  pages(): AsyncIterable<Page>;
}

export const listingDefaults = {
  /**
   * A listing holds at most about 1,000 pages: get_members returns at most the
   * 1,000 latest members (x-limits.maxMembers), at least one a page.
   */
  maxPages: 1000,
} as const;
