import type { RateLimitPlace, RateLimitStore } from '@avchatroom/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConnectedClient, connectClient, redisClientKinds } from '../test/redis-clients.js';
import { type RedisServer, startRedisServer } from '../test/redis-server.js';
import {
  createRedisRateLimitStore,
  RateLimitStoreUnavailableError,
  redisRateLimitKeys,
} from './index.js';
import { reservePlace } from './reserve-place-script.js';

let server: RedisServer;
beforeAll(async () => {
  server = await startRedisServer();
});
afterAll(async () => {
  await server?.stop();
});

/** The wait of a store's answer (this store always answers a place it can take back). */
const waitOf = async (answer: ReturnType<RateLimitStore['reservePlace']>): Promise<number> => {
  const settled = await answer;
  return typeof settled === 'number' ? settled : settled.waitMs;
};

let windowCount = 0;
/** A fresh window key per test, so tests never share places. */
const freshWindow = (limit: number, windowMs: number, burst = limit) => {
  windowCount += 1;
  return { key: `getMembers:${1400000000 + windowCount}`, limit, windowMs, burst };
};

/** The places Redis holds for a window, in ms on Redis's clock, oldest first. */
const placesOf = async (redis: ConnectedClient, windowKey: string): Promise<number[]> => {
  const { places } = redisRateLimitKeys('avchatroom:rate-limit:', windowKey);
  // node-redis answers [member, score] pairs, ioredis a flat list.
  const reply = (await redis.command(['ZRANGE', places, '0', '-1', 'WITHSCORES'])) as unknown[];
  const flat = reply.flat();
  return flat.filter((_, index) => index % 2 === 1).map((score) => Number(score) / 1000);
};

/** The most places in any window of `windowMs` (a place exactly windowMs later is outside it). */
const busiestWindow = (places: number[], windowMs: number): number => {
  let busiest = 0;
  let first = 0;
  for (let last = 0; last < places.length; last += 1) {
    while ((places[first] as number) <= (places[last] as number) - windowMs) first += 1;
    busiest = Math.max(busiest, last - first + 1);
  }
  return busiest;
};

