// The fix for several processes on one SDKAppID (packages/client/README.md,
// "Rate limit": implement RateLimitStore.reserve() over a shared store): a tiny
// loopback HTTP service holding the token bucket, and the RateLimitStore that
// asks it for each call's slot. The service keeps the client's own GCRA
// (createMemoryRateLimitStore), so both processes draw from one bucket.
import { Agent, createServer, request } from 'node:http';
import { createMemoryRateLimitStore } from '@avchatroom/client';

/** Serves POST /reserve { bucket, nowMs } -> { waitMs } on a free loopback port. */
export const startRateLimitService = async () => {
  const store = createMemoryRateLimitStore();
  let reservations = 0;
  const server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      if (request.method !== 'POST' || request.url !== '/reserve') {
        response.writeHead(404).end();
        return;
      }
      const { bucket, nowMs } = JSON.parse(body);
      reservations += 1;
      const waitMs = store.reserve(bucket, nowMs);
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ waitMs }));
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/reserve`,
    reservations: () => reservations,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};

/**
 * A RateLimitStore whose bucket lives in the service at `url`. It uses node:http
 * with a keep-alive Agent rather than fetch: on Node 20, fetch costs several
 * times more CPU per request, which on a busy machine delayed reservations
 * enough to leave the bucket idle.
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
    reserve: async (bucket, nowMs) => {
      const { waitMs } = await post(JSON.stringify({ bucket, nowMs }));
      // The wait counts from nowMs; the round trip to the service has used part of it.
      return Math.max(0, waitMs - (Date.now() - nowMs));
    },
  };
};
