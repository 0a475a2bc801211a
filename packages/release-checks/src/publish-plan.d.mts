// Types of publish-plan.mjs (plain JavaScript, so `pnpm release` runs without a build).
export declare const registryVariable: 'AVCHATROOM_REGISTRY';

export declare const preReleaseTag: (root: string) => string | undefined;

export interface PublishPlan {
  registry: string | undefined;
  provenance: boolean;
  tag: string | undefined;
  skipChecks: boolean;
  publishArgs: string[];
}

export declare const publishPlan: (input: {
  argv: string[];
  env: Record<string, string | undefined>;
  root: string;
}) => PublishPlan;
