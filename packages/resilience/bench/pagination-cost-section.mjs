// "Pagination cost": listing a room of exactly 1,000 members takes the minimum
// number of requests for the page size, ceil(1000 / pageSize), and its time is
// within 1.1x of that many sequential raw round trips. Run for each page size
// the docs give (the spec's x-limits.documentedPageSizes: 500 and 250).
import { setTimeout as sleep } from 'node:timers/promises';
import { createChatClient, generateUserSig, rateLimitDefaults } from '@avchatroom/client';
// The client bench's robust summaries (medians, ratios paired per round).
import { median, pairedRatios, summarizeRatios } from '../../client/bench/stats.mjs';
import { benchApp, paginationRoom } from './bench-seed.mjs';
import { startEmulatorProcess } from './emulator-process.mjs';
import { integer, milliseconds, ratio } from './format.mjs';
import { markdownTable } from './markdown.mjs';
import { listWithRawFetch } from './raw-listing.mjs';
import { callsPerSecondLimit, documentedPageSizes } from './spec-facts.mjs';

const maximumRatio = 1.1;

const timed = async (list) => {
  const started = performance.now();
  const { members, requests } = await list();
  return { ms: performance.now() - started, members: members.length, requests };
};

/** Times each variant once per round, the order rotating; counts the emulator's requests per listing. */
const measureRounds = async (emulator, variants, { rounds, warmups, restMs }) => {
  for (let warmup = 0; warmup < warmups; warmup += 1) {
    for (const variant of variants) {
      await sleep(restMs);
      await variant.list();
    }
  }
  const series = new Map(variants.map((variant) => [variant.id, []]));
  const requestCounts = new Map(variants.map((variant) => [variant.id, new Set()]));
  const memberCounts = new Set();
  for (let round = 0; round < rounds; round += 1) {
    const shift = round % variants.length;
    for (const variant of [...variants.slice(shift), ...variants.slice(0, shift)]) {
      // Untimed, before every variant alike: see restMs in measurePageSize.
      await sleep(restMs);
      const before = (await emulator.stats()).apiCalls;
      const listing = await timed(variant.list);
      const after = (await emulator.stats()).apiCalls;
      series.get(variant.id).push(listing.ms);
      requestCounts.get(variant.id).add(after - before);
      memberCounts.add(listing.members);
    }
  }
  return { series, requestCounts, memberCounts };
};

const measurePageSize = async ({ seedPath, secretKey, pageSize, rounds, warmups }) => {
  // No emulator limit here: the rounds measure request count and time, not the quota.
  const emulator = await startEmulatorProcess({
    seedPath,
    args: ['--page-size', String(pageSize), '--calls-per-second', 'off'],
  });
  try {
    const credentials = { ...benchApp, secretKey, baseUrl: emulator.url };
    const client = createChatClient(credentials);
    const unlimitedClient = createChatClient({ ...credentials, rateLimit: false });
    const userSig = await generateUserSig({ ...benchApp, secretKey, expireSeconds: 86_400 });
    const { groupId } = paginationRoom;
    const clientListing = (chatClient) => async () => {
      const listing = await chatClient.listMembers(groupId);
      return { members: listing.members, requests: listing.pages };
    };
    const variants = [
      {
        id: 'raw',
        list: () => listWithRawFetch({ ...benchApp, baseUrl: emulator.url, userSig, groupId }),
      },
      { id: 'client', list: clientListing(client) },
      { id: 'unlimited', list: clientListing(unlimitedClient) },
    ];
    // The loop alone would call faster than the API allows (200/s), and the
    // default client would rightly pace it. Resting two paced intervals per
    // page before every listing (every variant alike, so none starts colder)
    // keeps the client at half the limit, its pages in one burst: the figure
    // is a listing's cost, not the limit's.
    const pages = Math.ceil(paginationRoom.members / pageSize);
    const restMs = Math.ceil(
      (2 * pages * (1000 + rateLimitDefaults.marginMs)) / callsPerSecondLimit,
    );
    const measured = await measureRounds(emulator, variants, { rounds, warmups, restMs });
    const raw = measured.series.get('raw');
    return {
      pageSize,
      minimumRequests: Math.ceil(paginationRoom.members / pageSize),
      requestCounts: measured.requestCounts,
      memberCounts: measured.memberCounts,
      rawMedianMs: median(raw),
      clientMedianMs: median(measured.series.get('client')),
      clientRatio: summarizeRatios(pairedRatios(measured.series.get('client'), raw)),
      unlimitedRatio: summarizeRatios(pairedRatios(measured.series.get('unlimited'), raw)),
    };
  } finally {
    await emulator.stop();
  }
};

