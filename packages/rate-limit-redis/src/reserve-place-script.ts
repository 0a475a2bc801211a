// The script behind every reservation, run atomically by Redis. Time is
// Redis's own (TIME), so processes on machines with skewed clocks share one
// window. Both keys carry the window's hash tag, so Redis Cluster keeps them in
// one slot. Times are microseconds.
import { createHash } from 'node:crypto';

export const reservePlaceScript = `
-- KEYS[1]: the places given (a sorted set, scored by reserved time)
-- KEYS[2]: the pacing state (a hash: tat, the next due time; seq, a counter)
-- ARGV: limit, windowMs, burst, leadMs (the caller cannot leave before now + lead)
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2]) * 1000
local burst = tonumber(ARGV[3])
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000000 + tonumber(clock[2])
local earliest = now + tonumber(ARGV[4]) * 1000
local interval = window / limit
-- A place two windows old matters to no caller, even one with a wider window.
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. string.format('%.17g', now - 2 * window))
local place = earliest
-- After every place already given, so places stay in the order callers asked.
local last = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
if last[2] then place = math.max(place, tonumber(last[2])) end
-- One window after the place limit back, so no window holds more than limit.
local back = redis.call('ZRANGE', KEYS[1], -limit, -limit, 'WITHSCORES')
if back[2] then place = math.max(place, tonumber(back[2]) + window) end
-- Pacing (GCRA): a burst, then one place every window / limit.
local tat = tonumber(redis.call('HGET', KEYS[2], 'tat') or now)
place = math.max(place, math.max(tat, now) - (burst - 1) * interval)
local seq = redis.call('HINCRBY', KEYS[2], 'seq', 1)
local member = string.format('%d:%.0f', seq, now)
redis.call('ZADD', KEYS[1], string.format('%.17g', place), member)
redis.call('HSET', KEYS[2], 'tat', string.format('%.17g', math.max(tat, place) + interval))
-- Idle keys go away two windows after their last place.
local ttl = math.ceil((place - now + 2 * window) / 1000) + 1
redis.call('PEXPIRE', KEYS[1], ttl)
redis.call('PEXPIRE', KEYS[2], ttl)
-- The wait counts from the earliest time the caller gave.
return { math.ceil(place - earliest), member }
`;

/**
 * Gives a place back (a caller that woke too late for it, or gave up):
 * KEYS[1] the places, ARGV[1] the member the reservation answered.
 */
export const releasePlaceScript = `return redis.call('ZREM', KEYS[1], ARGV[1])`;

/** A script and the SHA1 that EVALSHA names it by. */
export interface RedisScript {
  source: string;
  sha: string;
}

const scriptOf = (source: string): RedisScript => ({
  source,
  sha: createHash('sha1').update(source).digest('hex'),
});

export const reservePlace: RedisScript = scriptOf(reservePlaceScript);
export const releasePlace: RedisScript = scriptOf(releasePlaceScript);
