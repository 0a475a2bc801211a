// Both clients the store supports, connected to a test server, each with an
// error listener (an unhandled 'error' event would end the test process when
// the server stops).
import { Redis } from 'ioredis';
import { createClient } from 'redis';
import type { RedisClientLike } from '../src/index.js';

export interface ConnectedClient {
  client: RedisClientLike;
  /** Runs any command, for the tests' own checks. */
  command(args: string[]): Promise<unknown>;
  close(): Promise<void>;
}

export type RedisClientKind = 'node-redis' | 'ioredis';

export const redisClientKinds: RedisClientKind[] = ['node-redis', 'ioredis'];

export const connectClient = async (
  kind: RedisClientKind,
  port: number,
): Promise<ConnectedClient> => {
  if (kind === 'node-redis') {
    const client = createClient({
      url: `redis://127.0.0.1:${port}`,
      socket: { reconnectStrategy: () => 100 },
    });
    client.on('error', () => {});
    await client.connect();
    return {
      client,
      command: (args) => client.sendCommand(args),
      close: async () => {
        client.destroy();
      },
    };
  }
  const client = new Redis({
    host: '127.0.0.1',
    port,
    retryStrategy: () => 100,
    lazyConnect: true,
  });
  client.on('error', () => {});
  await client.connect();
  return {
    client,
    command: ([name, ...rest]) => client.call(name as string, ...rest),
    close: async () => {
      client.disconnect();
    },
  };
};
