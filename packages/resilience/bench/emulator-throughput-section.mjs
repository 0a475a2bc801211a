// "Emulator throughput": how many get_members requests per second the emulator
// answers on loopback, so its own speed is known when reading the other
// figures (a client cannot go faster than the server it is measured against).
import { generateUserSig } from '@avchatroom/client';
import { median } from '../../client/bench/stats.mjs';
import { benchApp, fullPageRoom, smallPageRoom } from './bench-seed.mjs';
import { startEmulatorProcess } from './emulator-process.mjs';
import { decimal, integer, milliseconds } from './format.mjs';
import { runLoopbackLoad } from './loopback-load.mjs';
import { markdownTable } from './markdown.mjs';
import { percentile } from './percentile.mjs';
import { getMembersPath } from './spec-facts.mjs';

const warmupMs = 1_000;

export const measureEmulatorThroughput = async ({
  seedPath,
  secretKey,
  concurrency,
  durationMs,
}) => {
  // No call limit: the point is the emulator's ceiling, not the quota.
  const emulator = await startEmulatorProcess({ seedPath, args: ['--calls-per-second', 'off'] });
  const rows = [];
  let failures = 0;
  try {
    const userSig = await generateUserSig({ ...benchApp, secretKey, expireSeconds: 86_400 });
    const query = new URLSearchParams({
      sdkappid: String(benchApp.sdkAppId),
      identifier: benchApp.identifier,
      usersig: userSig,
      // One random for every request: the emulator does not require it to change.
      random: '1',
      contenttype: 'json',
    });
    for (const room of [smallPageRoom, fullPageRoom]) {
      const target = {
        url: `${emulator.url}${getMembersPath}?${query}`,
        body: JSON.stringify({ GroupId: room.groupId, Timestamp: 0 }),
        concurrency,
      };
      // Warm-up, not recorded: JIT-compile both processes' paths and open the connections.
      await runLoopbackLoad({ ...target, durationMs: warmupMs });
      const load = await runLoopbackLoad({ ...target, durationMs });
      failures += load.failures;
      rows.push([
        `${room.members} members`,
        integer(load.answerBytes),
        integer(load.requests),
        decimal(load.requests / (load.elapsedMs / 1000), 0),
        milliseconds(median(load.latenciesMs)),
        milliseconds(percentile(load.latenciesMs, 0.99)),
      ]);
    }
  } finally {
    await emulator.stop();
  }
  return {
    title: 'Emulator throughput on loopback',
    blocks: [
      markdownTable(
        [
          { title: 'page', align: 'left' },
          { title: 'answer bytes', align: 'right' },
          { title: 'requests', align: 'right' },
          { title: 'requests/s', align: 'right' },
          { title: 'median latency', align: 'right' },
          { title: 'p99 latency', align: 'right' },
        ],
        rows,
      ),
    ],
    notes: [
      'No target: this is the ceiling of the server the other sections measure against. Each request is checked in full by the emulator (query, UserSig signature, body, group), as an API call would be.',
    ],
    broken: failures > 0 ? `${failures} answers were not HTTP 200 with ErrorCode 0` : undefined,
    measured: [
      `An emulator process with --calls-per-second off; the bench process runs ${concurrency} loops of sequential POSTs, each on its own keep-alive connection (node:http Agent), for ${decimal(durationMs / 1000, 0)} s per page after ${decimal(warmupMs / 1000, 0)} s of warm-up.`,
      "The two processes share the machine's cores. Latency = send to last byte, per request.",
    ],
  };
};
