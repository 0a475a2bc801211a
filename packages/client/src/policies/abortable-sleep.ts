import { maxTimeoutMs } from './retry-policy.js';

/**
 * Waits `ms`, or rejects with the signal's reason as soon as it aborts. A wait
 * longer than setTimeout keeps (a rate limit of a call a month, a store's
 * answer) is made of several timers: one that long would fire at once.
 */
export const abortableSleep = (ms: number, signal?: AbortSignal): Promise<void> => {
  if (signal?.aborted) return Promise.reject(signal.reason);
  if (!(ms > 0)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const waitFor = (remainingMs: number) => {
      timer = setTimeout(
        () => {
          if (remainingMs > maxTimeoutMs) return waitFor(remainingMs - maxTimeoutMs);
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
        Math.min(remainingMs, maxTimeoutMs),
      );
    };
    waitFor(ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
};
