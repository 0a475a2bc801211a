import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { testOptions } from '../../test/helpers/client-options.js';
import { settleWithFakeTimers } from '../../test/helpers/fake-time.js';
import { ok, scriptedFetch } from '../../test/helpers/scripted-fetch.js';
import { createChatClient } from '../create-chat-client.js';
import {
  createMemoryRateLimitStore,
  processRateLimitStore,
  type RateLimitBucket,
  type RateLimitStore,
} from './rate-limit-store.js';

describe('createMemoryRateLimitStore (GCRA)', () => {
  const bucket = (burst: number): RateLimitBucket => ({
    key: 'getMembers:1',
    intervalMs: 5,
    burst,
  });

  it('spaces calls one interval apart with a burst of 1', () => {
    const store = createMemoryRateLimitStore();
    const waits = [0, 0, 0, 0].map(() => store.reserve(bucket(1), 1000));
    expect(waits).toEqual([0, 5, 10, 15]);
  });

  it('lets a burst go at once, then one per interval', () => {
    const store = createMemoryRateLimitStore();
    const waits = Array.from({ length: 5 }, () => store.reserve(bucket(3), 1000));
    expect(waits).toEqual([0, 0, 0, 5, 10]);
  });

  it('refills while idle, but never beyond the burst', () => {
    const store = createMemoryRateLimitStore();
    for (let i = 0; i < 3; i += 1) store.reserve(bucket(2), 1000);
    expect(store.reserve(bucket(2), 10_000)).toBe(0);
    expect(store.reserve(bucket(2), 10_000)).toBe(0);
    expect(store.reserve(bucket(2), 10_000)).toBe(5);
  });

  it('keeps buckets apart by key', () => {
    const store = createMemoryRateLimitStore();
    store.reserve({ key: 'a', intervalMs: 5, burst: 1 }, 0);
    expect(store.reserve({ key: 'b', intervalMs: 5, burst: 1 }, 0)).toBe(0);
  });

  it('never lets more than the rate through in any one-second window', () => {
    const store = createMemoryRateLimitStore();
    const sendTimes: number[] = [];
    for (let now = 0, call = 0; call < 1000; call += 1) {
      const wait = store.reserve({ key: 'k', intervalMs: 1000 / 200, burst: 1 }, now);
      sendTimes.push(now + (wait as number));
      now += call % 7 === 0 ? 0 : 1; // callers arrive faster than the rate
    }
    for (const start of sendTimes) {
      expect(
        sendTimes.filter((time) => time >= start && time < start + 1000).length,
      ).toBeLessThanOrEqual(200);
    }
  });

  it('is one store per process, shared by every client', () => {
    expect(processRateLimitStore()).toBe(processRateLimitStore());
  });
});

describe('the client token bucket', () => {
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

  it('makes callers wait instead of rejecting them, at the configured rate', async () => {
    const { fetch, sentAt } = timedFetch();
    const store = createMemoryRateLimitStore();
    const client = createChatClient(
      testOptions(fetch, { rateLimit: { callsPerSecond: 10, store } }),
    );
    const start = Date.now();
    const calls = Array.from({ length: 4 }, () => client.getMembers({ groupId: 'g' }));
    await settleWithFakeTimers(Promise.all(calls));
    await Promise.all(calls);
    expect(sentAt.map((time) => time - start)).toEqual([0, 100, 200, 300]);
  });

  it('shares the bucket between clients of the same SDKAppID, not across SDKAppIDs', async () => {
    const { fetch, sentAt } = timedFetch();
    const store = createMemoryRateLimitStore();
    const rateLimit = { callsPerSecond: 10, store };
    const first = createChatClient(testOptions(fetch, { rateLimit }));
    const second = createChatClient(testOptions(fetch, { rateLimit }));
    const other = createChatClient(testOptions(fetch, { rateLimit, sdkAppId: 1400000002 }));
    const start = Date.now();
    const calls = [first, second, other].map((client) => client.getMembers({ groupId: 'g' }));
    await settleWithFakeTimers(Promise.all(calls));
    expect(sentAt.map((time) => time - start).sort((a, b) => a - b)).toEqual([0, 0, 100]);
  });

  it('defaults to the spec limit (200 calls/s) in the process-wide store', async () => {
    const { fetch, sentAt } = timedFetch();
    const client = createChatClient(testOptions(fetch, { rateLimit: {}, sdkAppId: 1499999999 }));
    const start = Date.now();
    const calls = Array.from({ length: 3 }, () => client.getMembers({ groupId: 'g' }));
    await settleWithFakeTimers(Promise.all(calls));
    expect(sentAt.map((time) => time - start)).toEqual([0, 5, 10]);
  });

  it('asks a custom store for every attempt, keyed by operation and SDKAppID', async () => {
    const { fetch } = timedFetch();
    const buckets: RateLimitBucket[] = [];
    const store: RateLimitStore = {
      reserve: async (bucket) => {
        buckets.push(bucket);
        return 0;
      },
    };
    await createChatClient(testOptions(fetch, { rateLimit: { store, burst: 4 } })).getMembers({
      groupId: 'g',
    });
    expect(buckets).toEqual([{ key: 'getMembers:1400000001', intervalMs: 5, burst: 4 }]);
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
