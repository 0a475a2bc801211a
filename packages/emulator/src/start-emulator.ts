import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { failure } from './api-answer.js';
import { createCallRateLimiter } from './call-rate-limiter.js';
import { type EmulatorClock, systemClock } from './clock.js';
import { controlPathPrefix, handleControl } from './control-api.js';
import type { EmulatorOptions } from './emulator-options.js';
import { EmulatorState } from './emulator-state.js';
import { type EmulatorStats, StatsRecorder } from './emulator-stats.js';
import { createFaultQueue, type Fault, type FaultQueue } from './faults.js';
import { answerGetMembers, type GetMembersContext } from './get-members-handler.js';
import {
  BodyTooLargeError,
  readBody,
  sendBadGateway,
  sendJson,
  sendTruncatedJson,
} from './http-io.js';
import { resolveEmulatorOptions } from './resolve-emulator-options.js';
import type { EmulatorSeed } from './seed.js';
import { apiPath } from './spec-facts.js';

/** A running emulator. */
export interface RunningEmulator {
  /** Base URL, such as `http://127.0.0.1:41234`: give it to a client as `baseUrl`. */
  url: string;
  /** Closes every connection and the server. Safe to call twice. */
  stop: () => Promise<void>;
  /** The seed it serves (with the apps' secret keys, for signing UserSigs in tests). */
  seed: EmulatorSeed;
  /** Apps and groups: join, leave, ground truth, snapshot refresh. */
  state: EmulatorState;
  /** Faults waiting for the next API calls. */
  faults: FaultQueue;
  clock: EmulatorClock;
  stats: () => EmulatorStats;
  resetStats: () => void;
}

const wait = (ms: number, timers: Set<NodeJS.Timeout>): Promise<void> =>
  new Promise((resolve) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      resolve();
    }, ms);
    timers.add(timer);
  });

/** Starts the emulator on a loopback port and resolves once it is listening. */
export const startEmulator = async (options: EmulatorOptions = {}): Promise<RunningEmulator> => {
  const settings = resolveEmulatorOptions(options);
  const clock = options.clock ?? systemClock;
  const state = new EmulatorState(settings.seed, clock);
  const faults = createFaultQueue(options.faults ?? []);
  const limiter = createCallRateLimiter(settings.callsPerSecond);
  const recorder = new StatsRecorder();
  const stats = () => recorder.snapshot(limiter.busiestWindow());
  const resetStats = () => {
    recorder.reset();
    limiter.reset();
  };
  const apiContext: GetMembersContext = { state, clock, limiter, settings };
  const timers = new Set<NodeJS.Timeout>();

  const serveFault = (fault: Fault, response: ServerResponse): boolean => {
    recorder.fault(fault.kind);
    if (fault.kind === 'drop') response.socket?.destroy();
    else if (fault.kind === 'html502') sendBadGateway(response);
    else if (fault.kind === 'systemError')
      sendJson(response, 200, failure(10002, 'injected fault'));
    else if (fault.kind === 'apiError')
      sendJson(response, 200, failure(fault.code as number, 'injected fault'));
    return fault.kind !== 'latency' && fault.kind !== 'truncate';
  };

  const serveApi = async (request: IncomingMessage, response: ServerResponse, url: URL) => {
    recorder.apiCall();
    const fault = faults.take();
    let rawBody: Buffer | undefined;
    try {
      rawBody = await readBody(request);
    } catch (error) {
      if (!(error instanceof BodyTooLargeError)) throw error;
    }
    const delay = settings.latencyMs + (fault?.kind === 'latency' ? fault.ms : 0);
    if (delay > 0) await wait(delay, timers);
    if (response.destroyed) return;
    if (fault && serveFault(fault, response)) return;
    let body: ReturnType<typeof answerGetMembers>;
    if (rawBody === undefined) body = failure(60002, 'the body is larger than 64 KiB');
    else if (request.method !== 'POST') body = failure(60002, 'REST APIs take POST only');
    else body = answerGetMembers(apiContext, url.searchParams, rawBody);
    recorder.answered(body.ErrorCode);
    if (fault?.kind === 'truncate') sendTruncatedJson(response, body);
    else sendJson(response, 200, body);
  };

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://emulator.invalid');
    const handle = async () => {
      if (url.pathname.startsWith(controlPathPrefix)) {
        recorder.controlCall();
        const path = url.pathname.slice(controlPathPrefix.length);
        await handleControl({ state, faults, stats, resetStats }, request, response, path);
      } else if (url.pathname === apiPath) {
        await serveApi(request, response, url);
      } else {
        await readBody(request).catch(() => undefined);
        sendJson(response, 200, failure(60009, `the emulator serves only ${apiPath}`));
      }
    };
    handle().catch((error: Error) => {
      // Never crash the server on one bad request: answer as the API's gateway would.
      if (!response.headersSent && !response.destroyed)
        sendJson(response, 200, failure(60008, error.message));
      else response.socket?.destroy();
    });
  });
  server.on('clientError', (_error, socket) => {
    if (socket.writable)
      socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(settings.port, settings.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = settings.host.includes(':') ? `[${settings.host}]` : settings.host;
  let stopped: Promise<void> | undefined;
  const stop = () => {
    stopped ??= new Promise<void>((resolve) => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      server.close(() => resolve());
      server.closeAllConnections();
    });
    return stopped;
  };
  return {
    url: `http://${host}:${port}`,
    stop,
    seed: settings.seed,
    state,
    faults,
    clock,
    stats,
    resetStats,
  };
};
