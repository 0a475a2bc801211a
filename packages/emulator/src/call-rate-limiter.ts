/**
 * The API's call-frequency limit (200 calls/s for get_members, the spec's
 * x-limits.callsPerSecond), enforced per SDKAppID over any sliding 1 s window:
 * a call is refused when `callsPerSecond` calls were already served in the
 * 1,000 ms before it. Refused calls do not use up the quota.
 */
export interface CallRateLimiter {
  /** Counts the call and returns true, or returns false when it is over the limit. */
  tryCall: (sdkAppId: number, nowMs: number) => boolean;
  /** The most calls served for one SDKAppID in any 1 s window so far. */
  busiestWindow: () => number;
  reset: () => void;
}

const windowMs = 1000;

export const createCallRateLimiter = (callsPerSecond: number | false): CallRateLimiter => {
  const served = new Map<number, number[]>();
  let busiest = 0;
  return {
    tryCall: (sdkAppId, nowMs) => {
      let times = served.get(sdkAppId);
      if (!times) {
        times = [];
        served.set(sdkAppId, times);
      }
      let expired = 0;
      while (expired < times.length && (times[expired] as number) <= nowMs - windowMs) expired++;
      if (expired > 0) times.splice(0, expired);
      if (callsPerSecond !== false && times.length >= callsPerSecond) return false;
      times.push(nowMs);
      busiest = Math.max(busiest, times.length);
      return true;
    },
    busiestWindow: () => busiest,
    reset: () => {
      served.clear();
      busiest = 0;
    },
  };
};
