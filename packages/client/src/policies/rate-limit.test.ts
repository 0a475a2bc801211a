import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { testOptions } from '../../test/helpers/client-options.js';
import { settleWithFakeTimers } from '../../test/helpers/fake-time.js';
import { apiError, ok, scriptedFetch } from '../../test/helpers/scripted-fetch.js';
import { createChatClient } from '../create-chat-client.js';
import {
  createMemoryRateLimitStore,
  processRateLimitStore,
  type RateLimitPlace,
  type RateLimitStore,
  type RateLimitWindow,
  rateLimitDefaults,
} from './rate-limit-store.js';

/** The wait a store answered, whether a number or a place it can take back. */
const waitFor = (store: RateLimitStore, window: RateLimitWindow, nowMs: number): number => {
  const answer = store.reservePlace(window, nowMs);
  if (answer instanceof Promise) throw new Error('the memory store answers synchronously');
  return typeof answer === 'number' ? answer : answer.waitMs;
};

describe('createMemoryRateLimitStore (sliding-window log)', () => {
  // burst = limit: no pacing, so these cases see the window alone.
  const window = (limit: number, windowMs = 1000): RateLimitWindow => ({
    key: 'getMembers:1',
    limit,
    windowMs,
    burst: limit,
  });

  it('gives places now while the window has room, then the first place that frees', () => {
    const store = createMemoryRateLimitStore();
    const waits = [0, 10, 20, 30].map((now) => waitFor(store, window(3), 1000 + now));
    // The fourth call (asking at 1030) gets the place at 2000, when the first leaves the window.
    expect(waits).toEqual([0, 0, 0, 970]);
  });

  it('takes the place it answers with, so a caller never asks twice', () => {
    const store = createMemoryRateLimitStore();
    expect(waitFor(store, window(1), 0)).toBe(0);
    // Places at 1000, 2000, 3000: each one window after the one before.
    expect(waitFor(store, window(1), 500)).toBe(500);
    expect(waitFor(store, window(1), 600)).toBe(1400);
    expect(waitFor(store, window(1), 700)).toBe(2300);
    // A call exactly one window after the last place is outside it (the emulator's rule too).
    expect(waitFor(store, window(1), 4000)).toBe(0);
  });

  it('hands places out in the order callers ask, never before one already given', () => {
    const store = createMemoryRateLimitStore();
    const places = [0, 0, 0, 0, 0].map((now) => now + waitFor(store, window(2, 100), now));
    expect(places).toEqual([0, 0, 100, 100, 200]);
  });

  it('paces calls after a burst, one every windowMs / limit, refilling while idle', () => {
    const store = createMemoryRateLimitStore();
    const paced = { key: 'k', limit: 100, windowMs: 1000, burst: 3 };
    const reserved = [0, 0, 0, 0, 0].map(() => waitFor(store, paced, 0));
    expect(reserved).toEqual([0, 0, 0, 10, 20]);
    // After 200 ms of quiet the whole burst is back, and no more.
    const later = [0, 0, 0, 0].map(() => waitFor(store, paced, 220));
    expect(later).toEqual([0, 0, 0, 10]);
  });

  it('waits for whichever comes last, the window or the pacing', () => {
    const store = createMemoryRateLimitStore();
    const both = { key: 'k', limit: 2, windowMs: 1000, burst: 2 };
    expect(waitFor(store, both, 0)).toBe(0);
    expect(waitFor(store, both, 0)).toBe(0);
    // Pacing alone would allow a call at 500; the window holds two until 1000.
    expect(waitFor(store, both, 600)).toBe(400);
    // The places at 1000 and 1000 fill the next window: the one after waits for 2000.
    expect(waitFor(store, both, 1000)).toBe(0);
    expect(waitFor(store, both, 1000)).toBe(1000);
  });

  it('keeps windows apart by key', () => {
    const store = createMemoryRateLimitStore();
    waitFor(store, { key: 'a', limit: 1, windowMs: 1000, burst: 1 }, 0);
    expect(waitFor(store, { key: 'b', limit: 1, windowMs: 1000, burst: 1 }, 0)).toBe(0);
  });

  it('never gives more than the limit places in any window, whatever the callers do', () => {
    const store = createMemoryRateLimitStore();
    const places: number[] = [];
    // 40 callers that each call again a little after their place, for 5 s of fake time.
    const nextAsk = Array.from({ length: 40 }, (_, caller) => caller % 7);
    for (let now = 0; now < 5000; now += 1) {
      nextAsk.forEach((askAt, caller) => {
        if (askAt > now) return;
        const place = now + waitFor(store, window(200), now);
        places.push(place);
        nextAsk[caller] = place + ((caller * now) % 3);
      });
    }
    expect(places.length).toBeGreaterThan(900);
    let head = 0;
    for (let tail = 0; tail < places.length; tail += 1) {
      expect(places[tail]).toBeGreaterThanOrEqual(places[tail - 1] ?? 0);
      while ((places[head] ?? 0) <= (places[tail] ?? 0) - 1000) head += 1;
      expect(tail - head + 1).toBeLessThanOrEqual(200);
    }
  });

  it('takes a later place back, so the window has room for another call sooner', () => {
    const store = createMemoryRateLimitStore();
    expect([0, 0].map(() => waitFor(store, window(2), 0))).toEqual([0, 0]);
    const third = store.reservePlace(window(2), 0) as RateLimitPlace;
    expect(third.waitMs).toBe(1000);
    expect(waitFor(store, window(2), 0)).toBe(1000);
    third.release();
    // Without the release the window would hold two places at 1000 until 2000;
    // pacing (one every 500 ms, not given back) allows 1500.
    expect(waitFor(store, window(2), 0)).toBe(1500);
  });

  it('answers a place now with a plain 0 (nothing to give back)', () => {
    expect(createMemoryRateLimitStore().reservePlace(window(1), 0)).toBe(0);
  });

  it('is one store per process, shared by every client', () => {
    expect(processRateLimitStore()).toBe(processRateLimitStore());
  });
});

