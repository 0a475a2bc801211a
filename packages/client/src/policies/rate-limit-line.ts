// A call waits for the place its store reserved for it: one question to the
// store per call, then one sleep until the place. Nobody polls, so 2,000
// waiting calls cost 2,000 timers that each fire once, and the store's order
// (the order callers asked) is the order they leave.
import { abortableSleep } from './abortable-sleep.js';
import type { RateLimitStore, RateLimitWindow } from './rate-limit-store.js';

/** The store's answer, or the signal's reason as soon as it aborts. */
const answerOrAbort = (
  answer: Promise<number>,
  signal: AbortSignal | undefined,
): Promise<number> => {
  if (!signal) return answer;
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    answer.then(
      (waitMs) => {
        signal.removeEventListener('abort', onAbort);
        resolve(waitMs);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
};

/**
 * Reserves a place in the window and sleeps until it. Rejects with the
 * signal's reason if it aborts (the place stays taken: a store never hands a
 * place out twice), and with the store's error if the store fails.
 */
export const waitForPlace = async (
  store: RateLimitStore,
  window: RateLimitWindow,
  signal: AbortSignal | undefined,
): Promise<void> => {
  signal?.throwIfAborted();
  const answer = store.reservePlace(window, Date.now());
  // The memory store answers synchronously: no promise to wait for.
  const waitMs = typeof answer === 'number' ? answer : await answerOrAbort(answer, signal);
  // Anything but a positive wait (0, or NaN from a broken store) means go.
  if (!(waitMs > 0)) return;
  // Whole milliseconds, rounded up: timers keep no fractions, and a call must
  // never leave before its place.
  await abortableSleep(Math.ceil(waitMs), signal);
};
