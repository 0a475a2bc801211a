// The state behind the token bucket. The default keeps it in this process; a team
// running several processes on one SDKAppID implements this interface over a
// shared store (for example one atomic Redis script) so they share the quota.

/** The bucket a call draws from: a steady rate plus a small burst. */
export interface RateLimitBucket {
  /** e.g. `getMembers:1400000000`: one bucket per operation and SDKAppID. */
  key: string;
  /** Milliseconds between two calls at the steady rate (1000 / calls per second). */
  intervalMs: number;
  /** How many calls may go at once after an idle period. */
  burst: number;
}

/**
 * Reserves the next slot of a bucket and says how long to wait for it. Must be
 * atomic per key: two concurrent reservations never get the same slot.
 */
export interface RateLimitStore {
  /**
   * @param nowMs the caller's clock, in milliseconds
   * @returns milliseconds to wait before sending (0 to send now)
   */
  reserve(bucket: RateLimitBucket, nowMs: number): number | Promise<number>;
}

/**
 * A store in this process's memory. It implements GCRA (the token bucket as a
 * "theoretical arrival time"): each reservation moves the bucket's next free
 * slot one interval later, so at most `burst` calls go at once and then one per
 * interval, and waiting callers are served in arrival order.
 */
export const createMemoryRateLimitStore = (): RateLimitStore => {
  const nextFreeSlotMs = new Map<string, number>();
  return {
    reserve: ({ key, intervalMs, burst }, nowMs) => {
      const theoreticalArrival = Math.max(nextFreeSlotMs.get(key) ?? nowMs, nowMs);
      const allowedAt = theoreticalArrival - (burst - 1) * intervalMs;
      nextFreeSlotMs.set(key, theoreticalArrival + intervalMs);
      if (nextFreeSlotMs.size > 10_000) forgetIdleBuckets(nextFreeSlotMs, nowMs);
      return Math.max(0, allowedAt - nowMs);
    },
  };
};

// A bucket whose next free slot is in the past holds no state worth keeping.
const forgetIdleBuckets = (slots: Map<string, number>, nowMs: number): void => {
  for (const [key, slot] of slots) if (slot <= nowMs) slots.delete(key);
};

const processStoreKey = Symbol.for('@avchatroom/client.processRateLimitStore');

/**
 * The store every client in this process shares by default. It sits on
 * `globalThis` under a registered symbol so two copies of this package (two
 * versions in one dependency tree) still draw from one bucket per SDKAppID.
 */
export const processRateLimitStore = (): RateLimitStore => {
  const holder = globalThis as { [processStoreKey]?: RateLimitStore };
  holder[processStoreKey] ??= createMemoryRateLimitStore();
  return holder[processStoreKey];
};
