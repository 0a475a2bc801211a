// "Quota": one process polls the 2,000 rooms continuously with the default
// client against the emulator enforcing the spec's limit per SDKAppID.
// Targets (the Load section): calls/s at least 0.95 of the limit, no
// rate-limit answer from the emulator, no 1 s window over the limit.
import { polledGroupCount } from './bench-seed.mjs';
import { decimal, integer, megabytes, ratio } from './format.mjs';
import { markdownTable } from './markdown.mjs';
import { runQuota } from './quota-run.mjs';
import { callsPerSecondLimit, rateLimitAnswers, rateLimitCodes } from './spec-facts.mjs';

const minimumRatio = 0.95;
/**
 * The first seconds of a freshly started emulator: its code is not compiled
 * yet, so its first calls are served late, and the calls one window later,
 * served on time, land in the same second of its count. The real service is
 * never cold, so the measured run starts on a warm emulator; the warm-up run's
 * refusals are reported beside it.
 */
const emulatorWarmUpMs = 3_000;

const errorsText = (errors) =>
  Object.entries(errors)
    .map(([key, count]) => `${count} ${key}`)
    .join(', ') || '0';

// Why the emulator refused calls, from what the client itself sent.
const refusalNotes = (refused, clientBusiest) => {
  if (refused === 0) return [];
  if (clientBusiest > callsPerSecondLimit) {
    return [
      `Why the refusals: the client itself sent ${clientBusiest} attempts within one 1 s window, more than its rate limit allows; that is a client bug.`,
    ];
  }
  return [
    `Why the refusals: the client never sent more than ${callsPerSecondLimit} attempts in a 1 s window by its own clock, so the extra calls in one window at the emulator come from arrival jitter (the network and the emulator's event loop) larger than the client's margin (rateLimitDefaults.marginMs).`,
  ];
};

// Why the client sent fewer attempts than its rate limit allows.
const idleWindowNotes = (attemptsPerSecond, concurrency) =>
  attemptsPerSecond < minimumRatio * callsPerSecondLimit
    ? [
        `Why fewer calls: the client sent ${decimal(attemptsPerSecond)} attempts/s, fewer than its limit of ${callsPerSecondLimit}. Pacing banks at most a burst of unused places, so every moment when all ${concurrency} loops were waiting (for answers, or in a retry's back-off) lost its places; on a busy machine answers come late and this grows. Compare the load averages at the top.`,
      ]
    : [];