describe('the client rate limit', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const timedFetch = () => {
    const { fetch } = scriptedFetch(ok([]));
    const sentAt: number[] = [];
    const timed: typeof fetch = (input, init) => {
      sentAt.push(Date.now());
      return fetch(input, init);
    };
    return { fetch: timed, sentAt };
  };

  it('makes callers wait instead of rejecting them, a window of 1 s plus the margin', async () => {
    const { fetch, sentAt } = timedFetch();
    const store = createMemoryRateLimitStore();
    const client = createChatClient(
      testOptions(fetch, { rateLimit: { callsPerSecond: 2, marginMs: 50, store } }),
    );
    const start = Date.now();
    const calls = Array.from({ length: 5 }, () => client.getMembers({ groupId: 'g' }));
    await settleWithFakeTimers(Promise.all(calls));
    await Promise.all(calls);
    // Two in any 1,050 ms window; the default burst (10) lets the first two go together.
    expect(sentAt.map((time) => time - start)).toEqual([0, 0, 1050, 1050, 2100]);
  });

  it('shares the bucket between clients of the same SDKAppID, not across SDKAppIDs', async () => {
    const { fetch, sentAt } = timedFetch();
    const store = createMemoryRateLimitStore();
    const rateLimit = { callsPerSecond: 1, store };
    const first = createChatClient(testOptions(fetch, { rateLimit }));
    const second = createChatClient(testOptions(fetch, { rateLimit }));
    const other = createChatClient(testOptions(fetch, { rateLimit, sdkAppId: 1400000002 }));
    const start = Date.now();
    const calls = [first, second, other].map((client) => client.getMembers({ groupId: 'g' }));
    await settleWithFakeTimers(Promise.all(calls));
    const windowMs = 1000 + rateLimitDefaults.marginMs;
    expect(sentAt.map((time) => time - start).sort((a, b) => a - b)).toEqual([0, 0, windowMs]);
  });

  it('defaults to the spec limit (200 calls/s) in the process-wide store', async () => {
    const { fetch, sentAt } = timedFetch();
    const client = createChatClient(testOptions(fetch, { rateLimit: {}, sdkAppId: 1499999999 }));
    const start = Date.now();
    const calls = Array.from({ length: 201 }, () => client.getMembers({ groupId: 'g' }));
    await settleWithFakeTimers(Promise.all(calls));
    const offsets = sentAt.map((time) => time - start);
    const { burst, marginMs } = rateLimitDefaults;
    const intervalMs = (1000 + marginMs) / 200;
    // The burst at once, then paced; the 201st waits for the first to leave the window.
    expect(offsets.slice(0, burst)).toEqual(Array(burst).fill(0));
    for (let call = burst; call < 200; call += 1) {
      expect(offsets[call]).toBeGreaterThanOrEqual((call - burst + 1) * intervalMs - 1);
      expect(offsets[call]).toBeLessThanOrEqual((call - burst + 1) * intervalMs + 1);
    }
    expect(offsets[200]).toBeGreaterThanOrEqual(1000 + marginMs);
  });

  it('asks a custom store for every attempt, keyed by operation and SDKAppID', async () => {
    const { fetch } = timedFetch();
    const windows: RateLimitWindow[] = [];
    const store: RateLimitStore = {
      reservePlace: async (window) => {
        windows.push(window);
        return 0;
      },
    };
    await createChatClient(testOptions(fetch, { rateLimit: { store, marginMs: 7 } })).getMembers({
      groupId: 'g',
    });
    expect(windows).toEqual([
      { key: 'getMembers:1400000001', limit: 200, windowMs: 1007, burst: rateLimitDefaults.burst },
    ]);
  });

  it('asks a store once per attempt and leaves at the place it gives (a wait that is not positive is go)', async () => {
    const { fetch, sentAt } = timedFetch();
    const answers = [250, Number.NaN];
    const asked: number[] = [];
    const store: RateLimitStore = {
      reservePlace: (_window, nowMs) => {
        asked.push(nowMs);
        return answers.shift() ?? 0;
      },
    };
    const client = createChatClient(testOptions(fetch, { rateLimit: { store } }));
    const start = Date.now();
    const first = client.getMembers({ groupId: 'g' });
    await settleWithFakeTimers(first);
    await client.getMembers({ groupId: 'g' });
    expect(asked.map((time) => time - start)).toEqual([0, 250]);
    expect(sentAt.map((time) => time - start)).toEqual([250, 250]);
  });

  it('is more careful after a rate-limit answer: the window grows for the retry and later calls', async () => {
    const { fetch } = scriptedFetch(apiError(60007), ok([]));
    const memory = createMemoryRateLimitStore();
    const windowsMs: number[] = [];
    const store: RateLimitStore = {
      reservePlace: (window, nowMs) => {
        windowsMs.push(window.windowMs);
        return memory.reservePlace(window, nowMs);
      },
    };
    const client = createChatClient(testOptions(fetch, { rateLimit: { store } }));
    const call = client.getMembers({ groupId: 'g' });
    await settleWithFakeTimers(call);
    await call;
    await client.getMembers({ groupId: 'g' });
    const base = 1000 + rateLimitDefaults.marginMs;
    const careful = base + rateLimitDefaults.cautionStepMs;
    expect(windowsMs[0]).toBe(base);
    // The retry came 0.5-1 s later (more on a loaded machine): the caution,
    // halving every 10 s, has lost less than half its step.
    for (const windowMs of windowsMs.slice(1)) {
      expect(windowMs).toBeGreaterThan(base + rateLimitDefaults.cautionStepMs / 2);
      expect(windowMs).toBeLessThanOrEqual(careful);
    }
    expect(windowsMs).toHaveLength(3);
  });

  it('stops waiting when the call is aborted', async () => {
    const { fetch, sentAt } = timedFetch();
    const store = createMemoryRateLimitStore();
    const client = createChatClient(
      testOptions(fetch, { rateLimit: { callsPerSecond: 1, store } }),
    );
    await client.getMembers({ groupId: 'g' });
    const controller = new AbortController();
    const waiting = client
      .getMembers({ groupId: 'g', signal: controller.signal })
      .catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(100);
    controller.abort(new Error('no more'));
    expect(await waiting).toMatchObject({ message: 'no more' });
    expect(sentAt).toHaveLength(1);
  });
});
