// One quota run: some client processes (quota-worker.mjs) poll the 2,000 rooms
// at once against one emulator process for the same SDKAppID. The emulator's
// counters are zeroed after every worker has warmed up and just before "go", so
// they hold exactly the measured calls.
import { benchApp, membersPerPolledGroup, polledGroupIds } from './bench-seed.mjs';
import { busiestWindow } from './sliding-window.mjs';
import { startWorkerProcess } from './worker-process.mjs';

/**
 * @param processes one entry per client process: {} for the defaults, or
 *   { redis: { url, client } } for a client whose window lives in Redis
 *   (client: 'node-redis' or 'ioredis')
 * @param beforeGo runs after the emulator's counters are reset, just before "go"
 * @returns each process's result, the emulator's stats and the busiest 1 s window
 *   of every process's sends together
 */
export const runQuota = async ({
  emulator,
  secretKey,
  processes,
  durationMs,
  concurrency,
  beforeGo,
}) => {
  const workers = processes.map((options, index) =>
    startWorkerProcess(
      {
        ...benchApp,
        secretKey,
        baseUrl: emulator.url,
        groupIds: polledGroupIds,
        membersPerGroup: membersPerPolledGroup,
        durationMs,
        concurrency,
        ...options,
      },
      `quota worker ${index + 1}`,
    ),
  );
  try {
    const ready = await Promise.all(workers.map((worker) => worker.ready()));
    await emulator.resetStats();
    await beforeGo?.();
    for (const worker of workers) worker.go();
    const results = await Promise.all(workers.map((worker) => worker.result(durationMs + 30_000)));
    const emulatorStats = await emulator.stats();
    return {
      results: results.map((result, index) => ({
        ...result,
        pid: workers[index].pid,
        heapBeforeBytes: ready[index].heapBeforeBytes,
      })),
      emulatorStats,
      clientBusiestWindow: busiestWindow(results.flatMap((result) => result.sendTimesMs)),
    };
  } finally {
    await Promise.all(workers.map((worker) => worker.stop()));
  }
};
