import createClient from 'openapi-fetch';
import { describe, expectTypeOf, it } from 'vitest';
import { type ChatMiddlewarePaths, createChatMiddleware } from '../src/fetch.js';
import { ChatApiError, type ChatError } from '../src/index.js';

describe('openapi-fetch with createChatMiddleware', () => {
  it('types error as a ChatError, so `if (error)` narrows data', async () => {
    const client = createClient<ChatMiddlewarePaths>({ baseUrl: 'https://api.test' });
    client.use(createChatMiddleware({ sdkAppId: 1, identifier: 'admin', secretKey: 'key' }));
    const { data, error } = await client.POST('/v4/group_open_avchatroom_http_svc/get_members', {
      body: { GroupId: 'g', Timestamp: 0 },
      params: { query: { random: 7 } },
    });
    if (error) {
      expectTypeOf(error).toExtend<ChatError>();
      expectTypeOf(error.requestId).toEqualTypeOf<number | undefined>();
      if (error instanceof ChatApiError) expectTypeOf(error.code).toExtend<number>();
    } else {
      expectTypeOf(data.ErrorCode).toEqualTypeOf<number>();
    }
  });

  it('takes the credentials, not the options openapi-fetch owns', () => {
    // @ts-expect-error the middleware sends nothing itself: no timeoutMs.
    createChatMiddleware({ sdkAppId: 1, identifier: 'admin', secretKey: 'key', timeoutMs: 5 });
  });
});
