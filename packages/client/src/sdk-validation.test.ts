import { expect, it } from 'vitest';
import { createClient, getMembers } from './sdk.js';

// The generated SDK validates requests with the spec's zod schemas before it
// sends anything, and answers with the spec's response schema.
const answering = (body: unknown) => {
  const sent: Request[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    sent.push(new Request(input, init));
    return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
  };
  return {
    sent,
    client: createClient({ baseUrl: 'https://api.test', fetch: fetch as typeof globalThis.fetch }),
  };
};

const ok = { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '', MemberList: [], NextTimestamp: 0 };

it.each([
  { given: 'an empty GroupId', body: { GroupId: '', Timestamp: 0 } },
  { given: 'a control character in GroupId', body: { GroupId: '@TGS#a\n', Timestamp: 0 } },
  { given: 'a negative Timestamp', body: { GroupId: 'g', Timestamp: -1 } },
  { given: 'a fractional Mark', body: { GroupId: 'g', Timestamp: 0, Mark: 1.5 } },
  { given: 'an unknown field', body: { GroupId: 'g', Timestamp: 0, groupId: 'typo' } },
])('refuses $given before sending', async ({ body }) => {
  const { sent, client } = answering(ok);
  await expect(getMembers({ client, body: body as never })).rejects.toThrow();
  expect(sent).toHaveLength(0);
});

it('sends a valid request as JSON', async () => {
  const { sent, client } = answering(ok);
  const result = await getMembers({
    client,
    body: { GroupId: '@TGS#a6I4ZUUGO', Timestamp: 0, Mark: 1000 },
  });
  expect(result.data).toEqual(ok);
  expect(sent[0]?.method).toBe('POST');
  expect(new URL(sent[0]?.url ?? '').pathname).toBe(
    '/v4/group_open_avchatroom_http_svc/get_members',
  );
  expect(await sent[0]?.json()).toEqual({ GroupId: '@TGS#a6I4ZUUGO', Timestamp: 0, Mark: 1000 });
});

it('accepts fields the API may add later', async () => {
  const { client } = answering({ ...ok, SomethingNew: 1 });
  const result = await getMembers({ client, body: { GroupId: 'g', Timestamp: 0 } });
  expect(result.data).toMatchObject(ok);
});

it.each([
  { given: 'a member without Member_Account', body: { ...ok, MemberList: [{ JoinTime: 1 }] } },
  { given: 'a string ErrorCode', body: { ...ok, ErrorCode: '0' } },
  { given: 'an unknown ActionStatus', body: { ...ok, ActionStatus: 'MAYBE' } },
])('rejects a response with $given', async ({ body }) => {
  const { client } = answering(body);
  await expect(getMembers({ client, body: { GroupId: 'g', Timestamp: 0 } })).rejects.toThrow();
});
