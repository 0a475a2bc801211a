// The two Redis clients the store accepts, seen through the three things it
// needs: run the script by its SHA, run it by its source, and whether the
// client says it is connected. Structural types, so neither package is
// imported (both are optional peer dependencies).

/** The part of a node-redis client (`createClient`, `createCluster`) the store uses. */
export interface NodeRedisClientLike {
  evalSha(sha1: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
  readonly isReady?: boolean;
}

/** The part of an ioredis client (`new Redis()`, `new Cluster()`) the store uses. */
export interface IoRedisClientLike {
  evalsha(sha1: string, numkeys: number, ...keysAndArgs: string[]): Promise<unknown>;
  eval(script: string, numkeys: number, ...keysAndArgs: string[]): Promise<unknown>;
  readonly status?: string;
}

/** A connected node-redis or ioredis client (a single node or a cluster). */
export type RedisClientLike = NodeRedisClientLike | IoRedisClientLike;

export interface ScriptRunner {
  /** The client's state when it is not ready for commands, or undefined when it is. */
  notReady(): string | undefined;
  evalSha(sha: string, keys: string[], args: string[]): Promise<unknown>;
  eval(script: string, keys: string[], args: string[]): Promise<unknown>;
}

const isNodeRedis = (client: RedisClientLike): client is NodeRedisClientLike =>
  typeof (client as Partial<NodeRedisClientLike>).evalSha === 'function';

const isIoRedis = (client: RedisClientLike): client is IoRedisClientLike =>
  typeof (client as Partial<IoRedisClientLike>).evalsha === 'function';

const lostStatuses = new Set(['reconnecting', 'close', 'end']);

/** Adapts either client; a TypeError for anything else. */
export const scriptRunnerFor = (client: RedisClientLike): ScriptRunner => {
  if (typeof client === 'object' && client !== null && isNodeRedis(client)) {
    return {
      notReady: () => (client.isReady === false ? 'not ready' : undefined),
      evalSha: (sha, keys, args) => client.evalSha(sha, { keys, arguments: args }),
      eval: (script, keys, args) => client.eval(script, { keys, arguments: args }),
    };
  }
  if (typeof client === 'object' && client !== null && isIoRedis(client)) {
    return {
      // Lost or closed; while it first connects ioredis queues the command
      // (bounded by the store's timeout), so a new client can be used at once.
      notReady: () =>
        client.status !== undefined && lostStatuses.has(client.status) ? client.status : undefined,
      evalSha: (sha, keys, args) => client.evalsha(sha, keys.length, ...keys, ...args),
      eval: (script, keys, args) => client.eval(script, keys.length, ...keys, ...args),
    };
  }
  throw new TypeError(
    'createRedisRateLimitStore: options.client must be a node-redis client (evalSha) or an ioredis client (evalsha)',
  );
};
