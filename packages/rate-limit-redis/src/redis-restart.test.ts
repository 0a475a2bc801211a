// Redis stopped and restarted (same port, no persistence) in the middle of a
// run of real client calls: every call either succeeds or throws the store's
// typed error, none hangs, nothing rejects unhandled, and calls succeed again
// once Redis is back (the restarted server has lost the script: NOSCRIPT, then
// EVAL). With a local fallback every call succeeds.
import { type ChatClient, createChatClient } from '@avchatroom/client';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ConnectedClient, connectClient, redisClientKinds } from '../test/redis-clients.js';
import { type RedisServer, startRedisServer } from '../test/redis-server.js';
import { createRedisRateLimitStore, RateLimitStoreUnavailableError } from './index.js';

const page = JSON.stringify({
  ActionStatus: 'OK',
  ErrorCode: 0,
  ErrorInfo: '',
  MemberList: [{ Member_Account: 'user1', JoinTime: 1_700_000_000 }],
  NextTimestamp: 0,
});
// The API itself is not the subject here: an in-process fetch answers at once.
const answeringFetch: typeof fetch = async () =>
  new Response(page, { headers: { 'content-type': 'application/json' } });

const servers: RedisServer[] = [];
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
beforeEach(() => {
  unhandled.length = 0;
  process.on('unhandledRejection', onUnhandled);
});
afterEach(() => {
  process.off('unhandledRejection', onUnhandled);
});
afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Outcomes {
  ok: number;
  unavailable: number;
  other: unknown[];
  /** Outcomes in order of settling: 'ok' or the error's failure. */
  timeline: string[];
}

/** 8 loops of calls until `until()` says stop; each call is bounded by a 10 s signal. */
const runCalls = async (client: ChatClient, until: () => boolean): Promise<Outcomes> => {
  const outcomes: Outcomes = { ok: 0, unavailable: 0, other: [], timeline: [] };
  const loop = async () => {
    while (!until()) {
      try {
        await client.getMembers({ groupId: '@TGS#aRestart', signal: AbortSignal.timeout(10_000) });
        outcomes.ok += 1;
        outcomes.timeline.push('ok');
      } catch (error) {
        if (error instanceof RateLimitStoreUnavailableError) {
          outcomes.unavailable += 1;
          outcomes.timeline.push(error.failure);
          await sleep(20);
        } else outcomes.other.push(error);
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, loop));
  return outcomes;
};

describe.each(redisClientKinds)('Redis restarted mid-run, with %s', (kind) => {
  it.each([
    ['fails closed', undefined],
    ['falls back to a local share', { share: 0.5 }],
  ])('%s', async (_name, localFallback) => {
    let server = await startRedisServer();
    servers.push(server);
    const redis: ConnectedClient = await connectClient(kind, server.port);
    try {
      const store = createRedisRateLimitStore({
        client: redis.client,
        timeoutMs: 500,
        ...(localFallback && { localFallback }),
      });
      const client = createChatClient({
        sdkAppId: 1400000001,
        identifier: 'admin',
        userSig: 'test-usersig',
        baseUrl: 'https://chat.test',
        fetch: answeringFetch,
        rateLimit: { callsPerSecond: 100, store },
      });
      let stop = false;
      const started = Date.now();
      const run = runCalls(client, () => stop);
      await sleep(700);
      await server.stop();
      await sleep(700);
      server = await startRedisServer({ port: server.port });
      servers.push(server);
      // Long enough for the client to reconnect and calls to go through again.
      const backBy = Date.now() + 10_000;
      while (Date.now() < backBy) {
        await sleep(100);
        if (((await redis.command(['DBSIZE']).catch(() => -1)) as number) > 0) break;
      }
      await sleep(700);
      stop = true;
      const outcomes = await run;
      expect(outcomes.other).toEqual([]);
      expect(unhandled).toEqual([]);
      expect(Date.now() - started).toBeLessThan(25_000);
      // Before the stop and after the restart, calls went through Redis.
      expect(outcomes.timeline[0]).toBe('ok');
      expect(outcomes.timeline.at(-1)).toBe('ok');
      if (localFallback) expect(outcomes.unavailable).toBe(0);
      // Calls in flight when Redis stopped fail as command-failed, later ones
      // as not-ready (or timeout): all of them the store's typed error.
      else expect(outcomes.unavailable).toBeGreaterThan(0);
    } finally {
      await redis.close();
    }
  });
});