describe.each(redisClientKinds)('with %s', (kind) => {
  let redis: ConnectedClient;
  beforeAll(async () => {
    redis = await connectClient(kind, server.port);
  });
  afterAll(async () => {
    await redis?.close();
  });

  it('gives places now while the window has room, then one window after the place limit back', async () => {
    const store = createRedisRateLimitStore({ client: redis.client });
    const window = freshWindow(3, 400);
    const waits = await Promise.all(
      [0, 1, 2, 3, 4].map(() => waitOf(store.reservePlace(window, 0))),
    );
    const places = await placesOf(redis, window.key);
    // Three at once (each at Redis's now); the fourth and fifth exactly one
    // window after the first and second.
    expect((places[2] as number) - (places[0] as number)).toBeLessThan(20);
    expect((places[3] as number) - (places[0] as number)).toBeCloseTo(400, 3);
    expect((places[4] as number) - (places[1] as number)).toBeCloseTo(400, 3);
    // The waits each caller got match its place, within the calls' spread on Redis's clock.
    expect(waits.slice(0, 3)).toEqual([0, 0, 0]);
    for (const wait of waits.slice(3)) {
      expect(wait).toBeGreaterThan(300);
      expect(wait).toBeLessThanOrEqual(400);
    }
  });

  it('paces after the burst, one place every windowMs / limit', async () => {
    const store = createRedisRateLimitStore({ client: redis.client });
    const window = freshWindow(10, 500, 2);
    await Promise.all(Array.from({ length: 6 }, () => store.reservePlace(window, 0)));
    const places = await placesOf(redis, window.key);
    const first = places[0] as number;
    const offsets = places.map((place) => place - first);
    // Two at once, then 50 ms apart: pacing counts from the first place's
    // due time, so each offset is within the calls' spread of its slot.
    expect(offsets[1]).toBeLessThan(5);
    for (const [index, slotMs] of [0, 0, 50, 100, 150, 200].entries()) {
      expect(offsets[index]).toBeGreaterThanOrEqual(slotMs - 5);
      expect(offsets[index]).toBeLessThanOrEqual(slotMs + 5);
    }
  });

  it('never gives more than the limit places in any window, at the window edges too', async () => {
    const store = createRedisRateLimitStore({ client: redis.client });
    const window = freshWindow(20, 200, 5);
    // 40 callers, each reserving again right after its place, for about 1.2 s.
    const until = Date.now() + 1_200;
    const caller = async () => {
      while (Date.now() < until) {
        const waitMs = await waitOf(store.reservePlace(window, Date.now()));
        await new Promise((resolve) => setTimeout(resolve, Math.ceil(waitMs)));
      }
    };
    await Promise.all(Array.from({ length: 40 }, caller));
    const places = await placesOf(redis, window.key);
    // Places older than two windows are trimmed: check the ones still held.
    expect(places.length).toBeGreaterThanOrEqual(20);
    expect(busiestWindow(places, 200)).toBe(20);
    for (let index = 1; index < places.length; index += 1) {
      expect(places[index]).toBeGreaterThanOrEqual(places[index - 1] as number);
    }
  });

  it('shares one window between callers whose clocks disagree by an hour (Redis keeps the time)', async () => {
    const other = await connectClient(kind, server.port);
    try {
      const ahead = createRedisRateLimitStore({ client: redis.client });
      const behind = createRedisRateLimitStore({ client: other.client });
      const window = freshWindow(2, 1_000);
      const hour = 3_600_000;
      expect(await waitOf(ahead.reservePlace(window, Date.now() + hour))).toBe(0);
      expect(await waitOf(behind.reservePlace(window, Date.now() - hour))).toBe(0);
      // The third place is one window after the first, whichever clock asks.
      const third = await waitOf(behind.reservePlace(window, Date.now() - hour));
      expect(third).toBeGreaterThan(800);
      expect(third).toBeLessThanOrEqual(1_000);
    } finally {
      await other.close();
    }
  });

  it('runs the script by its SHA, and sends the source again after SCRIPT FLUSH (NOSCRIPT)', async () => {
    const store = createRedisRateLimitStore({ client: redis.client });
    await redis.command(['SCRIPT', 'FLUSH']);
    expect(await redis.command(['SCRIPT', 'EXISTS', reservePlace.sha])).toEqual([0]);
    await store.reservePlace(freshWindow(5, 1_000), 0);
    expect(await redis.command(['SCRIPT', 'EXISTS', reservePlace.sha])).toEqual([1]);
    await redis.command(['CONFIG', 'RESETSTAT']);
    await store.reservePlace(freshWindow(5, 1_000), 0);
    const stats = (await redis.command(['INFO', 'commandstats'])) as string;
    expect(stats).toMatch(/cmdstat_evalsha:calls=1,/);
    expect(stats).not.toMatch(/cmdstat_eval:/);
  });

  it('lets idle keys expire two windows after their last place', async () => {
    const store = createRedisRateLimitStore({ client: redis.client });
    const window = freshWindow(2, 150);
    const keys = redisRateLimitKeys('avchatroom:rate-limit:', window.key);
    await store.reservePlace(window, 0);
    await store.reservePlace(window, 0);
    for (const key of [keys.places, keys.pacing]) {
      const ttl = Number(await redis.command(['PTTL', key]));
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(2 * 150 + 2);
    }
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(await redis.command(['EXISTS', keys.places, keys.pacing])).toBe(0);
  });

  it('takes a place back, so the window has room for another call sooner', async () => {
    const store = createRedisRateLimitStore({ client: redis.client });
    const window = freshWindow(2, 600);
    await Promise.all([0, 1].map(() => store.reservePlace(window, 0)));
    const third = (await store.reservePlace(window, 0)) as RateLimitPlace;
    expect(third.waitMs).toBeGreaterThan(500);
    expect(await placesOf(redis, window.key)).toHaveLength(3);
    await third.release();
    expect(await placesOf(redis, window.key)).toHaveLength(2);
    // Without the release the fifth place would be 1,200 ms after the first
    // two (two places at 600); now it is at 900 (pacing, not given back).
    await store.reservePlace(window, 0);
    const fifth = await waitOf(store.reservePlace(window, 0));
    expect(fifth).toBeGreaterThan(800);
    expect(fifth).toBeLessThanOrEqual(900);
  });

  it('gives a caller that asks a little ahead (its lead) no earlier place, and queues later callers after it', async () => {
    const store = createRedisRateLimitStore({ client: redis.client });
    const window = freshWindow(10, 1_000);
    // A lead of 200 ms: the answer counts from then, so it is 0.
    expect(await waitOf(store.reservePlace(window, Date.now() + 200))).toBe(0);
    const next = await waitOf(store.reservePlace(window, Date.now()));
    expect(next).toBeGreaterThan(150);
    expect(next).toBeLessThanOrEqual(200);
    const [first, second] = await placesOf(redis, window.key);
    expect((second as number) - (first as number)).toBeLessThan(1);
  });

  it('uses keyPrefix and keeps windows apart by key', async () => {
    const store = createRedisRateLimitStore({ client: redis.client, keyPrefix: 'team-a:' });
    const window = freshWindow(1, 1_000);
    expect(await waitOf(store.reservePlace(window, 0))).toBe(0);
    expect(await waitOf(store.reservePlace({ ...window, key: `${window.key}-other` }, 0))).toBe(0);
    expect(await redis.command(['EXISTS', `team-a:{${window.key}}:places`])).toBe(1);
  });

  it('fails closed with a typed error when the command fails', async () => {
    const store = createRedisRateLimitStore({ client: redis.client });
    const window = freshWindow(1, 1_000);
    const { places } = redisRateLimitKeys('avchatroom:rate-limit:', window.key);
    await redis.command(['SET', places, 'not a sorted set']);
    const error = await Promise.resolve(store.reservePlace(window, 0)).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RateLimitStoreUnavailableError);
    expect(error).toMatchObject({ failure: 'command-failed', windowKey: window.key });
    expect((error as Error).message).toMatch(/WRONGTYPE/);
  });
});

describe('createRedisRateLimitStore options', () => {
  const client = { evalsha: async (): Promise<unknown> => 0 };
  it.each([
    [{}, /options.client must be a node-redis client/],
    [{ client, keyPrefix: 'a{b}:' }, /keyPrefix must be a string without/],
    [{ client, timeoutMs: 0 }, /timeoutMs must be a positive integer/],
    [{ client, localFallback: { share: 1.5 } }, /share must be a number/],
  ])('refuses %o', (options, message) => {
    expect(() => createRedisRateLimitStore(options as never)).toThrow(message);
  });
});
