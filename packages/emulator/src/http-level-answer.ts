import { maxHeaderSize, STATUS_CODES } from 'node:http';
import { type FailureBody, failure } from './api-answer.js';

// Answers for what never becomes a request Node hands to the emulator: bytes it
// cannot parse as HTTP/1.1, a head over its header limit, a head that takes too
// long, a CONNECT. Nothing says which resource was asked for, so these are not
// API outcomes (the API's are all HTTP 200, per the spec): like the gateway in
// front of the real API, the emulator answers with an HTTP error status and
// closes. The body is still the API's error shape, so a client that reads it
// finds ErrorCode and ErrorInfo where it always does.

/** A whole HTTP/1.1 answer, written straight to a socket, that closes the connection. */
export const rawFailureAnswer = (status: number, body: FailureBody): string => {
  const text = JSON.stringify(body);
  return [
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}`,
    'content-type: application/json; charset=utf-8',
    `content-length: ${Buffer.byteLength(text)}`,
    'connection: close',
    '',
    text,
  ].join('\r\n');
};

/**
 * The answer to Node's `clientError`: 431 for a head over Node's header limit
 * and 408 for one that took too long (the statuses Node's own handler sends),
 * 400 for anything else. The codes: 60002 (HTTP parse error) and, for the
 * timeout, 60008 (the service timed out or the HTTP request is malformed).
 */
export const clientErrorAnswer = (error: NodeJS.ErrnoException): string => {
  if (error.code === 'HPE_HEADER_OVERFLOW') {
    const detail = `the request line and headers are over ${maxHeaderSize} bytes`;
    return rawFailureAnswer(431, failure(60002, detail));
  }
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT')
    return rawFailureAnswer(408, failure(60008, 'the request did not arrive in time'));
  return rawFailureAnswer(400, failure(60002, 'the request is not HTTP/1.1 the server can read'));
};

/** The answer to CONNECT: not 200, which would open a tunnel. */
export const connectAnswer = (): string =>
  rawFailureAnswer(400, failure(60002, 'CONNECT is not served: REST APIs take POST only'));
