import { describe, expect, it } from 'vitest';
import { createCallRateLimiter } from './call-rate-limiter.js';

const app = 1400000001;
const otherApp = 1400000002;
const t0 = Date.UTC(2026, 0, 1);

/** Calls `count` times at the given times (one per entry) and returns the verdicts. */
const callAt = (
  limiter: ReturnType<typeof createCallRateLimiter>,
  sdkAppId: number,
  times: number[],
): boolean[] => times.map((nowMs) => limiter.tryCall(sdkAppId, nowMs));

const repeat = <T>(count: number, value: T): T[] => Array.from({ length: count }, () => value);

describe('createCallRateLimiter', () => {
  it('accepts 200 calls in one second and refuses the 201st', () => {
    const limiter = createCallRateLimiter(200);
    // 200 calls spread over the first 995 ms.
    const times = Array.from({ length: 200 }, (_, i) => t0 + Math.floor((i * 1000) / 201));
    expect(callAt(limiter, app, times)).toEqual(repeat(200, true));
    expect(limiter.tryCall(app, t0 + 999)).toBe(false);
  });

  it('accepts again once the first call is 1 s old, one call per expired call', () => {
    const limiter = createCallRateLimiter(200);
    expect(callAt(limiter, app, [...repeat(100, t0), ...repeat(100, t0 + 500)])).toEqual(
      repeat(200, true),
    );
    expect(limiter.tryCall(app, t0 + 999)).toBe(false);
    // At t0 + 1000 the 100 calls of t0 are out of the window: 100 more fit, not 101.
    expect(callAt(limiter, app, repeat(101, t0 + 1000))).toEqual([...repeat(100, true), false]);
    expect(limiter.tryCall(app, t0 + 1499)).toBe(false);
    expect(limiter.tryCall(app, t0 + 1500)).toBe(true);
  });

  it('does not let refused calls use up the quota', () => {
    const limiter = createCallRateLimiter(3);
    expect(callAt(limiter, app, [t0, t0, t0])).toEqual([true, true, true]);
    // Hammering while refused does not push the window on.
    expect(callAt(limiter, app, repeat(1000, t0 + 900))).toEqual(repeat(1000, false));
    expect(callAt(limiter, app, [t0 + 1000, t0 + 1000, t0 + 1000, t0 + 1000])).toEqual([
      true,
      true,
      true,
      false,
    ]);
  });

  it('counts each SDKAppID on its own', () => {
    const limiter = createCallRateLimiter(2);
    expect(callAt(limiter, app, [t0, t0, t0])).toEqual([true, true, false]);
    expect(callAt(limiter, otherApp, [t0, t0, t0])).toEqual([true, true, false]);
  });

  it('reports the busiest window served, not the calls refused', () => {
    const limiter = createCallRateLimiter(5);
    expect(limiter.busiestWindow()).toBe(0);
    callAt(limiter, app, repeat(3, t0));
    callAt(limiter, otherApp, repeat(2, t0));
    expect(limiter.busiestWindow()).toBe(3);
    callAt(limiter, app, repeat(10, t0 + 500));
    expect(limiter.busiestWindow()).toBe(5);
    // Later quieter seconds do not lower it.
    callAt(limiter, app, [t0 + 5000]);
    expect(limiter.busiestWindow()).toBe(5);
  });

  it('forgets every call and the busiest window on reset', () => {
    const limiter = createCallRateLimiter(2);
    callAt(limiter, app, [t0, t0]);
    limiter.reset();
    expect(limiter.busiestWindow()).toBe(0);
    expect(callAt(limiter, app, [t0, t0, t0])).toEqual([true, true, false]);
  });

  it('accepts every call when the limit is false, still measuring the busiest window', () => {
    const limiter = createCallRateLimiter(false);
    expect(callAt(limiter, app, repeat(10_000, t0)).every(Boolean)).toBe(true);
    expect(limiter.busiestWindow()).toBe(10_000);
    expect(limiter.tryCall(app, t0 + 1000)).toBe(true);
    expect(limiter.busiestWindow()).toBe(10_000);
  });
});
