// What a server that lies or attacks gets from the client: bounded reads,
// no redirects followed, short validation errors. The same cases run against
// real loopback servers in packages/resilience (test/hostile-server.test.ts).
import { describe, expect, it } from 'vitest';
import { testOptions } from '../test/helpers/client-options.js';
import { scriptedFetch } from '../test/helpers/scripted-fetch.js';
import { createChatClient } from './create-chat-client.js';
import { createChatFetch } from './create-chat-fetch.js';
import {
  ChatHttpError,
  ChatResponseTooLargeError,
  ChatResponseValidationError,
} from './errors/chat-errors.js';
import { createFetchClient } from './fetch.js';
import { responseBodyDefaults } from './policies/response-body.js';

/** A 200 body that never ends; counts the bytes the client pulled. */
const endlessBody = () => {
  const pulled = { bytes: 0, cancelled: false };
  const chunk = new TextEncoder().encode(`{"ActionStatus":"OK","x":"${'a'.repeat(65_536)}`);
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled.bytes += chunk.byteLength;
      controller.enqueue(chunk);
    },
    cancel() {
      pulled.cancelled = true;
    },
  });
  return { body, pulled };
};

const failure = (call: Promise<unknown>) =>
  call.then(
    () => undefined,
    (error: unknown) => error,
  );

describe('response bodies are read up to maxResponseBytes', () => {
  it('stops an endless body at the cap, closes it and does not retry', async () => {
    const { body, pulled } = endlessBody();
    const { fetch, requests } = scriptedFetch(() => new Response(body));
    const client = createChatClient(testOptions(fetch, { maxResponseBytes: 200_000 }));
    const error = await failure(client.getMembers({ groupId: 'g' }));
    expect(error).toBeInstanceOf(ChatResponseTooLargeError);
    expect(error).toMatchObject({ maxBytes: 200_000, status: 200, attempts: 1 });
    expect(requests).toHaveLength(1);
    expect(pulled.cancelled).toBe(true);
    expect(pulled.bytes).toBeLessThan(200_000 + 3 * 65_600);
  });

  it('uses the default cap when none is given', async () => {
    const { body, pulled } = endlessBody();
    const { fetch } = scriptedFetch(() => new Response(body));
    const error = await failure(createChatClient(testOptions(fetch)).getMembers({ groupId: 'g' }));
    expect(error).toMatchObject({ maxBytes: responseBodyDefaults.maxBytes });
    expect(pulled.bytes).toBeLessThan(responseBodyDefaults.maxBytes + 3 * 65_600);
  });

  it('reads only an excerpt of an error page, on every retry', async () => {
    const pulls: number[] = [];
    const { fetch, requests } = scriptedFetch(() => {
      const { body, pulled } = endlessBody();
      pulls.push(0);
      const index = pulls.length - 1;
      const counted = body.pipeThrough(
        new TransformStream({
          transform(chunk, controller) {
            pulls[index] = pulled.bytes;
            controller.enqueue(chunk);
          },
        }),
      );
      return new Response(counted, { status: 502 });
    });
    const client = createChatClient(testOptions(fetch, { maxRetries: 1 }));
    const error = await failure(client.getMembers({ groupId: 'g' }));
    expect(error).toBeInstanceOf(ChatHttpError);
    expect(requests).toHaveLength(2);
    for (const bytes of pulls) expect(bytes).toBeLessThan(4 * 65_600);
  });

  it('through createChatFetch too', async () => {
    const { body } = endlessBody();
    const { fetch } = scriptedFetch(() => new Response(body));
    const api = createFetchClient({
      baseUrl: 'https://chat.test',
      fetch: createChatFetch({
        ...testOptions(fetch),
        baseUrl: undefined,
        maxResponseBytes: 1000,
      } as never),
    });
    const error = await failure(
      api.POST('/v4/group_open_avchatroom_http_svc/get_members', {
        body: { GroupId: 'g', Timestamp: 0 },
      }),
    );
    expect(error).toBeInstanceOf(ChatResponseTooLargeError);
  });
});

describe('redirects are errors, never followed', () => {
  it.each([301, 302, 303, 307, 308])(
    'HTTP %i is a ChatHttpError after one request',
    async (status) => {
      const { fetch, requests } = scriptedFetch(
        () =>
          new Response('moved', {
            status,
            headers: { location: 'https://elsewhere.test/v4/x?usersig=leaked' },
          }),
      );
      const client = createChatClient(testOptions(fetch, { maxRetries: 2 }));
      const error = await failure(client.getMembers({ groupId: 'g' }));
      expect(error).toBeInstanceOf(ChatHttpError);
      expect(error).toMatchObject({
        status,
        location: 'https://elsewhere.test/v4/x?usersig=***',
        attempts: 1,
      });
      expect((error as Error).message).toContain('not followed');
      expect(requests).toHaveLength(1);
    },
  );

  it("asks fetch not to follow redirects, with the caller's headers too", async () => {
    const inits: RequestInit[] = [];
    const fetch: typeof globalThis.fetch = async (_input, init) => {
      inits.push(init ?? {});
      return new Response(null, { status: 307, headers: { location: 'https://elsewhere.test/' } });
    };
    const api = createFetchClient({
      baseUrl: 'https://chat.test',
      fetch: createChatFetch({ ...testOptions(fetch), baseUrl: undefined } as never),
    });
    const error = await failure(
      api.POST('/v4/group_open_avchatroom_http_svc/get_members', {
        body: { GroupId: 'g', Timestamp: 0 },
        headers: { authorization: 'Bearer team-token' },
      }),
    );
    expect(error).toBeInstanceOf(ChatHttpError);
    expect(inits).toHaveLength(1);
    expect(inits[0]?.redirect).toBe('manual');
  });
});

describe('validation errors stay short', () => {
  it('refuses a page over the spec maxItems with one issue', async () => {
    const body = `{"ActionStatus":"OK","ErrorCode":0,"MemberList":[${'{},'.repeat(599_999)}{}],"NextTimestamp":0}`;
    const { fetch } = scriptedFetch(() => new Response(body));
    const error = await failure(createChatClient(testOptions(fetch)).getMembers({ groupId: 'g' }));
    expect(error).toBeInstanceOf(ChatResponseValidationError);
    expect((error as ChatResponseValidationError).issues).toEqual([
      { path: 'MemberList', message: 'must have at most 1000 items' },
    ]);
  });

  it('keeps the first 20 issues and counts the rest', async () => {
    const members = Array.from({ length: 1000 }, () => ({}));
    const { fetch } = scriptedFetch({ ActionStatus: 'OK', ErrorCode: 0, MemberList: members });
    const error = (await failure(
      createChatClient(testOptions(fetch)).getMembers({ groupId: 'g' }),
    )) as ChatResponseValidationError;
    expect(error).toBeInstanceOf(ChatResponseValidationError);
    expect(error.issueCount).toBe(2000);
    expect(error.issues).toHaveLength(20);
    expect(error.message).toMatch(/; and 1980 more$/);
    expect(error.message.length).toBeLessThan(2000);
  });
});
