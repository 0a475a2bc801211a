// The Redis-backed store a quota worker uses, with each reservation timed from
// the call into the store to its answer (the Redis round trip as the client
// sees it, its own event loop included).
import { createRedisRateLimitStore } from '@avchatroom/rate-limit-redis';
import { Redis } from 'ioredis';
import { createClient } from 'redis';

const connect = async ({ url, client }) => {
  if (client === 'ioredis') {
    const redis = new Redis(url, { lazyConnect: true });
    redis.on('error', () => {});
    await redis.connect();
    return { redis, close: () => redis.disconnect() };
  }
  const redis = createClient({ url });
  redis.on('error', () => {});
  await redis.connect();
  return { redis, close: () => redis.destroy() };
};

/** @param settings { url, client: 'node-redis' | 'ioredis' } */
export const createTimedRedisStore = async (settings) => {
  const { redis, close } = await connect(settings);
  const store = createRedisRateLimitStore({ client: redis });
  let roundTripsMs = [];
  let released = 0;
  return {
    store: {
      reservePlace: async (window, nowMs) => {
        const started = performance.now();
        let place;
        try {
          place = await store.reservePlace(window, nowMs);
        } finally {
          roundTripsMs.push(performance.now() - started);
        }
        if (typeof place === 'number') return place;
        return {
          waitMs: place.waitMs,
          release: () => {
            released += 1;
            return place.release();
          },
        };
      },
    },
    reset: () => {
      roundTripsMs = [];
      released = 0;
    },
    /** Reservations made, places given back, and each reservation's round trip in ms. */
    figures: () => ({ reservations: roundTripsMs.length, released, roundTripsMs }),
    close,
  };
};
