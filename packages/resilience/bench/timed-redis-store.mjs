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
  return {
    store: {
      reservePlace: async (window, nowMs) => {
        const started = performance.now();
        try {
          return await store.reservePlace(window, nowMs);
        } finally {
          roundTripsMs.push(performance.now() - started);
        }
      },
    },
    reset: () => {
      roundTripsMs = [];
    },
    /** Reservations made (places taken) and each one's round trip in ms. */
    figures: () => ({ reservations: roundTripsMs.length, roundTripsMs }),
    close,
  };
};
