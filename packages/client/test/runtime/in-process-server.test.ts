import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ChatApiError, createChatClient, verifyUserSig } from '../../src/index.js';

// The client over a real socket, in whatever runtime runs this file (Node, Bun,
// Deno): a loopback server on a free port answers two pages of a group.
const secretKey = 'runtime-test-secret-key';
const sdkAppId = 1400000001;
const pages: Record<number, { accounts: string[]; next: number }> = {
  0: { accounts: ['a', 'b', 'c'], next: 1700000002 },
  1700000002: { accounts: ['c', 'd'], next: 0 },
};
const seen: { userSig: string | null; body: unknown }[] = [];
let server: Server;
let baseUrl = '';

beforeAll(async () => {
  server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk) => {
      text += chunk;
    });
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const body = JSON.parse(text) as { GroupId: string; Timestamp: number };
      seen.push({ userSig: url.searchParams.get('usersig'), body });
      response.setHeader('content-type', 'application/json');
      const page = body.GroupId === 'room' ? pages[body.Timestamp] : undefined;
      if (!page) {
        response.end(
          JSON.stringify({ ActionStatus: 'FAIL', ErrorCode: 10010, ErrorInfo: 'no group' }),
        );
        return;
      }
      const MemberList = page.accounts.map((account) => ({
        Member_Account: account,
        JoinTime: 1700000000,
      }));
      response.end(
        JSON.stringify({
          ActionStatus: 'OK',
          ErrorCode: 0,
          ErrorInfo: '',
          MemberList,
          NextTimestamp: page.next,
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

it('lists every member across pages, once each, over a real socket', async () => {
  const client = createChatClient({
    sdkAppId,
    identifier: 'admin',
    secretKey,
    baseUrl,
    timeoutMs: 5000,
  });
  const listing = await client.listMembers('room');
  expect(listing.members.map((member) => member.Member_Account)).toEqual(['a', 'b', 'c', 'd']);
  expect(listing.pages).toBe(2);
  expect(seen.map((call) => call.body)).toEqual([
    { GroupId: 'room', Timestamp: 0 },
    { GroupId: 'room', Timestamp: 1700000002 },
  ]);
});

it('sends a UserSig the server can verify and reports API errors as ChatApiError', async () => {
  const client = createChatClient({
    sdkAppId,
    identifier: 'admin',
    secretKey,
    baseUrl,
    maxRetries: 0,
  });
  const error = await client.getMembers({ groupId: 'missing' }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ChatApiError);
  expect(error).toMatchObject({ code: 10010, codeName: 'GroupNotFound' });
  const verdict = await verifyUserSig(seen.at(-1)?.userSig, { sdkAppId, secretKey });
  expect(verdict).toMatchObject({ valid: true, identifier: 'admin' });
});
