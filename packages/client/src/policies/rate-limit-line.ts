// Callers waiting for the rate limit stand in one line per store and window,
// and only the caller at the front asks the store. Without the line every
// waiter would wake each time a place frees and all but one would go back to
// sleep: with 2,000 calls waiting, 400,000 wake-ups a second for 200 calls.
// The line also serves callers in the order they came.
import { abortableSleep } from './abortable-sleep.js';
import type { RateLimitStore, RateLimitWindow } from './rate-limit-store.js';

const lines = new WeakMap<RateLimitStore, Map<string, Promise<void>>>();

const linesOf = (store: RateLimitStore): Map<string, Promise<void>> => {
  let byKey = lines.get(store);
  if (!byKey) {
    byKey = new Map();
    lines.set(store, byKey);
  }
  return byKey;
};

/** Resolves with `turn`, or rejects with the signal's reason as soon as it aborts. */
const untilTurnOrAbort = (turn: Promise<void>, signal: AbortSignal | undefined): Promise<void> => {
  if (!signal) return turn;
  signal.throwIfAborted();
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    turn.then(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    });
  });
};

/** Asks the store until it gives a place, first sleeping until `askAtMs` if given. */
const acquirePlace = async (
  store: RateLimitStore,
  window: RateLimitWindow,
  signal: AbortSignal | undefined,
  askAtMs: number,
): Promise<void> => {
  const firstWaitMs = askAtMs - Date.now();
  if (firstWaitMs > 0) await abortableSleep(Math.ceil(firstWaitMs), signal);
  for (;;) {
    signal?.throwIfAborted();
    const waitMs = await store.acquire(window, Date.now());
    // Anything but a positive wait (0, or NaN from a broken store) means go.
    if (!(waitMs > 0)) return;
    // Whole milliseconds: timers do not keep fractions, and a wait rounded down
    // would wake a fraction early and ask again for nothing.
    await abortableSleep(Math.ceil(waitMs), signal);
  }
};

/**
 * Waits for a place in the window: in line behind the callers that came first,
 * then asking the store until it gives one. Rejects with the signal's reason if
 * it aborts; a caller who leaves never holds up the line.
 */
export const waitForPlace = async (
  store: RateLimitStore,
  window: RateLimitWindow,
  signal: AbortSignal | undefined,
): Promise<void> => {
  const byKey = linesOf(store);
  // When the store has already said how long to wait, the first ask in line is not before then.
  let askAtMs = 0;
  if (!byKey.has(window.key)) {
    // No one waiting: ask once without joining a line, the usual case below
    // the limit (the memory store answers synchronously, so no promise at all).
    signal?.throwIfAborted();
    const askedAtMs = Date.now();
    const answer = store.acquire(window, askedAtMs);
    const waitMs = typeof answer === 'number' ? answer : await answer;
    if (!(waitMs > 0)) return;
    askAtMs = askedAtMs + waitMs;
  }
  const ahead = byKey.get(window.key) ?? Promise.resolve();
  let leave = () => {};
  const done = new Promise<void>((resolve) => {
    leave = resolve;
  });
  const tail = ahead.then(() => done);
  byKey.set(window.key, tail);
  try {
    await untilTurnOrAbort(ahead, signal);
    await acquirePlace(store, window, signal, askAtMs);
  } finally {
    leave();
    if (byKey.get(window.key) === tail) byKey.delete(window.key);
  }
};
