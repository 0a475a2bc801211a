// A call waits for the place its store reserved for it: one question to the
// store per call, then one sleep until the place. Nobody polls, so 2,000
// waiting calls cost 2,000 timers that each fire once, and the store's order
// (the order callers asked) is the order they leave.
//
// A place is a promise about when the call reaches the network. A call that
// wakes too late (a busy event loop, a slow answer from a shared store) would
// share the server's second with the call one window later, so it takes a new
// place instead; the missed one stays counted.
import { abortableSleep } from './abortable-sleep.js';
import { cautiousWindow } from './rate-limit-caution.js';
import {
  type RateLimitStore,
  type RateLimitWindow,
  rateLimitDefaults,
} from './rate-limit-store.js';

/** The API counts calls per second; the client's window is longer by its margin. */
const serverWindowMs = 1000;

/**
 * How late a call may leave after its place: half the window's margin, leaving
 * the other half for calls that take different times to reach the server.
 */
export const lateToleranceMs = (window: RateLimitWindow): number =>
  Math.max(0, (window.windowMs - serverWindowMs) / 2);

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

/** Reserves one place; resolves with how late the caller is for it, in ms. */
const reserveAndSleep = async (
  store: RateLimitStore,
  window: RateLimitWindow,
  signal: AbortSignal | undefined,
): Promise<number> => {
  signal?.throwIfAborted();
  const askedAtMs = Date.now();
  const answer = store.reservePlace(window, askedAtMs);
  // The memory store answers synchronously: no promise to wait for.
  const waitMs = typeof answer === 'number' ? answer : await answerOrAbort(answer, signal);
  // The wait counts from the question, so a slow answer does not push the call
  // later still. Anything but a positive wait (0, NaN from a broken store) is now.
  const placeAtMs = waitMs > 0 ? askedAtMs + waitMs : askedAtMs;
  const sleepMs = placeAtMs - Date.now();
  // Whole milliseconds, rounded up: timers keep no fractions, and a call must
  // never leave before its place.
  if (sleepMs > 0) await abortableSleep(Math.ceil(sleepMs), signal);
  return Date.now() - placeAtMs;
};

/**
 * Reserves a place in the window (widened by any caution after rate-limit
 * answers) and sleeps until it; takes a new place when it woke too late, up
 * to `rateLimitDefaults.placesPerCall` places. Rejects with the signal's
 * reason if it aborts (the place stays taken: a store never hands a place out
 * twice), and with the store's error if the store fails.
 */
export const waitForPlace = async (
  store: RateLimitStore,
  window: RateLimitWindow,
  signal: AbortSignal | undefined,
): Promise<void> => {
  const careful = cautiousWindow(store, window);
  const toleranceMs = lateToleranceMs(careful);
  for (let places = 1; ; places += 1) {
    const lateMs = await reserveAndSleep(store, careful, signal);
    if (lateMs <= toleranceMs || places >= rateLimitDefaults.placesPerCall) return;
  }
};
