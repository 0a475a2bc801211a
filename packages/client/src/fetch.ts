// @avchatroom/client/fetch: an openapi-fetch client typed by @avchatroom/types.
import type { paths } from '@avchatroom/types';
import createOpenApiFetchClient, { type Client } from 'openapi-fetch';
import type { CommonQueryParameter } from './generated/query-parameters.gen.js';

/** The query an operation leaves to its caller: `never` when nothing is left. */
type CallerQuery<Query> = keyof Omit<Query, CommonQueryParameter> extends never
  ? never
  : Omit<Query, CommonQueryParameter>;

type WithoutCommonQuery<Operation> = Operation extends { parameters: { query: infer Query } }
  ? Omit<Operation, 'parameters'> & {
      parameters: Omit<Operation['parameters'], 'query'> & { query?: CallerQuery<Query> };
    }
  : Operation;

/** The API's `paths`, less the common query parameters that callers never pass by hand. */
export type ChatPaths = {
  [Path in keyof paths]: { [Method in keyof paths[Path]]: WithoutCommonQuery<paths[Path][Method]> };
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
