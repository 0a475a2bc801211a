import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { isolatedEnv } from './run-command.js';

export interface LocalRegistry {
  /** `http://127.0.0.1:PORT/` */
  url: string;
  /** A publish token of the registry's one user, created at start. */
  token: string;
  /** Temporary folder of the config, the htpasswd file and the storage. */
  dir: string;
  /** Stops the registry (SIGTERM, SIGKILL after 5 s) and removes its folder. */
  stop: () => Promise<void>;
}

/**
 * Verdaccio's config: storage in the temporary folder, no uplinks (the packages
 * it serves are only those published to it, nothing is fetched from elsewhere),
 * anyone may read, the one htpasswd user created at start may publish.
 */
const config = `storage: ./storage
auth:
  htpasswd:
    file: ./htpasswd
    max_users: 1
uplinks: {}
packages:
  '**':
    access: $all
    publish: $authenticated
    unpublish: $authenticated
log: { type: stdout, format: pretty, level: warn }
`;

const verdaccioBin = (): string => {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('verdaccio/package.json')), 'bin', 'verdaccio');
};

/** A port that was free a moment ago: Verdaccio's --listen takes no port 0. */
const freeLoopbackPort = async (): Promise<number> => {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  await once(server, 'close');
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
};

const stopProcess = async (child: ChildProcess): Promise<void> => {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(killer);
};

/** Creates the user through the registry's login API (what `npm adduser` calls). */
const createUser = async (url: string): Promise<string> => {
  const response = await fetch(new URL('-/user/org.couchdb.user:release-test', url), {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'release-test', password: 'release-test-password' }),
    signal: AbortSignal.timeout(10_000),
  });
  const body = (await response.json()) as { token?: string };
  if (!response.ok || typeof body.token !== 'string') {
    throw new Error(`creating the registry user failed: ${response.status}`);
  }
  return body.token;
};

/**
 * Starts Verdaccio on a free loopback port with a temporary config and storage,
 * waits (at most `readyTimeoutMs`) until it answers its ping, and creates the
 * user that publishes.
 */
export const startLocalRegistry = async (readyTimeoutMs = 60_000): Promise<LocalRegistry> => {
  const dir = await realpath(await mkdtemp(join(tmpdir(), 'avchatroom-registry-')));
  await writeFile(join(dir, 'config.yaml'), config);
  const port = await freeLoopbackPort();
  const url = `http://127.0.0.1:${port}/`;
  const child = spawn(
    process.execPath,
    [verdaccioBin(), '--config', join(dir, 'config.yaml'), '--listen', `127.0.0.1:${port}`],
    { cwd: dir, env: isolatedEnv(), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const collect = (chunk: Buffer) => {
    output = `${output}${chunk.toString('utf8')}`.slice(-4000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const stop = async () => {
    await stopProcess(child);
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const deadline = Date.now() + readyTimeoutMs;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`Verdaccio exited (${child.exitCode})`);
      const ready = await fetch(new URL('-/ping', url), { signal: AbortSignal.timeout(2_000) })
        .then((response) => response.ok)
        .catch(() => false);
      if (ready) break;
      if (Date.now() > deadline) throw new Error(`Verdaccio not ready in ${readyTimeoutMs} ms`);
      await sleep(100);
    }
    return { url, token: await createUser(url), dir, stop };
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}; its output:\n${output}`);
  }
};

export interface Packument {
  'dist-tags': Record<string, string>;
  versions: Record<string, unknown>;
}

/** A package's registry document (its versions and dist-tags), or undefined when absent. */
export const readPackument = async (
  registry: string,
  name: string,
): Promise<Packument | undefined> => {
  const response = await fetch(new URL(name.replace('/', '%2f'), registry), {
    signal: AbortSignal.timeout(10_000),
  });
  if (response.status === 404) return undefined;
  if (!response.ok) throw new Error(`GET ${name} from ${registry}: ${response.status}`);
  return (await response.json()) as Packument;
};
