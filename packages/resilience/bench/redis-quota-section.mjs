// "Processes sharing one SDKAppID": three client processes against one
// emulator. Each row runs them for the same time: first with the default store
// (a window in each process), then with @avchatroom/rate-limit-redis over one
// real redis-server (two on node-redis, one on ioredis), then the same with the
// emulator delaying each request by a random 0-40 ms, then with a busy loop
// taking a core. Targets (issue 14): through Redis, calls/s >= 0.95 of the
// limit, no rate-limit answer and no 1 s window over the limit; with jitter and
// under CPU load, still no rate-limit answer and no window over the limit.
import { median } from '../../client/bench/stats.mjs';
import { startBusyLoopProcess } from './busy-loop-process.mjs';
import { decimal, integer, milliseconds, ratio } from './format.mjs';
import { markdownTable } from './markdown.mjs';
import { percentile } from './percentile.mjs';
import { runQuota } from './quota-run.mjs';
import { startRedisServerProcess } from './redis-server-process.mjs';
import { callsPerSecondLimit, rateLimitAnswers } from './spec-facts.mjs';

const processCount = 3;
const minimumRatio = 0.95;
const jitterMaxMs = 40;

const errorCount = (errors) => Object.values(errors).reduce((sum, count) => sum + count, 0);

/** A reproducible 0..max ms delay per request (mulberry32), enough for the whole run. */
const latencyFaults = (count, maxMs) => {
  let state = 14;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return Array.from({ length: count }, () => ({
    kind: 'latency',
    ms: Math.floor(next() * (maxMs + 1)),
  }));
};

const summarize = (label, run) => {
  const perProcess = run.results.map((result) => result.successes / (result.elapsedMs / 1000));
  const total = perProcess.reduce((sum, value) => sum + value, 0);
  const roundTrips = run.results.flatMap((result) => result.roundTripsMs ?? []);
  const reservations = run.results.reduce((sum, result) => sum + (result.reservations ?? 0), 0);
  const released = run.results.reduce((sum, result) => sum + (result.released ?? 0), 0);
  const attempts = run.results.reduce((sum, result) => sum + result.attempts, 0);
  return {
    label,
    perProcess,
    ratio: total / callsPerSecondLimit,
    refused: rateLimitAnswers(run.emulatorStats.byErrorCode),
    served: run.emulatorStats.busiestSecond,
    sent: run.clientBusiestWindow,
    roundTrips,
    reservations,
    released,
    attempts,
    retries: run.results.reduce((sum, result) => sum + result.retries, 0),
    errors: run.results.reduce((sum, result) => sum + errorCount(result.errors), 0),
    wrongAnswers: run.results.reduce((sum, result) => sum + result.wrongAnswers, 0),
  };
};

const cells = (row) => [
  row.label,
  row.perProcess.map((value) => decimal(value)).join(' + '),
  ratio(row.ratio),
  integer(row.refused),
  integer(row.served),
  integer(row.sent),
  row.roundTrips.length > 0
    ? `${milliseconds(median(row.roundTrips))} / ${milliseconds(percentile(row.roundTrips, 0.99))}`
    : '-',
  row.reservations > 0
    ? `${integer(row.reservations)} (${integer(row.released)}) / ${integer(row.attempts)}`
    : '-',
  integer(row.retries),
  integer(row.errors),
];

const withinLimit = (row) => row.served <= callsPerSecondLimit && row.sent <= callsPerSecondLimit;

