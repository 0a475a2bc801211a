// The client against a server that lies or attacks (support/hostile-server.ts):
// each call runs in a child process of its own, and each scenario asserts the
// error, the requests each server saw, the wall time, the child's memory
// growth and that nothing it printed holds a secret (issue: hostile servers).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type HostileBehaviour,
  type HostileServer,
  startHostileServer,
} from './support/hostile-server.js';
import { LeakLedger } from './support/secret-leaks.js';
import { createSentinelApp, sentinelUserSig } from './support/sentinel-app.js';

const childScript = fileURLToPath(new URL('./support/hostile-client-child.mjs', import.meta.url));

interface ChildResult {
  ok: boolean;
  errorName?: string;
  fields?: Record<string, unknown>;
  messageLength?: number;
  printed?: string[];
  logLines: string[];
  sentUserSigs: string[];
  requests: number;
  elapsedMs: number;
  baselineRss: number;
  peakRss: number;
}

const runChild = (scenario: object, timeoutMs = 60_000): Promise<ChildResult> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childScript, JSON.stringify(scenario)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk) => {
      stderr = (stderr + chunk).slice(-2_000);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      const line = stdout.trim().split('\n').at(-1) ?? '';
      if (code !== 0 || line === '') {
        reject(new Error(`client child ended with ${code ?? signal}: ${stderr.trim()}`));
        return;
      }
      resolve(JSON.parse(line) as ChildResult);
    });
  });

const megabytes = 1024 * 1024;

interface Scenario {
  behaviour: HostileBehaviour;
  credential: 'secretKey' | 'userSig';
  options?: Record<string, unknown>;
  quoteUrlInErrors?: boolean;
  want: { errorName: string; fields?: Record<string, unknown> };
  /** Requests the hostile server and the other origin saw. */
  wantRequests: { hostile: number; elsewhere: number };
  /** The child's peak RSS over its start, in MB. @default 64 */
  maxRssGrowthMb?: number;
}

const scenarios: Scenario[] = [
  {
    behaviour: 'endless',
    credential: 'secretKey',
    want: { errorName: 'ChatResponseTooLargeError', fields: { status: 200, attempts: 1 } },
    wantRequests: { hostile: 1, elsewhere: 0 },
  },
  {
    behaviour: 'huge-valid',
    credential: 'secretKey',
    want: { errorName: 'ChatResponseTooLargeError', fields: { status: 200, attempts: 1 } },
    wantRequests: { hostile: 1, elsewhere: 0 },
  },
  {
    behaviour: 'huge-html',
    credential: 'secretKey',
    want: { errorName: 'ChatResponseTooLargeError', fields: { attempts: 1 } },
    wantRequests: { hostile: 1, elsewhere: 0 },
  },
  {
    // Under the byte cap, past the spec's maxItems: one issue, not a million.
    // JSON.parse makes 680,000 objects of the 2 MB body, about 85 MB in V8: the
    // most a body under the default cap can cost.
    behaviour: 'huge-invalid',
    credential: 'secretKey',
    maxRssGrowthMb: 150,
    want: { errorName: 'ChatResponseValidationError', fields: { issueCount: 1, attempts: 1 } },
    wantRequests: { hostile: 1, elsewhere: 0 },
  },
  ...(['secretKey', 'userSig'] as const).map(
    (credential): Scenario => ({
      behaviour: 'echo-url',
      credential,
      want: { errorName: 'ChatHttpError', fields: { status: 502, attempts: 3 } },
      wantRequests: { hostile: 3, elsewhere: 0 },
    }),
  ),
  ...(['secretKey', 'userSig'] as const).map(
    (credential): Scenario => ({
      behaviour: 'reset',
      credential,
      quoteUrlInErrors: true,
      want: { errorName: 'ChatConnectionError', fields: { attempts: 3 } },
      wantRequests: { hostile: 3, elsewhere: 0 },
    }),
  ),
  ...(['redirect-307', 'redirect-302'] as const).map(
    (behaviour): Scenario => ({
      behaviour,
      credential: 'secretKey',
      want: {
        errorName: 'ChatHttpError',
        fields: { status: Number(behaviour.slice(-3)), attempts: 1 },
      },
      wantRequests: { hostile: 1, elsewhere: 0 },
    }),
  ),
  {
    behaviour: 'redirect-loop',
    credential: 'secretKey',
    want: { errorName: 'ChatHttpError', fields: { status: 307, attempts: 1 } },
    wantRequests: { hostile: 1, elsewhere: 0 },
  },
];

describe('the client against a hostile server', () => {
  let server: HostileServer;
  const ledger = new LeakLedger('hostile servers');
  const figures: string[] = [];
  beforeAll(async () => {
    server = await startHostileServer();
  });
  afterAll(async () => {
    await server.close();
    console.log(
      `hostile servers: scenario, outcome, wall ms, child RSS growth MB, server bytes\n${figures.join('\n')}`,
    );
    console.log(ledger.summary());
  });

  it.each(scenarios)('$behaviour ($credential)', async (scenario) => {
    const app = createSentinelApp();
    const credential =
      scenario.credential === 'secretKey'
        ? { secretKey: app.secretKey }
        : { userSig: await sentinelUserSig(app) };
    server.requests.clear();
    const startedAt = performance.now();
    const result = await runChild({
      options: {
        sdkAppId: app.sdkAppId,
        identifier: app.admin,
        baseUrl: `${server.url}/${scenario.behaviour}`,
        ...credential,
        ...scenario.options,
      },
      quoteUrlInErrors: scenario.quoteUrlInErrors ?? false,
    });
    const wallMs = performance.now() - startedAt;
    const growthMb = (result.peakRss - result.baselineRss) / megabytes;
    figures.push(
      `${scenario.behaviour} (${scenario.credential}): ${result.errorName ?? 'resolved'} ${JSON.stringify(result.fields ?? {})}, ${Math.round(wallMs)} ms, +${growthMb.toFixed(1)} MB, ${server.bytesSent.get(scenario.behaviour) ?? 0} bytes`,
    );

    expect(result.ok).toBe(false);
    expect(result.errorName).toBe(scenario.want.errorName);
    expect(result.fields).toMatchObject(scenario.want.fields ?? {});
    expect(result.messageLength).toBeLessThan(2_000);
    // Every request the client made went through its sender (and its rate limit).
    expect(result.requests).toBe(scenario.wantRequests.hostile);
    expect(server.requests.get(scenario.behaviour) ?? 0).toBe(scenario.wantRequests.hostile);
    expect(server.requests.get('elsewhere') ?? 0).toBe(scenario.wantRequests.elsewhere);
    // Generous: retries wait real back-offs (up to 3 s in all), on a loaded machine.
    expect(wallMs).toBeLessThan(30_000);
    expect(growthMb).toBeLessThan(scenario.maxRssGrowthMb ?? 64);

    const secrets = [app.secretKey, ...Object.values(credential), ...result.sentUserSigs];
    const leaks = ledger.check([...(result.printed ?? []), ...result.logLines], secrets);
    expect(leaks).toEqual([]);
  });

  it('stops reading an endless body: the server wrote a bounded amount', () => {
    // The client closes the connection at its cap (2,048,000 bytes by default);
    // socket buffers let the server write a little more before it notices.
    for (const behaviour of ['endless', 'huge-valid', 'huge-html'] as const) {
      expect(server.bytesSent.get(behaviour) ?? 0).toBeLessThan(40 * megabytes);
    }
  });
});
