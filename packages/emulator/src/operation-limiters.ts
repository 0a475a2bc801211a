import { type CallRateLimiter, createCallRateLimiter } from './call-rate-limiter.js';
import type { SpecOperation } from './spec-facts.js';

/** Each operation's call-frequency limit, per SDKAppID (the spec's x-limits). */
export interface OperationLimiters {
  /** Counts the call and returns undefined, or returns the limit it is over. */
  tryCall: (operationId: string, sdkAppId: number, nowMs: number) => number | undefined;
  /** The most calls of one operation served for one SDKAppID in any 1 s window. */
  busiestWindow: () => number;
  reset: () => void;
}

/**
 * One sliding-window limiter per operation: `override` (a number, or false for
 * none) replaces every operation's own limit; an operation whose spec names no
 * limit has none.
 */
export const createOperationLimiters = (
  operations: readonly SpecOperation[],
  override: number | false | undefined,
): OperationLimiters => {
  const limiters = new Map<string, { limit: number | false; limiter: CallRateLimiter }>(
    operations.map((operation) => {
      const limit = override === undefined ? (operation.callsPerSecond ?? false) : override;
      return [operation.operationId, { limit, limiter: createCallRateLimiter(limit) }];
    }),
  );
  const all = () => [...limiters.values()];
  return {
    tryCall: (operationId, sdkAppId, nowMs) => {
      const entry = limiters.get(operationId);
      if (!entry || entry.limiter.tryCall(sdkAppId, nowMs)) return undefined;
      return entry.limit as number;
    },
    busiestWindow: () => Math.max(0, ...all().map(({ limiter }) => limiter.busiestWindow())),
    reset: () => {
      for (const { limiter } of all()) limiter.reset();
    },
  };
};
