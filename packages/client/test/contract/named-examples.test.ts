import createOpenApiFetchClient from 'openapi-fetch';
import { describe, expect, inject, it } from 'vitest';
import {
  type ChatMiddlewarePaths,
  createChatMiddleware,
  createFetchClient,
} from '../../src/fetch.js';
import { chatOperationTable } from '../../src/generated/operation-layer.gen.js';
import type { ChatOperationId } from '../../src/generated/operations.gen.js';
import {
  ChatApiError,
  type ChatClientOptions,
  createChatClient,
  createChatFetch,
} from '../../src/index.js';
import * as sdk from '../../src/sdk.js';
import { namedExamples, operationIds, operationPath } from './spec-examples.js';

const examples = namedExamples('getMembers');

/** Records what Prism said about each raw exchange (its `sl-violations` header). */
const recordingFetch = () => {
  const exchanges: { status: number; violations: string | null }[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const response = await globalThis.fetch(input, init);
    exchanges.push({ status: response.status, violations: response.headers.get('sl-violations') });
    return response;
  };
  return { exchanges, fetch };
};

const clientOptions = (fetch: typeof globalThis.fetch, extra: Partial<ChatClientOptions> = {}) =>
  ({
    sdkAppId: 88888888,
    identifier: 'admin',
    userSig: 'contract-test-usersig',
    maxRetries: 0,
    fetch,
    ...extra,
  }) as ChatClientOptions;

type Example = (typeof examples)[number];
/** Calls the mock for an example of an operation and returns the response body. */
type CallStyle = (
  baseUrl: string,
  operation: ChatOperationId,
  example: Example,
  fetch: typeof globalThis.fetch,
) => Promise<unknown>;

/** A wire request as createChatClient's parameters: `GroupId` is `groupId`. */
const callerParams = (operation: ChatOperationId, request: Record<string, unknown>) =>
  Object.fromEntries(
    chatOperationTable[operation].requestFields.flatMap(([name, wire]) =>
      request[wire] === undefined ? [] : [[name, request[wire]]],
    ),
  );

type SdkFunction = (options: {
  client: unknown;
  body: unknown;
  headers: Record<string, string>;
  throwOnError: true;
}) => Promise<{ data: unknown }>;

const prefer = (name: string) => ({ Prefer: `example=${name}` });

// The header picks Prism's example: createChatClient sends it with its headers option.
const callStyles: Record<string, CallStyle> = {
  createChatClient: async (baseUrl, operation, { name, request }, fetch) => {
    const client = createChatClient({
      ...clientOptions(fetch, { headers: prefer(name) }),
      baseUrl,
    }) as unknown as Record<string, (params: unknown) => Promise<{ response: unknown }>>;
    const result = await client[operation]?.(callerParams(operation, request));
    return result?.response;
  },
  'hey-api SDK + createChatFetch': async (baseUrl, operation, { name, request }, fetch) => {
    const client = sdk.createClient({ baseUrl, fetch: createChatFetch(clientOptions(fetch)) });
    const call = (sdk as unknown as Record<string, SdkFunction>)[operation];
    const result = await call?.({
      client,
      body: request,
      headers: prefer(name),
      throwOnError: true,
    });
    return result?.data;
  },
  'openapi-fetch + createChatFetch': async (baseUrl, operation, { name, request }, fetch) => {
    const client = createFetchClient({ baseUrl, fetch: createChatFetch(clientOptions(fetch)) });
    // Any operation by its path: openapi-fetch's types know each path's own body.
    const post = client.POST as unknown as (
      path: string,
      init: { body: unknown; headers: Record<string, string> },
    ) => Promise<{ data: unknown }>;
    const result = await post(operationPath(operation), { body: request, headers: prefer(name) });
    return result.data;
  },
  'openapi-fetch + createChatMiddleware': async (baseUrl, operation, { name, request }, fetch) => {
    const client = createOpenApiFetchClient<ChatMiddlewarePaths>({ baseUrl, fetch });
    const { sdkAppId, identifier, userSig } = clientOptions(fetch) as {
      userSig: string;
    } & ChatClientOptions;
    client.use(createChatMiddleware({ sdkAppId, identifier, userSig }));
    const post = client.POST as unknown as (
      path: string,
      init: { body: unknown; headers: Record<string, string> },
    ) => Promise<{ data?: unknown; error?: unknown }>;
    const { data, error } = await post(operationPath(operation), {
      body: request,
      headers: prefer(name),
    });
    // An error is returned, not thrown: the test compares what comes back.
    return error ?? data;
  },
};

