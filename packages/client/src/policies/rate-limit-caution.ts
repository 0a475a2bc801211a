// After a rate-limit answer the client is more careful: the server counted more
// calls in one of its seconds than the client's window allowed (calls that
// reached it unevenly, or another client on the SDKAppID that does not share
// the store), so the window grows for a while. Kept per store and window key,
// so every client sharing a store in this process slows down together.
import {
  type RateLimitStore,
  type RateLimitWindow,
  rateLimitDefaults,
} from './rate-limit-store.js';

interface Caution {
  extraMs: number;
  sinceMs: number;
}

const cautions = new WeakMap<RateLimitStore, Map<string, Caution>>();

/** The caution left at `nowMs`: it halves every half-life since the last answer. */
const extraAt = (caution: Caution, nowMs: number): number => {
  const elapsedMs = Math.max(0, nowMs - caution.sinceMs);
  const extraMs = caution.extraMs * 0.5 ** (elapsedMs / rateLimitDefaults.cautionHalfLifeMs);
  return extraMs < 1 ? 0 : extraMs;
};

/** Records a rate-limit answer from the server for this window. */
export const noteRateLimitAnswer = (
  store: RateLimitStore,
  window: RateLimitWindow,
  nowMs: number = Date.now(),
): void => {
  let byKey = cautions.get(store);
  if (!byKey) {
    byKey = new Map();
    cautions.set(store, byKey);
  }
  const caution = byKey.get(window.key);
  const extraMs = Math.min(
    (caution ? extraAt(caution, nowMs) : 0) + rateLimitDefaults.cautionStepMs,
    rateLimitDefaults.cautionMaxMs,
  );
  byKey.set(window.key, { extraMs, sinceMs: nowMs });
};

/** The window as the client uses it now: longer by the caution left, if any. */
export const cautiousWindow = (
  store: RateLimitStore,
  window: RateLimitWindow,
  nowMs: number = Date.now(),
): RateLimitWindow => {
  const caution = cautions.get(store)?.get(window.key);
  if (!caution) return window;
  const extraMs = extraAt(caution, nowMs);
  if (extraMs === 0) {
    cautions.get(store)?.delete(window.key);
    return window;
  }
  return { ...window, windowMs: window.windowMs + extraMs };
};
