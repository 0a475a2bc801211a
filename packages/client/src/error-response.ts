// An error handed to openapi-fetch as a response it reads as `{ error }`:
// openapi-fetch returns `{ error }` for a response that is not `ok`, holding
// what `text()` gave, after JSON.parse (which fails on an Error object, so the
// error itself is kept). The middleware tests check this against openapi-fetch.
import type { ChatError } from './errors/chat-error.js';

// Statuses whose Response cannot carry a body (the fetch standard's null body statuses).
const nullBodyStatuses = new Set([101, 103, 204, 205, 304]);

/** The answer as openapi-fetch should see it: not ok, its body read as `error`. */
export const errorResponse = (error: ChatError, answer: Response, bodyText: string): Response => {
  const headers = new Headers(answer.headers);
  // openapi-fetch reads a body declared empty as `{ error: undefined }`.
  headers.delete('content-length');
  const status = nullBodyStatuses.has(answer.status) ? 200 : answer.status;
  const response = new Response(bodyText, { status, statusText: answer.statusText, headers });
  Object.defineProperty(response, 'ok', { value: false });
  const readError = async () => error;
  return Object.assign(response, { text: readError, json: readError });
};