const countsText = (counts) => [...counts].join(' or ');

export const measurePaginationCost = async ({ seedPath, secretKey, rounds, warmups }) => {
  const results = [];
  for (const pageSize of documentedPageSizes) {
    results.push(await measurePageSize({ seedPath, secretKey, pageSize, rounds, warmups }));
  }
  const problems = results.flatMap((result) => {
    const wrongCounts = ['client', 'raw', 'unlimited'].filter(
      (id) =>
        result.requestCounts.get(id).size !== 1 ||
        !result.requestCounts.get(id).has(result.minimumRequests),
    );
    return [
      ...wrongCounts.map(
        (id) =>
          `page size ${result.pageSize}: ${id} listings took ${countsText(result.requestCounts.get(id))} requests, not ${result.minimumRequests}`,
      ),
      ...(result.memberCounts.size === 1 && result.memberCounts.has(paginationRoom.members)
        ? []
        : [
            `page size ${result.pageSize}: listings returned ${countsText(result.memberCounts)} members`,
          ]),
    ];
  });
  const rows = results.map((result) => [
    String(result.pageSize),
    String(result.minimumRequests),
    countsText(result.requestCounts.get('client')),
    milliseconds(result.clientMedianMs),
    milliseconds(result.rawMedianMs),
    ratio(result.clientRatio.median),
    `${ratio(result.clientRatio.min)} - ${ratio(result.clientRatio.max)}`,
    ratio(result.unlimitedRatio.median),
  ]);
  return {
    title: 'Pagination cost: a 1,000-member room',
    blocks: [
      markdownTable(
        [
          { title: 'page size', align: 'right' },
          { title: 'minimum requests', align: 'right' },
          { title: 'client requests (every round)', align: 'right' },
          { title: 'client median', align: 'right' },
          { title: 'raw median', align: 'right' },
          { title: 'paired ratio', align: 'right' },
          { title: 'ratio min - max', align: 'right' },
          { title: 'ratio, rate limit off', align: 'right' },
        ],
        rows,
      ),
    ],
    verdicts: results.map((result) => ({
      passed: result.clientRatio.median <= maximumRatio,
      text: `page size ${result.pageSize}: listMembers ${ratio(result.clientRatio.median)} of ${result.minimumRequests} sequential raw round trips <= ${ratio(maximumRatio)} (informational)`,
    })),
    notes: [
      `The request counts are checked, not informational: a listing that takes more or fewer than ceil(${integer(paginationRoom.members)} / page size) requests, or returns other than ${integer(paginationRoom.members)} members, marks the run broken (exit 1).`,
      "The default client's rate limit lets a burst of calls go at once (rateLimitDefaults.burst), so a listing's pages are not spaced out; the last column is the same client with rateLimit: false, to show what share of the cost, if any, the rate limit takes.",
    ],
    broken: problems.length > 0 ? problems.join('; ') : undefined,
    measured: [
      `For each page size, an emulator process with --page-size N and no call limit serves a room of exactly ${integer(paginationRoom.members)} members (distinct join times, so every page is full).`,
      `After ${warmups} warm-up listings of each variant (the client's UserSig is issued once), ${rounds} rounds each run, in rotating order: client.listMembers with createChatClient defaults, each listing of every variant after the same untimed rest of two paced intervals per page (2 × (1000 + marginMs) / 200 ms), warm-ups included, so the client stays at half the API's 200 calls/s and a listing's pages go in one burst (faster, the client would rightly pace it); the same requests with raw fetch one after another (same query parameters, bodies passing back each NextTimestamp, text + JSON.parse); and the client with rateLimit: false.`,
      "Requests per listing = the emulator's apiCalls before and after. Ratio = median over rounds of (client time / raw time) in the same round.",
    ],
  };
};
