// The fix for several processes on one SDKAppID (packages/client/README.md,
// "Rate limit": implement RateLimitStore.reservePlace() over a shared store): a tiny
// loopback HTTP service holding the call log, and the RateLimitStore that asks
// it for a place for each call. The service keeps the client's own sliding
// window (createMemoryRateLimitStore), so both processes count against one window.
import { Agent, createServer, request } from 'node:http';
import { createMemoryRateLimitStore } from '@avchatroom/client';

/** Serves POST /acquire { window, nowMs } -> { waitMs } on a free loopback port. */
export const startRateLimitService = async () => {
  const store = createMemoryRateLimitStore();
  let requests = 0;
  const server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      if (request.method !== 'POST' || request.url !== '/acquire') {
        response.writeHead(404).end();
        return;
      }
      const { window, nowMs } = JSON.parse(body);
      requests += 1;
      const waitMs = store.reservePlace(window, nowMs);
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ waitMs }));
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/acquire`,
    requests: () => requests,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};

/**
 * A RateLimitStore whose call log lives in the service at `url`. It uses node:http
 * with a keep-alive Agent rather than fetch: on Node 20, fetch costs several
 * times more CPU per request, which on a busy machine delayed the answers
 * enough to leave the window idle.
 */
export const createHttpRateLimitStore = (url) => {
  const agent = new Agent({ keepAlive: true });
  const post = (body) =>
    new Promise((resolve, reject) => {
      const outgoing = request(url, {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      });
      outgoing.setTimeout(5_000, () =>
        outgoing.destroy(new Error('rate-limit service: no answer')),
      );
      outgoing.on('error', reject);
      outgoing.on('response', (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => {
          text += chunk;
        });
        response.on('error', reject);
        response.on('end', () =>
          response.statusCode === 200
            ? resolve(JSON.parse(text))
            : reject(new Error(`rate-limit service: HTTP ${response.statusCode}`)),
        );
      });
      outgoing.end(body);
    });
  return {
    reservePlace: async (window, nowMs) => {
      const { waitMs } = await post(JSON.stringify({ window, nowMs }));
      // The wait counts from nowMs and the round trip has used part of it.
      return Math.max(0, waitMs - (Date.now() - nowMs));
    },
  };
};
