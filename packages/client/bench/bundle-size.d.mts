// Types of bundle-size.mjs, for the TypeScript test that enforces the budget.

export interface BundleEntry {
  name: string;
  /** The source of a tiny app that imports one export. */
  entry: string;
}

export interface BundleInput {
  /** Relative to the package directory, such as `dist/index.mjs`. */
  path: string;
  bytesInOutput: number;
}

export interface BundleMeasure {
  minBytes: number;
  gzipBytes: number;
  inputs: BundleInput[];
}

export declare const bundleEntries: BundleEntry[];
export declare const bundleSettings: {
  platform: string;
  mainFields: string[];
  conditions: string[];
};
export declare const measureBundle: (entry: string) => Promise<BundleMeasure>;
