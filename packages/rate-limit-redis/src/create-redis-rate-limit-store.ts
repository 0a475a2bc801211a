import {
  createMemoryRateLimitStore,
  type RateLimitPlace,
  type RateLimitStore,
  type RateLimitWindow,
} from '@avchatroom/client';
import { RateLimitStoreUnavailableError } from './rate-limit-store-unavailable-error.js';
import { type RedisClientLike, scriptRunnerFor } from './redis-client-adapter.js';
import { redisRateLimitKeys } from './redis-keys.js';
import { releasePlace, reservePlace } from './reserve-place-script.js';
import { runScript } from './run-script.js';

/** The store's defaults, in one place. */
export const redisRateLimitStoreDefaults = {
  keyPrefix: 'avchatroom:rate-limit:',
  /**
   * Redis answers in well under a millisecond; a second means it is stuck or
   * unreachable, and a call should fail rather than wait on it.
   */
  timeoutMs: 1_000,
} as const;

export interface RedisRateLimitStoreOptions {
  /**
   * A connected node-redis client (`await createClient().connect()`, or
   * `createCluster`) or an ioredis client (`new Redis()`, `new Cluster()`).
   * The store never connects, disconnects or reconfigures it.
   */
  client: RedisClientLike;
  /**
   * Put before every key; the window's key (`getMembers:SDKAppID`) follows as
   * the hash tag. No `{` or `}`.
   * @default 'avchatroom:rate-limit:'
   */
  keyPrefix?: string;
  /**
   * Milliseconds to wait for Redis's answer before the place counts as
   * unavailable.
   * @default 1000
   */
  timeoutMs?: number;
  /**
   * What happens when Redis cannot reserve a place (the client is not ready,
   * Redis does not answer in `timeoutMs`, or the command fails). Without it the
   * store fails closed: it throws `RateLimitStoreUnavailableError` and the call
   * is not sent, so the shared quota is never exceeded. With `{ share }` it
   * reserves from a window in this process at `share` of the limit instead (at
   * least one call per window), e.g. `1 / 3` for three processes; calls go on
   * while Redis is down, and the processes together stay within the limit if
   * their shares add up to at most 1.
   * @default undefined (fail closed)
   */
  localFallback?: { share: number };
}

const isPositiveInteger = (value: unknown): value is number =>
  Number.isSafeInteger(value) && (value as number) > 0;

const checkOptions = (options: RedisRateLimitStoreOptions): string[] => {
  const problems: string[] = [];
  const { keyPrefix, timeoutMs, localFallback } = options;
  if (keyPrefix !== undefined && (typeof keyPrefix !== 'string' || /[{}]/.test(keyPrefix))) {
    problems.push('options.keyPrefix must be a string without { or }');
  }
  if (timeoutMs !== undefined && !(isPositiveInteger(timeoutMs) && timeoutMs <= 2_147_483_647)) {
    problems.push('options.timeoutMs must be a positive integer of milliseconds');
  }
  if (localFallback !== undefined) {
    const share = (localFallback as { share?: unknown } | null)?.share;
    if (!(typeof share === 'number' && share > 0 && share <= 1)) {
      problems.push('options.localFallback.share must be a number above 0 and at most 1');
    }
  }
  return problems;
};

const checkWindow = ({ key, limit, windowMs, burst }: RateLimitWindow): void => {
  if (
    typeof key !== 'string' ||
    !isPositiveInteger(limit) ||
    !(Number.isFinite(windowMs) && windowMs > 0) ||
    !isPositiveInteger(burst)
  ) {
    throw new TypeError(
      'createRedisRateLimitStore: a window needs a string key, a positive integer limit and burst, and a positive windowMs',
    );
  }
};

/** The promise's outcome, or a timeout error; a late outcome is dropped, never unhandled. */
const withinTimeout = <T>(promise: Promise<T>, timeoutMs: number, windowKey: string): Promise<T> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(
        new RateLimitStoreUnavailableError(
          'timeout',
          windowKey,
          `Redis did not answer within ${timeoutMs} ms`,
        ),
      );
    }, timeoutMs);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });

