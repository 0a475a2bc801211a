import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { settleWithFakeTimers } from '../../test/helpers/fake-time.js';
import { waitForPlace } from './rate-limit-line.js';
import { createMemoryRateLimitStore, type RateLimitStore } from './rate-limit-store.js';

const window = { key: 'getMembers:1', limit: 2, windowMs: 1000, burst: 2 };

/** The memory store, counting how often it is asked. */
const countingStore = () => {
  const store = createMemoryRateLimitStore();
  const counts = { asked: 0 };
  const counting: RateLimitStore = {
    reservePlace: (asked, nowMs) => {
      counts.asked += 1;
      return store.reservePlace(asked, nowMs);
    },
  };
  return { store: counting, counts };
};

describe('waitForPlace', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('serves waiting callers in the order they came', async () => {
    const { store } = countingStore();
    const order: number[] = [];
    const start = Date.now();
    const waits = Array.from({ length: 6 }, (_, caller) =>
      waitForPlace(store, window, undefined).then(() => order.push(caller)),
    );
    await settleWithFakeTimers(Promise.all(waits));
    expect(order).toEqual([0, 1, 2, 3, 4, 5]);
    expect(Date.now() - start).toBe(2000);
  });

  it('asks the store once per place, however long the wait', async () => {
    const { store, counts } = countingStore();
    const waits = Array.from({ length: 40 }, () => waitForPlace(store, window, undefined));
    await settleWithFakeTimers(Promise.all(waits));
    expect(counts.asked).toBe(40);
  });

  it('stops waiting for a slow store when the signal aborts', async () => {
    const never: RateLimitStore = { reservePlace: () => new Promise<number>(() => {}) };
    const controller = new AbortController();
    const waiting = waitForPlace(never, window, controller.signal).catch((error: unknown) => error);
    controller.abort(new Error('gone'));
    expect(await waiting).toMatchObject({ message: 'gone' });
  });

  it("rejects with the store's error", async () => {
    const failing: RateLimitStore = { reservePlace: () => Promise.reject(new Error('store down')) };
    await expect(waitForPlace(failing, window, undefined)).rejects.toThrow('store down');
  });

  it('lets a caller stop waiting when its signal aborts; its place stays taken', async () => {
    const { store } = countingStore();
    await waitForPlace(store, window, undefined);
    await waitForPlace(store, window, undefined);
    const controller = new AbortController();
    const leaving = waitForPlace(store, window, controller.signal).catch((error: unknown) => error);
    const staying = waitForPlace(store, window, undefined);
    controller.abort(new Error('gone'));
    expect(await leaving).toMatchObject({ message: 'gone' });
    const start = Date.now();
    await settleWithFakeTimers(staying);
    expect(Date.now() - start).toBe(1000);
  });

  it('rejects at once for a signal aborted before the call', async () => {
    const { store, counts } = countingStore();
    const reason = new Error('already gone');
    await expect(waitForPlace(store, window, AbortSignal.abort(reason))).rejects.toBe(reason);
    expect(counts.asked).toBe(0);
    await waitForPlace(store, window, undefined);
    expect(counts.asked).toBe(1);
  });

  it('keeps separate lines for separate windows', async () => {
    const { store } = countingStore();
    for (let i = 0; i < 2; i += 1) await waitForPlace(store, window, undefined);
    const blocked = waitForPlace(store, window, undefined);
    let otherDone = false;
    await waitForPlace(store, { ...window, key: 'getMembers:2' }, undefined).then(() => {
      otherDone = true;
    });
    expect(otherDone).toBe(true);
    await settleWithFakeTimers(blocked);
  });
});
