import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { failure } from './api-answer.js';
import { createApiContext } from './api-context.js';
import { answerApiRequest } from './api-request-answer.js';
import { type EmulatorClock, systemClock } from './clock.js';
import { controlPathPrefix, handleControl } from './control-api.js';
import type { EmulatorOptions } from './emulator-options.js';
import { EmulatorState } from './emulator-state.js';
import { type EmulatorStats, StatsRecorder } from './emulator-stats.js';
import { createFaultQueue, type Fault, type FaultQueue } from './faults.js';
import {
  BodyTooLargeError,
  readBody,
  sendBadGateway,
  sendJson,
  sendTruncatedJson,
} from './http-io.js';
import { clientErrorAnswer, connectAnswer } from './http-level-answer.js';
import { readRequestTarget } from './request-target.js';
import { resolveEmulatorOptions } from './resolve-emulator-options.js';
import type { EmulatorSeed } from './seed.js';
import { serveInTurn } from './serve-in-turn.js';
import type { SpecOperation } from './spec-facts.js';

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
  const apiContext = createApiContext(settings, state, clock);
  const { limiters } = apiContext;
  const recorder = new StatsRecorder();
  const stats = () => recorder.snapshot(limiters.busiestWindow());
  const resetStats = () => {
    recorder.reset();
    limiters.reset();
  };
  const timers = new Set<NodeJS.Timeout>();

  const serveFault = (fault: Fault, response: ServerResponse): boolean => {
    if (fault.kind === 'drop') response.socket?.destroy();
    else if (fault.kind === 'html502') sendBadGateway(response);
    else if (fault.kind === 'systemError')
      sendJson(response, 200, failure(10002, 'injected fault'));
    else if (fault.kind === 'apiError')
      sendJson(response, 200, failure(fault.code as number, 'injected fault'));
    return fault.kind !== 'latency' && fault.kind !== 'truncate';
  };

  const serveApi = async (
    request: IncomingMessage,
    response: ServerResponse,
    operation: SpecOperation,
    query: string,
  ) => {
    recorder.apiCall();
    const fault = faults.take();
    // Counted when taken: a latency fault whose client gave up still happened.
    if (fault) recorder.fault(fault.kind);
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
    const body = answerApiRequest(apiContext, operation, {
      method: request.method,
      query,
      rawBody,
    });
    // A truncated answer never arrives whole, so it is a fault, not an answer.
    if (fault?.kind === 'truncate') sendTruncatedJson(response, body);
    else {
      recorder.answered(body.ErrorCode);
      sendJson(response, 200, body);
    }
  };

  const serveRequest = async (request: IncomingMessage, response: ServerResponse) => {
    const target = readRequestTarget(request.url ?? '');
    const operation = target && settings.spec.operationAt(target.path);
    if (request.httpVersion === '1.1' && request.headers.host === undefined) {
      // RFC 9112 section 3.2: 400 for an HTTP/1.1 request without Host. Node would
      // send it with an empty body; the emulator checks itself to send the API's shape.
      response.setHeader('connection', 'close');
      sendJson(response, 400, failure(60002, 'an HTTP/1.1 request needs a Host header'));
    } else if (target?.path.startsWith(controlPathPrefix)) {
      recorder.controlCall();
      const path = target.path.slice(controlPathPrefix.length);
      await handleControl({ state, faults, stats, resetStats }, request, response, path);
    } else if (target && operation) {
      await serveApi(request, response, operation, target.query);
    } else {
      await readBody(request).catch(() => undefined);
      const answer = target
        ? failure(60009, 'the spec has no operation at this path')
        : failure(60002, 'the request target is neither a path nor a URL');
      sendJson(response, 200, answer);
    }
  };

  // One request at a time per connection: pipelined requests wait for the answer
  // before them to drain, so a client that never reads cannot pile up answers.
  const listener = serveInTurn((request: IncomingMessage, response: ServerResponse) => {
    serveRequest(request, response).catch((error: Error) => {
      // Never crash the server on one bad request: answer as the API's gateway would,
      // unless the answer is under way (cut it) or the connection is closing already
      // (clientError answered it).
      if (response.headersSent) response.socket?.destroy();
      else if (response.socket?.writable) sendJson(response, 200, failure(60008, error.message));
    });
  });
  // Node checks the Host header itself unless told not to (see serveRequest).
  const server = createServer({ requireHostHeader: false }, listener);
  // An Expect other than 100-continue: Node would answer 417 with no body. RFC 9110
  // section 10.1.1 lets a server ignore it, so the request is answered as any other.
  server.on('checkExpectation', listener);
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    // As Node's own handler does, never write into an answer that has begun.
    const inFlight = (socket as Duplex & { _httpMessage?: ServerResponse | null })._httpMessage;
    if (socket.writable && !inFlight?.headersSent) socket.end(clientErrorAnswer(error));
    else socket.destroy();
  });
  server.on('connect', (_request: IncomingMessage, socket: Duplex) => {
    // Node hands a CONNECT socket over without its error listener: a reset from the
    // client would otherwise be an uncaught error.
    socket.on('error', () => socket.destroy());
    socket.end(connectAnswer());
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