const describe = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/**
 * A `RateLimitStore` in Redis, for every process and machine on one SDKAppID:
 * give each client `rateLimit: { store }`. Each call runs one atomic script
 * (one round trip) that reserves its place on Redis's clock, in a sliding
 * window with pacing, the same rule as the client's memory store.
 */
export const createRedisRateLimitStore = (options: RedisRateLimitStoreOptions): RateLimitStore => {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('createRedisRateLimitStore: options must be an object with a client');
  }
  const runner = scriptRunnerFor(options.client);
  const problems = checkOptions(options);
  if (problems.length > 0) {
    throw new TypeError(`createRedisRateLimitStore: bad options: ${problems.join('; ')}`);
  }
  const keyPrefix = options.keyPrefix ?? redisRateLimitStoreDefaults.keyPrefix;
  const timeoutMs = options.timeoutMs ?? redisRateLimitStoreDefaults.timeoutMs;
  const share = options.localFallback?.share;
  const localStore = share === undefined ? undefined : createMemoryRateLimitStore();

  const reserveInRedis = async (
    window: RateLimitWindow,
    leadMs: number,
  ): Promise<RateLimitPlace> => {
    const notReady = runner.notReady();
    if (notReady !== undefined) {
      throw new RateLimitStoreUnavailableError(
        'not-ready',
        window.key,
        `the Redis client is ${notReady}`,
      );
    }
    const keys = redisRateLimitKeys(keyPrefix, window.key);
    const args = [window.limit, window.windowMs, window.burst, leadMs].map(String);
    let answer: unknown;
    try {
      answer = await withinTimeout(
        runScript(runner, reservePlace, [keys.places, keys.pacing], args),
        timeoutMs,
        window.key,
      );
    } catch (error) {
      if (error instanceof RateLimitStoreUnavailableError) throw error;
      throw new RateLimitStoreUnavailableError('command-failed', window.key, describe(error), {
        cause: error,
      });
    }
    const [waitUs, member] = Array.isArray(answer) ? answer : [];
    if (typeof waitUs !== 'number' || !(waitUs >= 0) || typeof member !== 'string') {
      throw new RateLimitStoreUnavailableError(
        'command-failed',
        window.key,
        'the script answered something other than [wait in microseconds, place]',
      );
    }
    return {
      waitMs: waitUs / 1000,
      // One more round trip, only for a place its caller cannot use; if it
      // fails, the place stays taken until it leaves the window.
      release: () =>
        withinTimeout(
          runScript(runner, releasePlace, [keys.places], [member]),
          timeoutMs,
          window.key,
        ).then(() => undefined),
    };
  };

  return {
    reservePlace: async (window, nowMs) => {
      checkWindow(window);
      // The caller's clock matters only as a lead: a time a little ahead of
      // this machine's clock asks for a place no earlier than that (Redis
      // adds it to its own time). Anything else is skew, and ignored.
      const aheadMs = nowMs - Date.now();
      const leadMs = aheadMs > 0 && aheadMs <= window.windowMs ? aheadMs : 0;
      try {
        return await reserveInRedis(window, leadMs);
      } catch (error) {
        if (share === undefined || !localStore) throw error;
        const limit = Math.max(1, Math.floor(window.limit * share));
        const local = { ...window, limit, burst: Math.min(window.burst, limit) };
        // Time passed while Redis failed: a local place counts from now (plus
        // the caller's lead), and the answer from the caller's nowMs.
        const fromMs = Date.now() + leadMs;
        const answer = localStore.reservePlace(local, fromMs) as number | RateLimitPlace;
        const shiftMs = fromMs - nowMs;
        return typeof answer === 'number'
          ? answer + shiftMs
          : { waitMs: answer.waitMs + shiftMs, release: answer.release };
      }
    },
  };
};
