// createChatMiddleware: the credentials, UserSigs and the ErrorCode check for a
// team's own openapi-fetch client. openapi-fetch sends each request; the
// middleware fills in the query, renews the UserSig once on 70001, and turns
// every failed answer into `{ error }` holding a ChatError.
import type { Middleware } from 'openapi-fetch';
import { readCallerQuery } from './caller-query.js';
import type { ChatClientOptions, ChatCredentialOptions } from './chat-client-options.js';
import { commonQueryString, randomUint32 } from './common-query.js';
import { errorResponse } from './error-response.js';
import { ChatApiError, ChatHttpError, ChatResponseValidationError } from './errors/chat-errors.js';
import { findOperation } from './find-operation.js';
import type { ChatOperationId } from './generated/operations.gen.js';
import { refuseInput } from './operation-call.js';
import { readBodyWithin, responseBodyDefaults } from './policies/response-body.js';
import { resolveClientOptions } from './resolve-client-options.js';
import { excerpt } from './send-attempt.js';

/** The options of createChatMiddleware: the admin, its credentials, the lifetime of issued UserSigs. */
export type ChatMiddlewareOptions = {
  /** The app's SDKAppID, a positive integer. */
  sdkAppId: number;
  /** UserID of an App admin account, at most 32 bytes. */
  identifier: string;
  /**
   * Lifetime of the UserSigs issued from `secretKey`, in seconds.
   * @default 86400
   */
  userSigExpireSeconds?: number;
} & ChatCredentialOptions;

/** A request on its way: what a second attempt after 70001 needs. */
interface SentCall {
  operation: ChatOperationId;
  random: number;
  url: URL;
  init: RequestInit;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * An openapi-fetch middleware for the Chat REST API. Each request gets the
 * credentials (a UserSig issued from `secretKey` and renewed before it
 * expires, or the fixed `userSig`), `contenttype=json` and `random`: the
 * caller's own (`params.query.random`, a whole number from 0 to 4294967295)
 * or a fresh one; it is the call's request id either way. An answer with an
 * ErrorCode other than 0 comes back as `{ error }` holding a ChatApiError
 * (after one renewal and retry on 70001, with `secretKey`); an HTTP status
 * other than 200 as a ChatHttpError, and a body that is not a JSON object as a
 * ChatResponseValidationError. Redirects are not followed. Bad input (a path
 * outside the spec, a credential or a bad `random` in the query) throws a
 * ChatRequestValidationError before anything is sent. No retries, rate limit
 * or response validation: createChatFetch has those.
 *
 * @example
 * const client = createClient<ChatMiddlewarePaths>({ baseUrl: chatRegions.singapore.main });
 * client.use(createChatMiddleware({ sdkAppId, identifier: 'administrator', secretKey }));
 * const { data, error } = await client.POST('/v4/group_open_avchatroom_http_svc/get_members', {
 *   body: { GroupId: '@TGS#a6I4ZUUGO', Timestamp: 0 },
 * });
 * if (error) console.error(error.message); // a ChatApiError or another ChatError
 */
export const createChatMiddleware = (options: ChatMiddlewareOptions): Middleware => {
  const { call } = resolveClientOptions(
    'createChatMiddleware',
    options as ChatClientOptions,
    'middleware',
  );
  const { redact, userSigs } = call;
  const sent = new Map<string, SentCall>();

  const requestFor = (entry: SentCall, userSig: string): Request => {
    const url = new URL(entry.url);
    const credentials = { sdkAppId: call.sdkAppId, identifier: call.identifier, userSig };
    url.search = commonQueryString(credentials, entry.random);
    return new Request(url, entry.init);
  };

  const answerOf = async (
    response: Response,
    entry: SentCall,
    attempts: number,
    fetch: typeof globalThis.fetch,
  ): Promise<Response> => {
    const context = { operation: entry.operation, requestId: entry.random, attempts };
    if (response.status !== 200) {
      const body = await readBodyWithin(response, responseBodyDefaults.excerptBytes);
      const location = response.status < 400 ? response.headers.get('location') : null;
      const redirect = location === null ? undefined : redact(location);
      const error = new ChatHttpError(
        response.status,
        excerpt(body.text, redact),
        context,
        redirect,
      );
      return errorResponse(error, response, body.text);
    }
    const text = await response.text();
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
    if (!isObject(data)) {
      const issue = { path: '', message: 'the body is not a JSON object' };
      return errorResponse(new ChatResponseValidationError([issue], context), response, text);
    }
    const code = data.ErrorCode;
    if (typeof code !== 'number' || code === 0) {
      return new Response(text, response);
    }
    const info = typeof data.ErrorInfo === 'string' ? redact(data.ErrorInfo) : '';
    const error = new ChatApiError(code, info, context);
    if (error.retry === 'renewUserSig' && userSigs.canRenew && attempts === 1) {
      // 70001: the UserSig expired (clock skew, or one cached too long): a new one, once.
      const retried = await fetch(requestFor(entry, await userSigs.renew()));
      return answerOf(retried, entry, attempts + 1, fetch);
    }
    return errorResponse(error, response, text);
  };

  return {
    async onRequest({ request, id }) {
      const url = new URL(request.url);
      const operation = findOperation(request.method, url.pathname);
      if (!operation) {
        const issue = { path: '', message: 'is not an operation of the spec' };
        return refuseInput(`${request.method} ${url.pathname}`, [issue]);
      }
      const { random, issues } = readCallerQuery(url.searchParams);
      if (issues.length > 0) refuseInput(operation.id, issues);
      const init: RequestInit = {
        method: request.method,
        headers: request.headers,
        body: await request.text(),
        signal: request.signal,
        // A redirect would take the UserSig in the query to another server.
        redirect: 'manual',
      };
      const entry = { operation: operation.id, random: random ?? randomUint32(), url, init };
      const userSig = await userSigs.current();
      sent.set(id, entry);
      return requestFor(entry, userSig);
    },
    async onResponse({ response, id, options }) {
      const entry = sent.get(id);
      if (!entry) return undefined;
      sent.delete(id);
      return answerOf(response, entry, 1, options.fetch);
    },
    onError({ id }) {
      sent.delete(id);
    },
  };
};
