import type { components, paths } from '@avchatroom/types';
import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import { createFetchClient } from '../src/fetch.js';
import type {
  ChatErrorCode,
  GetMembersRequest,
  GetMembersResponse,
  OnlineMember,
} from '../src/index.js';
import {
  type GetMembersData,
  type GetMembersResponses,
  getMembers,
  type zGetMembersRequest,
  type zGetMembersResponse,
} from '../src/sdk.js';

type Path = '/v4/group_open_avchatroom_http_svc/get_members';
type WireBody = paths[Path]['post']['requestBody']['content']['application/json'];
type WireAnswer = paths[Path]['post']['responses'][200]['content']['application/json'];

describe('the hey-api and openapi-typescript types are one contract', () => {
  it('agrees on the request body', () => {
    expectTypeOf<GetMembersRequest>().toExtend<components['schemas']['GetMembersRequest']>();
    expectTypeOf<components['schemas']['GetMembersRequest']>().toExtend<GetMembersRequest>();
    expectTypeOf<GetMembersData['body']>().toExtend<WireBody>();
    expectTypeOf<WireBody>().toExtend<GetMembersData['body']>();
  });

  it('agrees on the response body', () => {
    expectTypeOf<GetMembersResponse>().toExtend<components['schemas']['GetMembersResponse']>();
    expectTypeOf<components['schemas']['GetMembersResponse']>().toExtend<GetMembersResponse>();
    expectTypeOf<GetMembersResponses[200]>().toExtend<WireAnswer>();
    expectTypeOf<WireAnswer>().toExtend<GetMembersResponses[200]>();
    expectTypeOf<OnlineMember>().toExtend<components['schemas']['OnlineMember']>();
    expectTypeOf<components['schemas']['OnlineMember']>().toExtend<OnlineMember>();
  });

  it('agrees with the zod schemas', () => {
    expectTypeOf<z.infer<typeof zGetMembersRequest>>().toEqualTypeOf<GetMembersRequest>();
    expectTypeOf<z.infer<typeof zGetMembersResponse>>().toExtend<GetMembersResponse>();
    expectTypeOf<GetMembersResponse>().toExtend<z.infer<typeof zGetMembersResponse>>();
  });
});

describe('callers never pass the common query parameters by hand', () => {
  it('calls the SDK with a body alone', () => {
    expectTypeOf(getMembers).toBeCallableWith({ body: { GroupId: 'g', Timestamp: 0 } });
    // @ts-expect-error `random` is filled in by the client runtime, not passed.
    getMembers({ body: { GroupId: 'g', Timestamp: 0 }, query: { random: 1 } });
  });

  it('calls openapi-fetch with a body alone', () => {
    const client = createFetchClient({ baseUrl: 'https://api.test' });
    const call = () =>
      client.POST('/v4/group_open_avchatroom_http_svc/get_members', {
        body: { GroupId: 'g', Timestamp: 0 },
      });
    // Both ways rather than toEqualTypeOf: the answer is an intersection (the
    // envelope and the operation's fields), which openapi-fetch maps over.
    type Data = Awaited<ReturnType<typeof call>>['data'];
    expectTypeOf<Data>().toExtend<WireAnswer | undefined>();
    expectTypeOf<WireAnswer | undefined>().toExtend<Data>();
    // A caller's own `random` is the call's request id (createChatFetch keeps it).
    client.POST('/v4/group_open_avchatroom_http_svc/get_members', {
      body: { GroupId: 'g', Timestamp: 0 },
      params: { query: { random: 1 } },
    });
    client.POST('/v4/group_open_avchatroom_http_svc/get_members', {
      body: { GroupId: 'g', Timestamp: 0 },
      // @ts-expect-error `contenttype` is filled in by the client runtime, not passed.
      params: { query: { contenttype: 'json' } },
    });
  });
});

describe('error codes', () => {
  it('types ErrorCode as the union of documented codes', () => {
    expectTypeOf<10010>().toExtend<ChatErrorCode>();
    expectTypeOf<70001>().toExtend<ChatErrorCode>();
    expectTypeOf<12345>().not.toExtend<ChatErrorCode>();
  });
});
