import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { settleWithFakeTimers } from '../../test/helpers/fake-time.js';
import { lateToleranceMs, waitForPlace } from './rate-limit-line.js';
import {
  createMemoryRateLimitStore,
  type RateLimitStore,
  type RateLimitWindow,
  rateLimitDefaults,
} from './rate-limit-store.js';

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

  describe('late sends', () => {
    // The client's window: 1 s plus a 30 ms margin, so 15 ms of lateness is on time.
    const clientWindow = { key: 'getMembers:9', limit: 200, windowMs: 1030, burst: 10 };

    /** A store in memory whose answers arrive `delaysMs[n]` ms after the n-th question. */
    const slowStore = (delaysMs: number[]) => {
      const memory = createMemoryRateLimitStore();
      const asked: { atMs: number; window: RateLimitWindow }[] = [];
      const store: RateLimitStore = {
        reservePlace: (asking, nowMs) => {
          asked.push({ atMs: nowMs, window: asking });
          const answer = memory.reservePlace(asking, nowMs) as number;
          const delayMs = delaysMs[asked.length - 1] ?? 0;
          return new Promise((resolve) => setTimeout(() => resolve(answer), delayMs));
        },
      };
      return { store, asked };
    };

    it('allows half the margin of lateness', () => {
      expect(lateToleranceMs(clientWindow)).toBe(15);
      expect(lateToleranceMs({ ...clientWindow, windowMs: 1000 })).toBe(0);
    });

    it('counts the wait from the question, so a slow answer does not delay the call further', async () => {
      const { store } = slowStore([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 12]);
      const start = Date.now();
      for (let call = 0; call < 10; call += 1) {
        await settleWithFakeTimers(waitForPlace(store, clientWindow, undefined));
      }
      // The 11th place is due 5.15 ms later (paced); the answer takes 12 ms.
      const eleventh = waitForPlace(store, clientWindow, undefined);
      await settleWithFakeTimers(eleventh);
      expect(Date.now() - start).toBe(12);
    });

    it('takes a new place when the answer comes later than the tolerance, no earlier than it was late by', async () => {
      const { store, asked } = slowStore([40, 40]);
      const start = Date.now();
      await settleWithFakeTimers(waitForPlace(store, clientWindow, undefined));
      // Asked again at 40 for a place from 80: the answer, 40 ms later, is on time.
      expect(asked.map(({ atMs }) => atMs - start)).toEqual([0, 80]);
      expect(Date.now() - start).toBe(80);
    });

    it('stays with a place it is no later for than the tolerance', async () => {
      const { store, asked } = slowStore([15]);
      await settleWithFakeTimers(waitForPlace(store, clientWindow, undefined));
      expect(asked).toHaveLength(1);
    });

    it('leaves after placesPerCall places, however late', async () => {
      // Each answer later than the last, so even with its lead each place is missed.
      const { store, asked } = slowStore([100, 400, 800, 1200, 1600]);
      const start = Date.now();
      await settleWithFakeTimers(waitForPlace(store, clientWindow, undefined));
      expect(asked).toHaveLength(rateLimitDefaults.placesPerCall);
      expect(Date.now() - start).toBe(100 + 400 + 800 + 1200);
    });
  });

  describe('places given back', () => {
    /** A store that answers `waitMs` after `answerAfterMs`, with a release it counts. */
    const releasingStore = (answers: { waitMs: number; answerAfterMs: number }[]) => {
      const released: number[] = [];
      let asked = 0;
      const store: RateLimitStore = {
        reservePlace: () => {
          const index = asked;
          asked += 1;
          const { waitMs, answerAfterMs } = answers[index] ?? { waitMs: 0, answerAfterMs: 0 };
          const place = { waitMs, release: () => void released.push(index) };
          return new Promise((resolve) => setTimeout(() => resolve(place), answerAfterMs));
        },
      };
      return { store, released, asked: () => asked };
    };
    const clientWindow = { key: 'getMembers:9', limit: 200, windowMs: 1030, burst: 10 };

    it('gives a place it woke too late for back before taking a new one', async () => {
      const { store, released, asked } = releasingStore([
        { waitMs: 0, answerAfterMs: 40 },
        { waitMs: 0, answerAfterMs: 0 },
      ]);
      await settleWithFakeTimers(waitForPlace(store, clientWindow, undefined));
      expect(asked()).toBe(2);
      expect(released).toEqual([0]);
    });

    it('gives the place back when the call aborts while it sleeps', async () => {
      const { store, released } = releasingStore([{ waitMs: 500, answerAfterMs: 0 }]);
      const controller = new AbortController();
      const waiting = waitForPlace(store, clientWindow, controller.signal).catch((e: unknown) => e);
      await vi.advanceTimersByTimeAsync(100);
      controller.abort(new Error('gone'));
      expect(await waiting).toMatchObject({ message: 'gone' });
      expect(released).toEqual([0]);
    });

    it('gives back a place whose answer arrives after the call aborted', async () => {
      const { store, released } = releasingStore([{ waitMs: 0, answerAfterMs: 300 }]);
      const controller = new AbortController();
      const waiting = waitForPlace(store, clientWindow, controller.signal).catch((e: unknown) => e);
      controller.abort(new Error('gone'));
      expect(await waiting).toMatchObject({ message: 'gone' });
      expect(released).toEqual([]);
      await vi.advanceTimersByTimeAsync(300);
      expect(released).toEqual([0]);
    });

    it('keeps going when a release throws or rejects', async () => {
      const failing: RateLimitStore = {
        reservePlace: () =>
          new Promise((resolve) =>
            setTimeout(
              () =>
                resolve({
                  waitMs: 0,
                  release: () => Promise.reject(new Error('release failed')),
                }),
              40,
            ),
          ),
      };
      await settleWithFakeTimers(waitForPlace(failing, clientWindow, undefined));
    });
  });
});
