import { connect } from 'node:net';

// Requests that fetch cannot send (paths with `..`, broken framing, bytes that
// are not HTTP, bodies streamed with or without content-length) go over a bare
// loopback socket. The exchange waits for the server to close the connection:
// requests built by `requestHead` ask for `connection: close`, and the server
// closes after refusing garbage.

export interface RawAnswer {
  /** The status code, or 0 when the server closed without answering. */
  status: number;
  /** Header names in lower case. */
  headers: Record<string, string>;
  /** The body (cut at content-length when given). */
  body: Buffer;
  /** The code of the error the sending side saw (EPIPE, ECONNRESET), if any. */
  sendError?: string;
}

export interface RawExchangeOptions {
  /** Written after the head, one chunk at a time, waiting for the socket to drain. */
  body?: Iterable<string | Buffer>;
  /** Half-close the connection after writing everything (default: keep it open). */
  endAfterWriting?: boolean;
  /** Fails the exchange when the server has not closed by then. */
  timeoutMs?: number;
}

/** The head of an HTTP/1.1 request to 127.0.0.1 that asks the server to close after answering. */
export const requestHead = (method: string, target: string, headers: string[] = []): string =>
  [`${method} ${target} HTTP/1.1`, 'host: 127.0.0.1', 'connection: close', ...headers, '', ''].join(
    '\r\n',
  );

const parseAnswer = (bytes: Buffer, sendError: string | undefined): RawAnswer => {
  const headEnd = bytes.indexOf('\r\n\r\n');
  const statusLine = /^HTTP\/1\.[01] (\d{3})/.exec(bytes.toString('latin1'));
  if (headEnd === -1 || !statusLine) {
    return { status: 0, headers: {}, body: bytes, ...(sendError && { sendError }) };
  }
  const headers: Record<string, string> = {};
  for (const line of bytes.subarray(0, headEnd).toString('latin1').split('\r\n').slice(1)) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const rest = bytes.subarray(headEnd + 4);
  const length = headers['content-length'];
  return {
    status: Number(statusLine[1]),
    headers,
    body: length === undefined ? rest : rest.subarray(0, Number(length)),
    ...(sendError && { sendError }),
  };
};

/** Writes `head` and `body` to the server at 127.0.0.1:`port` and reads until it closes. */
export const exchangeRaw = (
  port: number,
  head: string | Buffer,
  { body = [], endAfterWriting = false, timeoutMs = 10_000 }: RawExchangeOptions = {},
): Promise<RawAnswer> =>
  new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const received: Buffer[] = [];
    let sendError: string | undefined;
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`the server neither answered nor closed within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.on('data', (chunk: Buffer) => received.push(chunk));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      sendError ??= error.code ?? error.message;
    });
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(parseAnswer(Buffer.concat(received), sendError));
    });
    const drainedOrClosed = () =>
      new Promise<void>((done) => {
        socket.once('drain', done);
        socket.once('close', done);
      });
    const writeAll = async () => {
      for (const chunk of [head, ...body]) {
        if (socket.destroyed) return;
        if (!socket.write(chunk)) await drainedOrClosed();
      }
      if (endAfterWriting && !socket.destroyed) socket.end();
    };
    socket.once('connect', () => void writeAll());
  });
