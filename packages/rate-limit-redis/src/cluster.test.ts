// Redis Cluster: a script may touch only keys of one hash slot. A one-node
// cluster holding every slot refuses a script over two slots (CROSSSLOT) as a
// real cluster does, so it proves the keys' hash tags.
import { Cluster } from 'ioredis';
import { createCluster } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectClient } from '../test/redis-clients.js';
import { type RedisServer, startRedisServer } from '../test/redis-server.js';
import { createRedisRateLimitStore, type RedisClientLike, redisRateLimitKeys } from './index.js';
import { reservePlaceScript } from './reserve-place-script.js';

let server: RedisServer;
beforeAll(async () => {
  server = await startRedisServer({ cluster: true });
  const admin = await connectClient('ioredis', server.port);
  try {
    await admin.command(['CLUSTER', 'ADDSLOTSRANGE', '0', '16383']);
    for (let tries = 0; tries < 100; tries += 1) {
      const info = (await admin.command(['CLUSTER', 'INFO'])) as string;
      if (info.includes('cluster_state:ok')) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('the one-node cluster did not reach cluster_state:ok');
  } finally {
    await admin.close();
  }
});
afterAll(async () => {
  await server?.stop();
});

const clusterClients: Record<
  string,
  () => Promise<{ client: RedisClientLike; close(): Promise<void> }>
> = {
  'node-redis createCluster': async () => {
    const cluster = createCluster({ rootNodes: [{ url: server.url }] });
    cluster.on('error', () => {});
    await cluster.connect();
    return { client: cluster, close: async () => cluster.destroy() };
  },
  'ioredis Cluster': async () => {
    const cluster = new Cluster([{ host: '127.0.0.1', port: server.port }], { lazyConnect: true });
    cluster.on('error', () => {});
    await cluster.connect();
    return { client: cluster, close: async () => cluster.disconnect() };
  },
};

describe('on Redis Cluster', () => {
  it("puts a window's keys in one slot, and windows in different slots", async () => {
    const admin = await connectClient('ioredis', server.port);
    try {
      const slotOf = async (key: string) => admin.command(['CLUSTER', 'KEYSLOT', key]);
      const first = redisRateLimitKeys('avchatroom:rate-limit:', 'getMembers:1400000001');
      const second = redisRateLimitKeys('avchatroom:rate-limit:', 'getMembers:1400000002');
      expect(await slotOf(first.places)).toBe(await slotOf(first.pacing));
      expect(await slotOf(first.places)).not.toBe(await slotOf(second.places));
      // The control: the same script over keys without the tag is refused.
      await expect(
        admin.command(['EVAL', reservePlaceScript, '2', 'places-a', 'pacing-b', '5', '1000', '5']),
      ).rejects.toThrow(/CROSSSLOT/);
    } finally {
      await admin.close();
    }
  });

  it.each(Object.keys(clusterClients))('reserves places through %s', async (name) => {
    const connect = clusterClients[name] as (typeof clusterClients)[string];
    const { client, close } = await connect();
    try {
      const store = createRedisRateLimitStore({ client });
      const window = { key: `getMembers:${name.length}`, limit: 2, windowMs: 500, burst: 2 };
      const answers = await Promise.all([0, 1, 2].map(() => store.reservePlace(window, 0)));
      const waits = answers.map((answer) => (typeof answer === 'number' ? answer : answer.waitMs));
      expect(waits.slice(0, 2)).toEqual([0, 0]);
      expect(waits[2]).toBeGreaterThan(400);
      expect(waits[2]).toBeLessThanOrEqual(500);
    } finally {
      await close();
    }
  });
});
