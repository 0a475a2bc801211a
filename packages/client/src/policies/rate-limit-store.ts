// The state behind the rate limit. The default keeps it in this process; a team
// running several processes on one SDKAppID gives them one shared store
// (@avchatroom/rate-limit-redis, or its own implementation of this interface)
// so they share the quota.

/**
 * The limit a call counts against: at most `limit` calls in any `windowMs`
 * milliseconds. The API's rule is "calls per second" (the spec's
 * x-limits.callsPerSecond); the client's window is a little longer than a
 * second (see `rateLimitDefaults.marginMs`) because a call reaches the server
 * a few milliseconds after it leaves, and not always the same few.
 */
export interface RateLimitWindow {
  /** e.g. `getMembers:1400000000`: one window per operation and SDKAppID. */
  key: string;
  /** Calls allowed in any one window. */
  limit: number;
  /** The window's length in milliseconds. */
  windowMs: number;
  /**
   * Pacing within the window: at most `burst` calls leave together, then one
   * every `windowMs / limit`. The cap is the server's rule; pacing keeps calls
   * from bunching, because bunched calls queue at the server and reach it at
   * uneven times. A shared store may leave pacing out.
   */
  burst: number;
}

/**
 * A place a store can take back: a caller that cannot use it (it woke too
 * late for it, or gave up) gives it back, so it does not cost the quota.
 */
export interface RateLimitPlace {
  /** Milliseconds from the question until the place; 0 when the call may leave now. */
  waitMs: number;
  /**
   * Takes the place back, unused. Called at most once, and only for a place
   * whose call has not left; a failure leaves the place taken (the caller
   * ignores it).
   */
  release(): void | Promise<void>;
}

/**
 * Hands out places in a window. Must be atomic per key: two concurrent
 * `reservePlace`s never both take the last place in a window.
 */
export interface RateLimitStore {
  /**
   * Reserves the next place for one call and answers the milliseconds until
   * it (0 when the call may leave now), or a `RateLimitPlace` when the store
   * can take the place back. The place is taken at once, so the caller sleeps
   * that long and leaves without asking again (no polling, and callers wake
   * one by one at their own places, not together at a window edge). Places
   * are handed out in the order callers ask.
   *
   * A store chooses each place as the earliest time, on its own clock, when no
   * more than `limit` places fall in any `windowMs` and pacing allows it
   * (`burst`); a store on another machine should read its own clock (Redis
   * `TIME`) so that callers on skewed clocks share one window.
   * @param nowMs the earliest time the caller can use a place, on its clock
   *   (now, or a little later when its last place came too late); the answer
   *   counts from it. A store with its own clock uses it only as that lead.
   */
  reservePlace(
    window: RateLimitWindow,
    nowMs: number,
  ): number | RateLimitPlace | Promise<number | RateLimitPlace>;
}

/** The client's own choices around the spec's limit. */
export const rateLimitDefaults = {
  /**
   * Added to the one-second window. The server counts calls when they arrive;
   * if call n is delayed on the way by more than call n + 200, the two land in
   * one second of the server's even though they left a second apart. 30 ms of
   * headroom absorbs that and keeps 97% of the quota (1000 / 1030).
   */
  marginMs: 30,
  /**
   * Calls that may leave together before pacing starts: enough for the pages
   * of a 1,000-member listing (2 at 500, 4 at 250) to go without waiting.
   */
  burst: 10,
  /**
   * Places one call may take when it keeps leaving too late for them (more
   * than half the margin after its place, e.g. on an overloaded event loop).
   * Each missed place stays counted; on the last one the call leaves anyway.
   */
  placesPerCall: 4,
  /**
   * Added to the window (per store and window key) after each rate-limit
   * answer from the server, up to `cautionMaxMs`: the server saw more calls in
   * a second than the client counted, so the client spaces them further.
   */
  cautionStepMs: 50,
  /**
   * The most caution adds to the window: 500 ms is a third fewer calls per second.
   */
  cautionMaxMs: 500,
  /**
   * The added caution halves for every this many milliseconds without a
   * rate-limit answer.
   */
  cautionHalfLifeMs: 10_000,
} as const;

