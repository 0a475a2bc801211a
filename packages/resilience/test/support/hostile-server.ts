// A server that lies or attacks, on 127.0.0.1 (port 0): what a broken proxy, a
// captive portal, a misconfigured base URL or a compromised mirror may send.
// The first path segment picks the behaviour, so a client's baseUrl
// `${url}/endless` gets an endless body on every call.
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the server does with a request, by the first segment of its path. */
export type HostileBehaviour =
  /** 200 and a JSON page that never ends. */
  | 'endless'
  /** 200 and a valid page of 1,250,000 members (about 60 MB). */
  | 'huge-valid'
  /** 200 and a page of 680,000 `{}` members: 2,040,000 bytes, the most under the client's cap. */
  | 'huge-invalid'
  /** 200 and 100 MB of HTML. */
  | 'huge-html'
  /** A 502 HTML page quoting the request's query percent-encoded, UserSig and all. */
  | 'echo-url'
  /** 307 and 302 to another origin (the `elsewhere` server). */
  | 'redirect-307'
  | 'redirect-302'
  /** 307 to itself, forever. */
  | 'redirect-loop'
  /** Drops the connection before answering. */
  | 'reset';

/** A bound on what one answer writes, so the server stops even if a client never does. */
const maxBytesPerAnswer = 200 * 1024 * 1024;

/** Writes `next()` chunks until it returns undefined, the client goes, or the bound is hit. */
const stream = async (
  response: ServerResponse,
  next: () => string | undefined,
  sent: { bytes: number },
): Promise<void> => {
  let closed = false;
  response.once('close', () => {
    closed = true;
  });
  for (let chunk = next(); chunk !== undefined && !closed; chunk = next()) {
    sent.bytes += Buffer.byteLength(chunk);
    if (sent.bytes > maxBytesPerAnswer) break;
    if (!response.write(chunk)) {
      await Promise.race([once(response, 'drain'), once(response, 'close')]);
    }
  }
  if (!closed) response.end();
};

/** `count` members, `perChunk` at a time, then `tail`. */
const memberChunks = (count: number, member: (index: number) => string, tail: string) => {
  let index = 0;
  let done = false;
  return () => {
    if (done) return undefined;
    if (index >= count) {
      done = true;
      return tail;
    }
    const end = Math.min(count, index + 5_000);
    const parts: string[] = [];
    for (; index < end; index += 1) parts.push(member(index));
    return `${parts.join(',')}${end < count ? ',' : ''}`;
  };
};

const pageHead = '{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":"","MemberList":[';
const pageTail = '],"NextTimestamp":0}';

export interface HostileServer {
  url: string;
  /** Requests received, by behaviour (`elsewhere` for the other origin). */
  requests: Map<string, number>;
  /** Bytes written in answers, by behaviour. */
  bytesSent: Map<string, number>;
  close: () => Promise<void>;
}

const listen = async (handler: (request: IncomingMessage, response: ServerResponse) => void) => {
  const server = createServer(handler);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}` };
};

export const startHostileServer = async (): Promise<HostileServer> => {
  const requests = new Map<string, number>();
  const bytesSent = new Map<string, number>();
  const count = (what: string) => requests.set(what, (requests.get(what) ?? 0) + 1);

  const elsewhere = await listen((request, response) => {
    count('elsewhere');
    request.resume();
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(`${pageHead}{"Member_Account":"from-elsewhere","JoinTime":1}${pageTail}`);
  });

  const hostile = await listen((request, response) => {
    const behaviour = (request.url ?? '/').split('/')[1] ?? '';
    count(behaviour);
    request.resume();
    const sent = { bytes: 0 };
    const finished = () => bytesSent.set(behaviour, (bytesSent.get(behaviour) ?? 0) + sent.bytes);
    response.once('close', finished);
    const fullUrl = `http://${request.headers.host}${request.url}`;
    switch (behaviour) {
      case 'endless': {
        response.writeHead(200, { 'content-type': 'application/json' });
        const filler = `{"Member_Account":"m","JoinTime":1},`.repeat(2_000);
        let first = true;
        void stream(
          response,
          () => {
            if (!first) return filler;
            first = false;
            return pageHead;
          },
          sent,
        );
        return;
      }
      case 'huge-valid':
      case 'huge-invalid': {
        response.writeHead(200, { 'content-type': 'application/json' });
        const valid = behaviour === 'huge-valid';
        const members = memberChunks(
          valid ? 1_250_000 : 680_000,
          valid ? (index) => `{"Member_Account":"u${index}","JoinTime":1700000000}` : () => '{}',
          pageTail,
        );
        let first = true;
        void stream(
          response,
          () => {
            if (!first) return members();
            first = false;
            return pageHead;
          },
          sent,
        );
        return;
      }
      case 'huge-html': {
        response.writeHead(200, { 'content-type': 'text/html' });
        const block = `<p>${'captive portal '.repeat(4_000)}</p>`;
        let written = 0;
        void stream(
          response,
          () => (written++ < (100 * 1024 * 1024) / block.length ? block : undefined),
          sent,
        );
        return;
      }
      case 'echo-url': {
        // As a gateway may: the query first, percent-encoded, so the UserSig
        // falls inside the first 200 characters a client quotes.
        const query = (request.url ?? '').split('?')[1] ?? '';
        response.writeHead(502, { 'content-type': 'text/html' });
        response.end(`<html><p>Bad gateway: ?${encodeURIComponent(query)}</p></html>`);
        return;
      }
      case 'redirect-307':
      case 'redirect-302': {
        const status = behaviour === 'redirect-307' ? 307 : 302;
        response.writeHead(status, { location: `${elsewhere.url}${request.url}` });
        response.end();
        return;
      }
      case 'redirect-loop':
        response.writeHead(307, { location: fullUrl });
        response.end();
        return;
      case 'reset':
        request.socket.destroy();
        return;
      default:
        response.writeHead(404);
        response.end();
    }
  });

  return {
    url: hostile.url,
    requests,
    bytesSent,
    close: async () => {
      for (const { server } of [hostile, elsewhere]) {
        server.closeAllConnections();
        server.close();
        await once(server, 'close');
      }
    },
  };
};
