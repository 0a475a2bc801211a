// @avchatroom/client/fetch: openapi-fetch over @avchatroom/types, either with
// the client's policies as its fetch (createFetchClient + createChatFetch) or,
// for a team's own openapi-fetch client, as a middleware (createChatMiddleware).
import type { paths } from '@avchatroom/types';
import createOpenApiFetchClient, { type Client } from 'openapi-fetch';
import type { ChatError } from './errors/chat-error.js';
import type { CommonQueryParameter } from './generated/query-parameters.gen.js';

export { type ChatMiddlewareOptions, createChatMiddleware } from './chat-middleware.js';

/**
 * The query an operation leaves to its caller: `random` may be given (it is
 * the call's request id; createChatFetch and createChatMiddleware fill in a
 * fresh one when it is not), the rest of the common query never is.
 */
type CallerQuery<Query> = Omit<Query, CommonQueryParameter> & { random?: number } & {
  [Name in Exclude<CommonQueryParameter, 'random'>]?: never;
};

type WithoutCommonQuery<Operation> = Operation extends { parameters: { query: infer Query } }
  ? Omit<Operation, 'parameters'> & {
      parameters: Omit<Operation['parameters'], 'query'> & { query?: CallerQuery<Query> };
    }
  : Operation;

/** The API's `paths`, less the common query parameters that callers never pass by hand. */
export type ChatPaths = {
  [Path in keyof paths]: { [Method in keyof paths[Path]]: WithoutCommonQuery<paths[Path][Method]> };
};

/** A failed answer as the middleware hands it to openapi-fetch. */
interface ChatErrorAnswer {
  headers: { [name: string]: unknown };
  content: { 'application/json': ChatError };
}

/** An operation whose failures (the spec's 502 page among them) arrive as a ChatError. */
type WithChatError<Operation> = Operation extends { responses: infer Responses }
  ? Omit<Operation, 'responses'> & {
      responses: {
        [Status in keyof Responses]: `${Status & (string | number)}` extends `2${string}`
          ? Responses[Status]
          : ChatErrorAnswer;
      } & { default: ChatErrorAnswer };
    }
  : Operation;

/**
 * ChatPaths as a client with createChatMiddleware sees them: `error` is the
 * ChatError the middleware made (a ChatApiError for an ErrorCode other than 0).
 */
export type ChatMiddlewarePaths = {
  [Path in keyof ChatPaths]: {
    [Method in keyof ChatPaths[Path]]: WithChatError<ChatPaths[Path][Method]>;
  };
};

export interface CreateFetchClientOptions {
  /** Base URL of the API, a regional domain or a mock. */
  baseUrl: string;
  /**
   * The `fetch` to send requests with; pass `createChatFetch(options)` so every
   * request carries the credentials and gets the client's policies.
   * @default globalThis.fetch
   */
  fetch?: typeof fetch;
}

/**
 * Creates an openapi-fetch client for the Chat REST API.
 *
 * @example
 * const client = createFetchClient({ baseUrl, fetch: createChatFetch(options) });
 * const { data } = await client.POST('/v4/group_open_avchatroom_http_svc/get_members', {
 *   body: { GroupId: '@TGS#a6I4ZUUGO', Timestamp: 0 },
 * });
 */
export const createFetchClient = (options: CreateFetchClientOptions): Client<ChatPaths> =>
  createOpenApiFetchClient<ChatPaths>({
    baseUrl: options.baseUrl,
    fetch: options.fetch ?? ((request) => globalThis.fetch(request)),
  });
