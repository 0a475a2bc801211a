// The five ways of fetching one page that the benchmark compares. Each variant
// is an async function making one call; each checks that it got the 500
// members, so a variant that silently failed or skipped parsing cannot look fast.

import { createFetchClient } from '../dist/fetch.mjs';
import { createChatClient, createChatFetch, createMemoryRateLimitStore } from '../dist/index.mjs';
import { createClient, getMembers } from '../dist/sdk.mjs';
import { pageSize } from './members-page.mjs';

const getMembersPath = '/v4/group_open_avchatroom_http_svc/get_members';
const groupId = '@TGS#a6I4ZUUGO';
const sdkAppId = 1_400_000_000;
const identifier = 'administrator';
// Shaped like a real TLSSigAPIv2 sig (zlib base64, about 200 characters), so the
// query string and the client's redaction see realistic input.
const userSig = `eJwtzE0LgjAYB${'x9k0L1tZqbJvXGAWpXzYQ'.repeat(5)}_Mg-ZW7-a1Ty8GQAm3Bgwq3A_`;

/**
 * The rate-limit store the client variants count against: the package's own
 * memory store (what the default process-wide store is), counting the places
 * that made a call wait, so the output can say whether the limit ever waited.
 */
const createCountingRateLimitStore = () => {
  const store = createMemoryRateLimitStore();
  const counts = { asked: 0, waits: 0, waitedMs: 0 };
  return {
    counts,
    store: {
      reservePlace: (window, nowMs) => {
        const waitMs = store.reservePlace(window, nowMs);
        counts.asked += 1;
        if (waitMs > 0) {
          counts.waits += 1;
          counts.waitedMs += waitMs;
        }
        return waitMs;
      },
    },
  };
};

const expectPage = (variant, members) => {
  if (members?.length !== pageSize) {
    throw new Error(`${variant}: expected ${pageSize} members, got ${members?.length}`);
  }
};

export const createVariants = (baseUrl) => {
  const rateLimit = createCountingRateLimitStore();
  // The 200 calls/s default would make every call wait 5 ms; a huge rate keeps
  // the bucket's code on the path while its answer is (nearly) always "go now".
  const options = {
    sdkAppId,
    identifier,
    userSig,
    rateLimit: { callsPerSecond: 1_000_000, store: rateLimit.store },
  };
  const validating = createChatClient({ ...options, baseUrl });
  const notValidating = createChatClient({ ...options, baseUrl, validateResponses: false });
  // createChatFetch with its defaults (response validation on), as the README suggests.
  const chatFetch = createChatFetch(options);
  const openApiFetch = createFetchClient({ baseUrl, fetch: chatFetch });
  const heyApiClient = createClient({ baseUrl, fetch: chatFetch });

  const fixedQuery = `sdkappid=${sdkAppId}&identifier=${identifier}&usersig=${encodeURIComponent(userSig)}`;
  const rawHeaders = { 'content-type': 'application/json' };

  const variants = [
    {
      id: 'a',
      name: 'raw fetch + res.json()',
      // The floor: the same HTTP exchange with nothing but fetch and JSON.parse.
      call: async () => {
        const random = Math.floor(Math.random() * 2 ** 32);
        const url = `${baseUrl}${getMembersPath}?${fixedQuery}&random=${random}&contenttype=json`;
        const response = await fetch(url, {
          method: 'POST',
          headers: rawHeaders,
          body: JSON.stringify({ GroupId: groupId, Timestamp: 0 }),
        });
        const data = await response.json();
        expectPage('raw', data.MemberList);
      },
    },
    {
      id: 'b',
      name: 'createChatClient, validation on',
      call: async () => {
        const page = await validating.getMembers({ groupId });
        expectPage('b', page.members);
      },
    },
    {
      id: 'c',
      name: 'createChatClient, validation off',
      call: async () => {
        const page = await notValidating.getMembers({ groupId });
        expectPage('c', page.members);
      },
    },
    {
      id: 'd',
      name: 'openapi-fetch + createChatFetch',
      call: async () => {
        const { data, error } = await openApiFetch.POST(getMembersPath, {
          body: { GroupId: groupId, Timestamp: 0 },
        });
        if (error !== undefined) throw new Error(`openapi-fetch: ${JSON.stringify(error)}`);
        expectPage('d', data.MemberList);
      },
    },
    {
      id: 'e',
      name: 'hey-api SDK + createChatFetch',
      call: async () => {
        const { data } = await getMembers({
          client: heyApiClient,
          body: { GroupId: groupId, Timestamp: 0 },
          throwOnError: true,
        });
        expectPage('e', data.MemberList);
      },
    },
  ];
  return { variants, rateLimitCounts: rateLimit.counts };
};
