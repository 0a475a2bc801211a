// Pack-test consumer (a), run with Node in a temporary project that installed
// the packed tarballs: lists a group's members with the installed
// @avchatroom/client against an in-process get_members server on a free
// loopback port that answers two pages, and prints what it saw as JSON.
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { createChatClient, verifyUserSig } from '@avchatroom/client';

const sdkAppId = 1400000000;
const identifier = 'administrator';
const secretKey = 'pack-test-secret-key';
const groupId = '@TGS#aPackTest';
const getMembersPath = '/v4/group_open_avchatroom_http_svc/get_members';

/** The server's pages, by the Timestamp that asks for them. */
const pages = new Map([
  [
    0,
    {
      MemberList: [
        { Member_Account: 'student1003', JoinTime: 1657773200 },
        { Member_Account: 'student1002', JoinTime: 1657773150 },
      ],
      NextTimestamp: 1657773005,
    },
  ],
  [
    1657773005,
    {
      MemberList: [{ Member_Account: 'teacher1', JoinTime: 1657772900 }],
      NextTimestamp: 0,
    },
  ],
]);

const requests = [];

const answer = async (request, body) => {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const query = Object.fromEntries(url.searchParams);
  const { usersig, ...visibleQuery } = query;
  const verification = await verifyUserSig(usersig, { sdkAppId, secretKey });
  const parsed = JSON.parse(body || '{}');
  requests.push({
    method: request.method,
    path: url.pathname,
    query: visibleQuery,
    userSigValid: verification.valid,
    body: parsed,
  });
  if (request.method !== 'POST' || url.pathname !== getMembersPath) return [404, {}];
  const page = pages.get(parsed.Timestamp);
  if (!verification.valid || parsed.GroupId !== groupId || !page) {
    return [200, { ActionStatus: 'FAIL', ErrorCode: 10004, ErrorInfo: 'unexpected request' }];
  }
  return [200, { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '', ...page }];
};

const server = createServer((request, response) => {
  let body = '';
  request.setEncoding('utf8');
  request.on('data', (chunk) => {
    body += chunk;
  });
  request.on('end', () => {
    answer(request, body)
      .catch((error) => [500, { error: String(error) }])
      .then(([status, json]) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(json));
      });
  });
});

await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address();

try {
  const client = createChatClient({
    sdkAppId,
    identifier,
    secretKey,
    baseUrl: `http://127.0.0.1:${port}`,
    rateLimit: false,
    maxRetries: 0,
    timeoutMs: 5000,
  });
  const listing = await client.listMembers(groupId);
  const resolved = Object.fromEntries(
    [
      '@avchatroom/client',
      '@avchatroom/client/fetch',
      '@avchatroom/types',
      'zod',
      'openapi-fetch',
    ].map((specifier) => [specifier, fileURLToPath(import.meta.resolve(specifier))]),
  );
  console.log(
    JSON.stringify({
      members: listing.members,
      pages: listing.pages,
      truncated: listing.truncated,
      requests,
      resolved,
    }),
  );
} finally {
  server.closeAllConnections();
  server.close();
}
