// How long each part runs. The defaults are the (a 10 s quota run) and
// keep the whole `pnpm bench` within about 3 minutes; environment variables
// shorten them for a quick look (the report states what was used).

import { positiveIntegerFromEnv } from '../../client/bench/env-settings.mjs';

export const benchSettings = {
  quotaMs: positiveIntegerFromEnv('BENCH_QUOTA_SECONDS', 10) * 1000,
  /** Each of the four rows of the three-process section. */
  sharedQuotaMs: positiveIntegerFromEnv('BENCH_SHARED_QUOTA_SECONDS', 10) * 1000,
  /** Concurrent getMembers loops per client process. */
  quotaConcurrency: positiveIntegerFromEnv('BENCH_QUOTA_CONCURRENCY', 32),
  // Rounds of a few milliseconds each swing by 2x on shared cores: many of them.
  paginationRounds: positiveIntegerFromEnv('BENCH_PAGINATION_ROUNDS', 100),
  paginationWarmups: 20,
  throughputMs: positiveIntegerFromEnv('BENCH_THROUGHPUT_SECONDS', 5) * 1000,
  throughputConcurrency: positiveIntegerFromEnv('BENCH_THROUGHPUT_CONCURRENCY', 8),
};
