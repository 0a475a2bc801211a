// Types of bundle-budget.mjs, for the TypeScript test that enforces the budget.

export declare const bundleBudget: {
  entryName: string;
  maxGzipBytes: number;
};
