// A call waits for the place its store reserved for it: one question to the
// store per call, then one sleep until the place. Nobody polls, so 2,000
// waiting calls cost 2,000 timers that each fire once, and the store's order
// (the order callers asked) is the order they leave.
//
// A place is a promise about when the call reaches the network. A call that
// wakes too late (a busy event loop, a slow answer from a shared store) would
// share the server's second with the call one window later, so it takes a new
// place instead, and gives the missed one back when the store can take it
// (otherwise the missed place stays counted: safe, only the quota pays).
import { abortableSleep } from './abortable-sleep.js';
import { cautiousWindow } from './rate-limit-caution.js';
import {
  type RateLimitPlace,
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

type Answer = number | RateLimitPlace;

/** Gives a place back if the store can take it; a failure leaves it taken. */
const release = (answer: Answer | undefined): void => {
  if (typeof answer !== 'object' || answer === null) return;
  try {
    Promise.resolve(answer.release()).catch(() => {});
  } catch {
    // A store that throws keeps the place: safe, only the quota pays.
  }
};

/** The store's answer, or the signal's reason as soon as it aborts (the late answer's place given back). */
const answerOrAbort = (
  answer: Promise<Answer>,
  signal: AbortSignal | undefined,
): Promise<Answer> => {
  if (!signal) return answer;
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      reject(signal.reason);
      answer.then(release, () => {});
    };
    signal.addEventListener('abort', onAbort, { once: true });
    answer.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
};

const waitOf = (answer: Answer): number => (typeof answer === 'number' ? answer : answer.waitMs);

/**
 * Reserves one place and sleeps until it; resolves with how late the caller
 * is for it (ms) and the store's answer. An abort during the sleep gives the
 * place back.
 */
const reserveAndSleep = async (
  store: RateLimitStore,
  window: RateLimitWindow,
  signal: AbortSignal | undefined,
  leadMs: number,
): Promise<{ lateMs: number; answer: Answer }> => {
  signal?.throwIfAborted();
  // No earlier than `leadMs` from now: the store's answer counts from here.
  const askedAtMs = Date.now() + leadMs;
  const asked = store.reservePlace(window, askedAtMs);
  // The memory store answers synchronously: no promise to wait for.
  const answer =
    typeof asked === 'number' || !(asked instanceof Promise)
      ? asked
      : await answerOrAbort(asked, signal);
  const waitMs = waitOf(answer);
  // The wait counts from the question, so a slow answer does not push the call
  // later still. Anything but a positive wait (0, NaN from a broken store) is now.
  const placeAtMs = waitMs > 0 ? askedAtMs + waitMs : askedAtMs;
  const sleepMs = placeAtMs - Date.now();
  // Whole milliseconds, rounded up: timers keep no fractions, and a call must
  // never leave before its place.
  if (sleepMs > 0) {
    try {
      await abortableSleep(Math.ceil(sleepMs), signal);
    } catch (error) {
      release(answer);
      throw error;
    }
  }
  return { lateMs: Date.now() - placeAtMs, answer };
};

/**
 * Reserves a place in the window (widened by any caution after rate-limit
 * answers) and sleeps until it; when it woke too late, gives the place back
 * (if the store can take it) and takes a new one, up to
 * `rateLimitDefaults.placesPerCall` places. Rejects with the signal's reason
 * if it aborts (giving its place back), and with the store's error if the
 * store fails.
 */
export const waitForPlace = async (
  store: RateLimitStore,
  window: RateLimitWindow,
  signal: AbortSignal | undefined,
): Promise<void> => {
  const careful = cautiousWindow(store, window);
  const toleranceMs = lateToleranceMs(careful);
  let leadMs = 0;
  for (let places = 1; ; places += 1) {
    const { lateMs, answer } = await reserveAndSleep(store, careful, signal, leadMs);
    if (lateMs <= toleranceMs || places >= rateLimitDefaults.placesPerCall) return;
    release(answer);
    // The next place at least as far ahead as this one was missed by (at most
    // a quarter window): if answers keep coming that late, it is still ahead.
    leadMs = Math.min(lateMs, careful.windowMs / 4);
  }
};
