// The benchmark's server, run in its own child process so its work (parsing
// requests, writing 57 KB answers) does not share the event loop, or the CPU
// profile, with the client being measured. It answers every POST with the same
// prebuilt page, so every variant receives byte-identical bodies.
//
// Started by start-members-page-server.mjs; prints its URL as the first line of
// stdout. It exits when the parent closes its stdin, so a parent that dies
// without cleaning up (SIGKILL, crash) never leaves it running.
import { createServer } from 'node:http';
import { buildMembersPage } from './members-page.mjs';

const body = Buffer.from(JSON.stringify(buildMembersPage()));
const answerHeaders = {
  'content-type': 'application/json; charset=utf-8',
  'content-length': String(body.length),
};
let answeredPosts = 0;

const server = createServer((request, response) => {
  // Drain the request body before answering, as a real server does.
  request.resume();
  request.on('end', () => {
    if (request.method === 'POST') {
      answeredPosts += 1;
      response.writeHead(200, answerHeaders).end(body);
    } else if (request.method === 'GET' && request.url === '/__stats') {
      // For the parent's sanity check: one POST per measured call, no retries.
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ answeredPosts, pageBytes: body.length }));
    } else {
      response.writeHead(405).end();
    }
  });
});
// Keep connections open across batches and rounds, so every variant reuses a
// warm keep-alive connection and no round pays for a TCP handshake.
server.keepAliveTimeout = 120_000;
server.headersTimeout = 121_000;

// Port 0: the OS picks a free port (4010 is used by other processes here).
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  process.stdout.write(`http://127.0.0.1:${port}\n`);
});

const stop = () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
  // Bounded: never linger more than a second after being told to stop.
  setTimeout(() => process.exit(0), 1000).unref();
};
process.stdin.on('end', stop);
process.stdin.on('error', stop);
process.stdin.resume();
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
