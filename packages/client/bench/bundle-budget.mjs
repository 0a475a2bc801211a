// The size budget of the client, in one place: the bench prints it beside the
// measured size, and test/bundle-size/bundle-budget.test.ts fails `pnpm test`
// when the bundle grows past it. It is the runtime issue's target for an app
// that imports only createChatClient (minified, zod and openapi-fetch included).

export const bundleBudget = {
  /** The `name` of the entry in bundle-size.mjs's bundleEntries that the budget applies to. */
  entryName: 'createChatClient',
  /** Bytes after minification and gzip level 9 (1 kB = 1000 bytes). */
  maxGzipBytes: 12_000,
};