export const measureRedisQuota = async ({ emulator, secretKey, durationMs, concurrency }) => {
  const redis = await startRedisServerProcess();
  const rows = [];
  let busyPid;
  try {
    const run = (processes, beforeGo) =>
      runQuota({ emulator, secretKey, processes, durationMs, concurrency, beforeGo });
    // The one-process run's loops, split between the processes (11 + 11 + 10):
    // every waiting call holds a reserved place, so loops beyond what the quota
    // needs only add places that the deadline strands.
    const loops = (index) =>
      Math.floor(concurrency / processCount) + (index < concurrency % processCount ? 1 : 0);
    const throughRedis = Array.from({ length: processCount }, (_, index) => ({
      concurrency: loops(index),
      redis: { url: redis.url, client: index === 1 ? 'ioredis' : 'node-redis' },
    }));
    const own = await run(
      Array.from({ length: processCount }, (_, index) => ({ concurrency: loops(index) })),
    );
    rows.push(summarize('own window each (the default)', own));
    rows.push(summarize('one window in Redis', await run(throughRedis)));
    // Enough delays for every request of the run, retries included; the rest is cleared.
    const faults = latencyFaults(
      Math.ceil((durationMs / 1000) * callsPerSecondLimit * 2),
      jitterMaxMs,
    );
    try {
      const jittered = await run(throughRedis, async () => {
        // In parts: the control API takes bodies of a limited size.
        for (let start = 0; start < faults.length; start += 500) {
          await emulator.addFaults(faults.slice(start, start + 500));
        }
      });
      rows.push(summarize(`one window in Redis, 0-${jitterMaxMs} ms jitter`, jittered));
    } finally {
      await emulator.clearFaults();
    }
    const busy = startBusyLoopProcess();
    busyPid = busy.pid;
    try {
      rows.push(summarize('one window in Redis, a busy loop on a core', await run(throughRedis)));
    } finally {
      await busy.stop();
    }
  } finally {
    await redis.stop();
  }
  const [, shared, jittered, loaded] = rows;
  const wrongAnswers = rows.reduce((sum, row) => sum + row.wrongAnswers, 0);
  return {
    title: 'Quota: three processes on one SDKAppID, through Redis',
    blocks: [
      markdownTable(
        [
          { title: 'rate-limit state', align: 'left' },
          { title: 'successful calls/s (each)', align: 'right' },
          { title: 'ratio to limit (all)', align: 'right' },
          { title: 'rate-limit answers', align: 'right' },
          { title: 'busiest 1 s served', align: 'right' },
          { title: 'busiest 1 s sent (all)', align: 'right' },
          { title: 'Redis round trip median / p99', align: 'right' },
          { title: 'places (given back) / attempts', align: 'right' },
          { title: 'retries', align: 'right' },
          { title: 'errors thrown', align: 'right' },
        ],
        rows.map(cells),
      ),
    ],
    verdicts: [
      {
        passed: shared.ratio >= minimumRatio,
        text: `through Redis: calls/s ${ratio(shared.ratio)} of ${callsPerSecondLimit}/s >= ${minimumRatio} (informational)`,
      },
      ...[shared, jittered, loaded].map((row) => ({
        passed: row.refused === 0 && withinLimit(row),
        text: `${row.label}: ${integer(row.refused)} rate-limit answers = 0, busiest 1 s window ${Math.max(row.served, row.sent)} <= ${callsPerSecondLimit} (informational)`,
      })),
    ],
    notes: [
      `With a window in each process, the ${processCount} processes together send up to ${processCount} times the limit and the emulator refuses the excess; the client retries those refusals (backOff, from 1 s), and what is still refused after the retries reaches the caller. That is why a shared store exists.`,
      'places (given back) / attempts: the places reserved in Redis, how many of them calls gave back, and the attempts sent. A call gives its place back and takes a new one when it wakes more than half the margin after it (a busy event loop, a late answer from Redis), and gives it back when it is aborted (at the deadline). The Redis rows run the same number of loops in all as the one-process run: every waiting call holds a place reserved ahead.',
    ],
    broken: wrongAnswers > 0 ? `${wrongAnswers} pages had the wrong number of members` : undefined,
    measured: [
      `${processCount} client processes (node --expose-gc) with ${concurrency} loops in all (as many as the one-process run, split between them) calling getMembers over the polled rooms round robin (createChatClient defaults), started together for ${decimal(durationMs / 1000, 0)} s per row against one emulator process (warmed up by the one-process section).`,
      `In the Redis rows each client is given rateLimit.store = createRedisRateLimitStore over its own connection to one redis-server ${redis.version} (Debian's, on a free loopback port, no persistence): processes 1 and 3 on node-redis, process 2 on ioredis.`,
      `The jitter row queues one emulator latency fault per request, 0 to ${jitterMaxMs} ms (uniform, a fixed pseudo-random sequence), which delays each request before the emulator's rate limiter counts it. The busy-loop row runs one more Node process spinning in a loop (pid ${busyPid}) for the whole row.`,
      "Rate-limit answers and the busiest window served are the emulator's counts; the busiest window sent counts every process's attempts together by Date.now(). The Redis round trip is each reservePlace() call's time as the client sees it (performance.now() around it, its own event loop included), over all processes.",
    ],
  };
};
