// A client process for the quota runs (started by worker-process.mjs with
// --expose-gc). It builds a client with createChatClient's defaults (only the
// base URL and credentials set; the shared-store run also sets rateLimit.store),
// warms it up, then on "go" runs `concurrency` loops that call getMembers over
// the polled groups, round robin, until `durationMs` has passed. With
// `settings.redis` its rateLimit.store is @avchatroom/rate-limit-redis over a
// node-redis or ioredis client, timed per reservation.
//
// The only addition is a fetch that notes when each attempt is sent and its
// request id (so the bench can count retries and the client's own busiest 1 s
// window); it passes every request to the global fetch unchanged.
import { setMaxListeners } from 'node:events';
import { createChatClient } from '@avchatroom/client';
import { readMessages, writeMessage } from './json-lines.mjs';
import { createTimedRedisStore } from './timed-redis-store.mjs';

const messages = readMessages(process.stdin, 'the bench');
const { settings } = await messages.next('settings', 10_000);
const sendTimesMs = [];
// A call keeps its `random` (its request id) across retries, so the distinct
// randoms sent are the calls that went out, and the other attempts are retries.
const sentRequestIds = new Set();
const recordingFetch = (input, init) => {
  sendTimesMs.push(Date.now());
  const url = new URL(typeof input === 'string' ? input : input.url);
  sentRequestIds.add(url.searchParams.get('random'));
  return globalThis.fetch(input, init);
};

const redisStore = settings.redis && (await createTimedRedisStore(settings.redis));
const client = createChatClient({
  sdkAppId: settings.sdkAppId,
  identifier: settings.identifier,
  secretKey: settings.secretKey,
  baseUrl: settings.baseUrl,
  fetch: recordingFetch,
  ...(redisStore && { rateLimit: { store: redisStore.store } }),
});

const heapUsedAfterGc = () => {
  globalThis.gc();
  return process.memoryUsage().heapUsed;
};

// Warm-up: the first call issues the UserSig and compiles the call path.
await client.getMembers({ groupId: settings.groupIds[0] });
sendTimesMs.length = 0;
sentRequestIds.clear();
redisStore?.reset();
const heapBeforeBytes = heapUsedAfterGc();
writeMessage(process.stdout, { type: 'ready', heapBeforeBytes });
await messages.next('go', 60_000);

const errors = {};
let successes = 0;
let wrongAnswers = 0;
let abortedAtDeadline = 0;
let nextGroup = 0;
// At the deadline every call still waiting (for its rate-limit slot, a retry's
// back-off or an answer) is aborted, so calls/s counts the calls completed within
// the duration, without a tail of retries stretching the elapsed time.
const deadline = new AbortController();
// Every loop's call listens on this one signal (and removes its listener when it
// ends), so `concurrency` listeners at once is expected, not a leak.
setMaxListeners(settings.concurrency * 2, deadline.signal);
const deadlineReached = new Error('the run is over');
const started = performance.now();
let endedAt = started + settings.durationMs;
setTimeout(() => {
  endedAt = performance.now();
  deadline.abort(deadlineReached);
}, settings.durationMs);

const pollUntilDeadline = async () => {
  while (!deadline.signal.aborted) {
    const groupId = settings.groupIds[nextGroup % settings.groupIds.length];
    nextGroup += 1;
    try {
      const page = await client.getMembers({ groupId, signal: deadline.signal });
      if (deadline.signal.aborted) abortedAtDeadline += 1;
      else if (page.members.length === settings.membersPerGroup) successes += 1;
      else wrongAnswers += 1;
    } catch (error) {
      if (error === deadlineReached) {
        abortedAtDeadline += 1;
        continue;
      }
      // The class and the code only: error messages stay in this process.
      const key = [error.constructor.name, error.code].filter((part) => part !== undefined);
      errors[key.join(' ')] = (errors[key.join(' ')] ?? 0) + 1;
    }
  }
};
await Promise.all(Array.from({ length: settings.concurrency }, pollUntilDeadline));
const elapsedMs = endedAt - started;

const result = {
  type: 'result',
  calls: nextGroup,
  successes,
  wrongAnswers,
  abortedAtDeadline,
  errors,
  attempts: sendTimesMs.length,
  retries: sendTimesMs.length - sentRequestIds.size,
  sendTimesMs,
  elapsedMs,
  heapBeforeBytes,
  heapAfterBytes: heapUsedAfterGc(),
  rssAfterBytes: process.memoryUsage().rss,
  ...redisStore?.figures(),
};
await redisStore?.close();
// Exit once the result is flushed: the parent's stdin and keep-alive sockets
// would otherwise keep this process running.
writeMessage(process.stdout, result, () => process.exit(0));
