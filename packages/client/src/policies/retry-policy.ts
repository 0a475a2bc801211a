import type { ChatRetryClass } from '../generated/error-codes.gen.js';

/**
 * The retry defaults, in one place. The server gives up after 3 s (the spec's
 * x-limits.serverTimeoutSeconds), so a 10 s attempt timeout only fires when the
 * network, not the server, is stuck.
 */
export const retryDefaults = {
  maxRetries: 2,
  /** First back-off; it doubles on each retry. */
  baseDelayMs: 500,
  /** Back-offs never grow past this. */
  maxDelayMs: 8_000,
  /**
   * First back-off after a rate-limit answer (the spec's `backOff` class). The
   * 200 calls/s quota is counted per second, so waiting less than that is wasted.
   */
  rateLimitedBaseDelayMs: 1_000,
  timeoutMs: 10_000,
} as const;

/** The longest timer setTimeout keeps (2^31 - 1 ms, about 24.8 days); longer ones fire at once. */
export const maxTimeoutMs = 2_147_483_647;

/** Whether a value is usable as an attempt timeout. */
export const isValidTimeoutMs = (value: unknown): value is number =>
  Number.isSafeInteger(value) && (value as number) > 0 && (value as number) <= maxTimeoutMs;

/** Why an attempt failed, as far as retrying is concerned (send-attempt.ts). */
export type AttemptFailure =
  | { kind: 'timeout' | 'connection' }
  /** The body was not JSON: most often cut short, so a new attempt usually gets a whole one. */
  | { kind: 'notJson' }
  /** Not an object, or not the spec's schema: the same server sends the same again. */
  | { kind: 'invalid' }
  /** Over maxResponseBytes: the same server would send the same body again. */
  | { kind: 'tooLarge' }
  /** Not HTTP 200: a gateway's answer (the API answers everything with 200). */
  | { kind: 'http'; status: number }
  /** An ErrorCode other than 0: the spec's retry class for it. */
  | { kind: 'api'; retry: ChatRetryClass };

/** The retry class of every failure, in one place. */
export const retryClassOf = (failure: AttemptFailure): ChatRetryClass => {
  switch (failure.kind) {
    case 'timeout':
    case 'connection':
    case 'notJson':
      return 'transient';
    case 'invalid':
    case 'tooLarge':
      return 'never';
    case 'http':
      return failure.status === 429 ? 'backOff' : failure.status >= 500 ? 'transient' : 'never';
    case 'api':
      return failure.retry;
  }
};

/** A failure on the way to the API (no API answer): the region's other domain may get through. */
export const isNetworkFailure = (failure: AttemptFailure): boolean =>
  failure.kind === 'timeout' ||
  failure.kind === 'connection' ||
  (failure.kind === 'http' && failure.status >= 500);

/** What a failed attempt allows. `renewUserSig` is handled by the caller, once. */
export interface RetryInput {
  retryClass: ChatRetryClass;
  /** The documented wait, if any (e.g. 60 s for 70050). */
  retryAfterSeconds?: number | undefined;
  /** 0 for the first retry. */
  retryIndex: number;
  maxRetries: number;
}

/**
 * The wait before the next attempt, or undefined when the failure must not be
 * retried. Back-off doubles from the base up to the cap, with "equal jitter"
 * (half fixed, half random) so clients that failed together spread out while
 * each still waits at least half the back-off.
 */
export const retryDelayMs = (
  input: RetryInput,
  random: () => number = Math.random,
): number | undefined => {
  const { retryClass, retryAfterSeconds, retryIndex, maxRetries } = input;
  if (retryIndex >= maxRetries) return undefined;
  if (retryClass !== 'transient' && retryClass !== 'backOff') return undefined;
  if (retryAfterSeconds !== undefined) {
    // A documented wait longer than the cap (70050: 1 minute) is left to the
    // caller, who sees it on the error as retryAfterSeconds.
    const documentedMs = retryAfterSeconds * 1000;
    return documentedMs <= retryDefaults.maxDelayMs ? documentedMs : undefined;
  }
  const base =
    retryClass === 'backOff' ? retryDefaults.rateLimitedBaseDelayMs : retryDefaults.baseDelayMs;
  const backOff = Math.min(base * 2 ** retryIndex, retryDefaults.maxDelayMs);
  return backOff / 2 + random() * (backOff / 2);
};
