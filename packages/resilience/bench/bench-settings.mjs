// How long each part runs. The defaults are the (a 10 s quota run) and
// keep the whole `pnpm bench` within about 3 minutes; environment variables
// shorten them for a quick look (the report states what was used).

const positiveIntegerFromEnv = (name, fallback) => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new Error(`${name} must be a positive integer, got ${JSON.stringify(raw)}`);
  }
  return value;
};

export const benchSettings = {
  quotaMs: positiveIntegerFromEnv('BENCH_QUOTA_SECONDS', 10) * 1000,
  sharedQuotaMs: positiveIntegerFromEnv('BENCH_SHARED_QUOTA_SECONDS', 5) * 1000,
  /** Concurrent getMembers loops per client process. */
  quotaConcurrency: positiveIntegerFromEnv('BENCH_QUOTA_CONCURRENCY', 32),
  // Rounds of a few milliseconds each swing by 2x on shared cores: many of them.
  paginationRounds: positiveIntegerFromEnv('BENCH_PAGINATION_ROUNDS', 100),
  paginationWarmups: 20,
  throughputMs: positiveIntegerFromEnv('BENCH_THROUGHPUT_SECONDS', 5) * 1000,
  throughputConcurrency: positiveIntegerFromEnv('BENCH_THROUGHPUT_CONCURRENCY', 8),
};
