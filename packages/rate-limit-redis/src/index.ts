// @avchatroom/rate-limit-redis: the client's rate limit in Redis, one quota per
// SDKAppID shared by every process and machine.

export {
  createRedisRateLimitStore,
  type RedisRateLimitStoreOptions,
  redisRateLimitStoreDefaults,
} from './create-redis-rate-limit-store.js';
export {
  type RateLimitStoreFailure,
  RateLimitStoreUnavailableError,
} from './rate-limit-store-unavailable-error.js';
export type {
  IoRedisClientLike,
  NodeRedisClientLike,
  RedisClientLike,
} from './redis-client-adapter.js';
export { redisRateLimitKeys } from './redis-keys.js';
