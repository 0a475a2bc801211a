// The state behind the rate limit. The default keeps it in this process; a team
// running several processes on one SDKAppID implements this interface over a
// shared store (for example a Redis sorted set and one atomic script) so they
// share the quota.

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
 * Counts calls as they leave. Must be atomic per key: two concurrent
 * `acquire`s never both take the last place in a window.
 */
export interface RateLimitStore {
  /**
   * Takes a place for a call leaving now: when fewer than `limit` calls took a
   * place in the `windowMs` before `nowMs`, records this one and returns 0.
   * Otherwise records nothing and returns the milliseconds until a place frees;
   * the caller waits that long and asks again.
   * @param nowMs the caller's clock, in milliseconds
   */
  acquire(window: RateLimitWindow, nowMs: number): number | Promise<number>;
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
} as const;

/** The calls of one window still inside it, oldest first (a queue over an array). */
interface CallLog {
  times: number[];
  head: number;
  /** Pacing (GCRA): when the next call would be due at the steady rate. */
  nextDueMs: number;
}

const dropExpired = (log: CallLog, windowStartMs: number): void => {
  while (log.head < log.times.length && (log.times[log.head] as number) <= windowStartMs) {
    log.head += 1;
  }
  // Compact now and then, so the array holds about one window of calls.
  if (log.head > 1024 && log.head * 2 > log.times.length) {
    log.times.splice(0, log.head);
    log.head = 0;
  }
};

/**
 * A store in this process's memory: a sliding-window log per key, the same
 * rule the server applies, counted when calls leave (so a timer that fires
 * late never lets two calls share a place), and paced by a token bucket (GCRA)
 * of `burst` calls at `limit` per window, so a listing's first pages go at once
 * while a busy window fills evenly.
 */
export const createMemoryRateLimitStore = (): RateLimitStore => {
  const logs = new Map<string, CallLog>();
  return {
    acquire: ({ key, limit, windowMs, burst }, nowMs) => {
      let log = logs.get(key);
      if (!log) {
        log = { times: [], head: 0, nextDueMs: nowMs };
        logs.set(key, log);
      }
      dropExpired(log, nowMs - windowMs);
      const intervalMs = windowMs / limit;
      const pacedAt = Math.max(log.nextDueMs, nowMs) - (burst - 1) * intervalMs;
      const windowFull = log.times.length - log.head >= limit;
      const freeAt = windowFull ? (log.times[log.head] as number) + windowMs : nowMs;
      const waitMs = Math.max(pacedAt, freeAt) - nowMs;
      if (waitMs > 0) return waitMs;
      log.times.push(nowMs);
      log.nextDueMs = Math.max(log.nextDueMs, nowMs) + intervalMs;
      if (logs.size > 10_000) forgetIdleLogs(logs, nowMs, windowMs);
      return 0;
    },
  };
};

// A log whose newest call left a window ago holds nothing worth keeping.
const forgetIdleLogs = (logs: Map<string, CallLog>, nowMs: number, windowMs: number): void => {
  for (const [key, log] of logs) {
    const newest = log.times[log.times.length - 1];
    if (newest === undefined || newest <= nowMs - windowMs) logs.delete(key);
  }
};

// Versioned: a copy of an older release (a token bucket with another contract)
// must not share this store.
const processStoreKey = Symbol.for('@avchatroom/client.processRateLimitStore.slidingWindow');

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