export const measureQuota = async ({ emulator, secretKey, durationMs, concurrency }) => {
  const warmUp = await runQuota({
    emulator,
    secretKey,
    processes: [{}],
    durationMs: emulatorWarmUpMs,
    concurrency,
  });
  const warmUpRefused = rateLimitAnswers(warmUp.emulatorStats.byErrorCode);
  const run = await runQuota({ emulator, secretKey, processes: [{}], durationMs, concurrency });
  const [result] = run.results;
  const { emulatorStats } = run;
  const callsPerSecond = result.successes / (result.elapsedMs / 1000);
  const achieved = callsPerSecond / callsPerSecondLimit;
  const refused = rateLimitAnswers(emulatorStats.byErrorCode);
  const attemptsPerSecond = result.attempts / (result.elapsedMs / 1000);
  const rows = [
    ['successful calls / s', decimal(callsPerSecond), ''],
    [`ratio to the limit (${callsPerSecondLimit}/s)`, ratio(achieved), `>= ${minimumRatio}`],
    ['rate-limit answers from the emulator', integer(refused), '0'],
    [
      'busiest 1 s window at the emulator (served calls)',
      integer(emulatorStats.busiestSecond),
      `<= ${callsPerSecondLimit}`,
    ],
    [
      "busiest 1 s window of the client's sends",
      integer(run.clientBusiestWindow),
      `<= ${callsPerSecondLimit}`,
    ],
    ['calls (successful / all)', `${integer(result.successes)} / ${integer(result.calls)}`, ''],
    ['calls cut off by the deadline', integer(result.abortedAtDeadline), ''],
    ['attempts sent / s (first tries and retries)', decimal(attemptsPerSecond), ''],
    [
      'attempts sent / emulator API requests',
      `${integer(result.attempts)} / ${integer(emulatorStats.apiCalls)}`,
      '',
    ],
    ["retries (attempts beyond each call's first)", integer(result.retries), ''],
    ['errors thrown to the caller', errorsText(result.errors), ''],
    ['duration', `${decimal(result.elapsedMs / 1000, 2)} s`, ''],
    [
      'client heapUsed before / after (after gc)',
      `${megabytes(result.heapBeforeBytes)} / ${megabytes(result.heapAfterBytes)}`,
      '',
    ],
    ['client RSS after', megabytes(result.rssAfterBytes), ''],
    [
      `rate-limit answers in the ${decimal(emulatorWarmUpMs / 1000, 0)} s warm-up run (cold emulator, not counted above)`,
      integer(warmUpRefused),
      '',
    ],
  ];
  const passed = {
    ratio: achieved >= minimumRatio,
    refused: refused === 0,
    // The emulator does not count the calls it refuses, so its figure cannot pass
    // the limit while it enforces it; what the client sent can.
    window:
      emulatorStats.busiestSecond <= callsPerSecondLimit &&
      run.clientBusiestWindow <= callsPerSecondLimit,
  };
  return {
    title: 'Quota: one process, default client',
    blocks: [
      markdownTable(
        [
          { title: 'figure', align: 'left' },
          { title: 'value', align: 'right' },
          { title: 'target', align: 'left' },
        ],
        rows,
      ),
    ],
    verdicts: [
      {
        passed: passed.ratio,
        text: `calls/s ${ratio(achieved)} of ${callsPerSecondLimit}/s >= ${minimumRatio} (informational)`,
      },
      {
        passed: passed.refused,
        text: `${integer(refused)} rate-limit answers = 0 (informational)`,
      },
      {
        passed: passed.window,
        text: `busiest 1 s window: ${emulatorStats.busiestSecond} served by the emulator, ${run.clientBusiestWindow} sent by the client, each <= ${callsPerSecondLimit} (informational)`,
      },
    ],
    notes: [
      ...refusalNotes(refused, run.clientBusiestWindow),
      ...idleWindowNotes(attemptsPerSecond, concurrency),
      `The warm-up run before it (another client process, same settings, ${decimal(emulatorWarmUpMs / 1000, 0)} s) started the emulator's code; it got ${integer(warmUpRefused)} rate-limit answers while the emulator served its first calls late (cold runs of 5 s and 20 s got about as many as each other, so they come from the start, not the length). Those calls were retried; the real service is never cold.`,
    ],
    broken:
      result.wrongAnswers > 0
        ? `${result.wrongAnswers} pages had the wrong number of members`
        : undefined,
    measured: [
      `One client process (node --expose-gc, pid ${result.pid}) with createChatClient defaults (only baseUrl and credentials set; rate limit ${callsPerSecondLimit} calls per 1 s + rateLimitDefaults.marginMs, paced after a burst)`,
      `runs ${concurrency} concurrent loops calling getMembers over ${integer(polledGroupCount)} rooms round robin for ${decimal(durationMs / 1000, 0)} s.`,
      `The emulator runs in its own process with its default limit (the spec's ${callsPerSecondLimit} calls/s per SDKAppID over any sliding 1 s window); it is warmed up first by a ${decimal(emulatorWarmUpMs / 1000, 0)} s run of another client process, and its counters are reset after the measured client's warm-up call.`,
      'calls/s = successful calls completed within the duration / the duration; at the deadline the calls still waiting (for a rate-limit slot, a back-off or an answer) are aborted through their signal and not counted.',
      `Rate-limit answers = the emulator's answers with a backOff code (${rateLimitCodes.join(', ')}).`,
      `The emulator's busiest window counts the calls it served; it refuses a call that would make it pass ${callsPerSecondLimit}, so the calls over the limit show as rate-limit answers instead.`,
      "The client's own busiest window counts its fetch calls (every attempt) by Date.now() the way the emulator counts arrivals; an attempt aborted in flight at the deadline may never reach the emulator, so the two request counts can differ by a few.",
      'Heap = process.memoryUsage().heapUsed after a full gc(), before the first measured call and after the last.',
    ],
  };
};
