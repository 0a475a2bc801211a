// Types of bundle-budget.mjs, for the TypeScript test that enforces the budgets.

export declare const bundleBudgets: {
  /** The `name` of an entry in bundle-size.mjs's bundleEntries. */
  entryName: string;
  /** Bytes after minification and gzip level 9 (1 kB = 1000 bytes). */
  maxGzipBytes: number;
}[];
