// Bench settings from environment variables (BENCH_ROUNDS=10 pnpm bench, say),
// shared by this bench and packages/resilience/bench.

/** The variable as a positive integer, or `fallback` when unset or empty; throws on anything else. */
export const positiveIntegerFromEnv = (name, fallback) => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new Error(`${name} must be a positive integer, got ${JSON.stringify(raw)}`);
  }
  return value;
};