/** The places of one window still inside it or ahead, oldest first (a queue over an array). */
interface PlaceLog {
  times: number[];
  head: number;
  /** Pacing (GCRA): when the next place would be due at the steady rate. */
  nextDueMs: number;
}

const dropExpired = (log: PlaceLog, windowStartMs: number): void => {
  while (log.head < log.times.length && (log.times[log.head] as number) <= windowStartMs) {
    log.head += 1;
  }
  // Compact now and then, so the array holds about one window of places.
  if (log.head > 1024 && log.head * 2 > log.times.length) {
    log.times.splice(0, log.head);
    log.head = 0;
  }
};

/** Removes one place at `placeMs` (places are in order, so from the back). */
const removePlace = (log: PlaceLog, placeMs: number): void => {
  const index = log.times.lastIndexOf(placeMs);
  if (index >= log.head) log.times.splice(index, 1);
};

/**
 * The earliest place for one more call at or after `nowMs`: after the places
 * already given (so they stay in order), at least `windowMs` after the place
 * `limit` back (so no window holds more than `limit`), and when pacing allows
 * it (a token bucket, GCRA, of `burst` calls at `limit` per window).
 */
const nextPlaceMs = (log: PlaceLog, window: RateLimitWindow, nowMs: number): number => {
  const { limit, windowMs, burst } = window;
  const intervalMs = windowMs / limit;
  const pacedAt = Math.max(log.nextDueMs, nowMs) - (burst - 1) * intervalMs;
  const count = log.times.length - log.head;
  const freeAt =
    count >= limit ? (log.times[log.times.length - limit] as number) + windowMs : nowMs;
  const lastPlace = count > 0 ? (log.times[log.times.length - 1] as number) : nowMs;
  return Math.max(nowMs, pacedAt, freeAt, lastPlace);
};

/**
 * A store in this process's memory: a sliding-window log of places per key,
 * the same rule the server applies, paced after a burst so a listing's first
 * pages go at once while a busy window fills evenly.
 */
export const createMemoryRateLimitStore = (): RateLimitStore => {
  const logs = new Map<string, PlaceLog>();
  return {
    reservePlace: (window, nowMs) => {
      let log = logs.get(window.key);
      if (!log) {
        log = { times: [], head: 0, nextDueMs: nowMs };
        logs.set(window.key, log);
      }
      dropExpired(log, nowMs - window.windowMs);
      const placeMs = nextPlaceMs(log, window, nowMs);
      log.times.push(placeMs);
      log.nextDueMs = Math.max(log.nextDueMs, placeMs) + window.windowMs / window.limit;
      if (logs.size > 10_000) forgetIdleLogs(logs, nowMs, window.windowMs);
      const waitMs = placeMs - nowMs;
      // A place now is used now: only a later one may come back (and a number
      // costs nothing on the usual path).
      if (waitMs <= 0) return 0;
      const placeLog = log;
      return { waitMs, release: () => removePlace(placeLog, placeMs) };
    },
  };
};

// A log whose newest call left a window ago holds nothing worth keeping.
const forgetIdleLogs = (logs: Map<string, PlaceLog>, nowMs: number, windowMs: number): void => {
  for (const [key, log] of logs) {
    const newest = log.times[log.times.length - 1];
    if (newest === undefined || newest <= nowMs - windowMs) logs.delete(key);
  }
};

// Versioned: a copy of an older release (a token bucket, or a sliding window
// asked again after each wait) has another contract and must not share this store.
const processStoreKey = Symbol.for('@avchatroom/client.processRateLimitStore.reservations');

/**
 * The store every client in this process shares by default. It sits on
 * `globalThis` under a registered symbol so two copies of this package (two
 * versions in one dependency tree) still count against one window per SDKAppID.
 */
export const processRateLimitStore = (): RateLimitStore => {
  const holder = globalThis as { [processStoreKey]?: RateLimitStore };
  holder[processStoreKey] ??= createMemoryRateLimitStore();
  return holder[processStoreKey];
};