const errorCodeOf = (example: Example) => (example.response as { ErrorCode: number }).ErrorCode;

it('reads the operation path from the spec', () => {
  expect(operationPath('getMembers')).toBe('/v4/group_open_avchatroom_http_svc/get_members');
});

it('finds every named example in the spec, successes and errors', () => {
  expect(examples.length).toBeGreaterThanOrEqual(14);
  expect(examples.filter((example) => errorCodeOf(example) === 0).length).toBeGreaterThanOrEqual(5);
  expect(examples.filter((example) => errorCodeOf(example) !== 0).length).toBeGreaterThanOrEqual(9);
  for (const operation of operationIds()) {
    const codes = namedExamples(operation).map(errorCodeOf);
    expect([operation, codes.some((code) => code === 0), codes.some((code) => code !== 0)]).toEqual(
      [operation, true, true],
    );
  }
});

const cases = operationIds().flatMap((operation) =>
  namedExamples(operation).map((example) => ({ operation: operation as ChatOperationId, example })),
);

describe.each(Object.entries(callStyles))('%s against the Prism mock', (_style, call) => {
  it.each(cases.map((entry) => ({ ...entry, name: entry.example.name })))(
    '$operation example $name: its data, or its ErrorCode as a ChatApiError',
    async ({ operation, example }) => {
      const { exchanges, fetch } = recordingFetch();
      const outcome = await call(inject('prismUrl'), operation, example, fetch).catch(
        (error: unknown) => error,
      );
      expect(exchanges).toEqual([{ status: 200, violations: null }]);
      const { ErrorCode, ErrorInfo } = example.response as { ErrorCode: number; ErrorInfo: string };
      if (ErrorCode === 0) {
        expect(outcome).toEqual(example.response);
      } else {
        expect(outcome).toBeInstanceOf(ChatApiError);
        expect(outcome).toMatchObject({ code: ErrorCode, info: ErrorInfo, operation });
      }
    },
  );
});

describe('retry policies against the Prism mock', () => {
  const find = (name: string) => {
    const example = examples.find((candidate) => candidate.name === name);
    if (!example) throw new Error(`no example ${name}`);
    return example;
  };

  it('retries a transient code (systemError, 10002) and then reports it', async () => {
    const { exchanges, fetch } = recordingFetch();
    const client = createChatClient({
      ...clientOptions(fetch, { maxRetries: 1, headers: prefer('systemError') }),
      baseUrl: inject('prismUrl'),
    });
    const error = await client.getMembers({ groupId: '@TGS#a6I4ZUUGO' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 10002, attempts: 2 });
    expect(exchanges).toHaveLength(2);
    expect(find('systemError')).toBeDefined();
  });

  it('renews the UserSig once on 70001 (userSigExpired) when it holds the secret key', async () => {
    const { exchanges, fetch } = recordingFetch();
    const client = createChatClient({
      sdkAppId: 88888888,
      identifier: 'admin',
      secretKey: 'contract-test-secret-key',
      maxRetries: 0,
      fetch,
      headers: prefer('userSigExpired'),
      baseUrl: inject('prismUrl'),
    });
    const error = await client.getMembers({ groupId: '@TGS#a6I4ZUUGO' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 70001, attempts: 2 });
    expect(exchanges).toEqual([
      { status: 200, violations: null },
      { status: 200, violations: null },
    ]);
  });
});
