import { createCallSender } from './call-sender.js';
import { readCallerQuery } from './caller-query.js';
import type { ChatClientOptionsBase, ChatCredentialOptions } from './chat-client-options.js';
import { findOperation } from './find-operation.js';
import { refuseInput } from './operation-call.js';
import { operationSchemas } from './operation-schemas.js';
import { resolveClientOptions } from './resolve-client-options.js';

/**
 * The options of createChatClient, less `region`, `baseUrl` and `headers`:
 * the request's URL and headers decide.
 */
export type ChatFetchOptions = Omit<ChatClientOptionsBase, 'region' | 'baseUrl' | 'headers'> &
  ChatCredentialOptions;

const utf8 = new TextEncoder();

/**
 * The client's policies as a `fetch` function, for the openapi-fetch client, the
 * generated hey-api SDK, or a team's own HTTP stack. It adds the credentials and
 * `random`, waits on the rate limit, retries, validates the request and the
 * response, and throws the same typed errors as createChatClient: a call that
 * resolves got ErrorCode 0. A `random` already in the URL is kept as the call's
 * request id (across its retries too); a bad one, a credential or any other
 * parameter in the URL is refused.
 *
 * @example
 * const api = createFetchClient({ baseUrl: chatRegions.singapore.main, fetch: createChatFetch(options) });
 */
export const createChatFetch = (options: ChatFetchOptions): typeof fetch => {
  const resolved = resolveClientOptions('createChatFetch', options, 'fetch');
  const send = createCallSender(resolved.call);
  return async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const operation = findOperation(request.method, url.pathname);
    const label = operation?.id ?? `${request.method} ${url.pathname}`;
    if (!operation)
      return refuseInput(label, [{ path: '', message: 'is not an operation of the spec' }]);
    const { random, issues } = readCallerQuery(url.searchParams);
    const bodyText = await request.text();
    try {
      issues.push(...operationSchemas[operation.id].request(JSON.parse(bodyText)));
    } catch {
      issues.push({ path: '', message: 'the body must be JSON' });
    }
    if (issues.length > 0) refuseInput(label, issues);
    const result = await send({
      operation: operation.id,
      baseUrl: `${url.origin}${operation.base}`,
      requestId: random,
      body: bodyText,
      headers: request.headers,
      signal: request.signal,
      validate: resolved.validateResponses ? operationSchemas[operation.id].response : undefined,
    });
    const response = new Response(result.bodyText, {
      status: 200,
      headers: {
        'content-type': 'application/json',
        // openapi-fetch reads a body without Content-Length as text and parses it again.
        'content-length': String(utf8.encode(result.bodyText).byteLength),
        'x-chat-request-id': String(result.requestId),
      },
    });
    // The body was read, parsed and validated once already: hand the HTTP
    // clients that work instead of decoding and parsing 57 KB a second time.
    return Object.assign(response, {
      json: async () => result.data,
      text: async () => result.bodyText,
    });
  };
};
