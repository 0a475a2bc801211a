// The size budgets of the client, in one place: the bench prints them beside
// the measured sizes, and test/bundle-size/bundle-budget.test.ts fails `pnpm
// test` when a bundle grows past one. They are the member-family issue's
// targets: an app importing one operation (the hey-api SDK function of
// getMembers, with its Zod Mini schemas) within 12 kB gzipped, and an app
// importing the whole client (createChatClient: every operation, its
// validators, pagination and policies) within 20 kB.

export const bundleBudgets = [
  { entryName: 'createChatClient', maxGzipBytes: 20_000 },
  { entryName: 'getMembers (hey-api SDK)', maxGzipBytes: 12_000 },
];
