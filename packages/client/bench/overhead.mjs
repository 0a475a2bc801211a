// Per-call cost of each variant, measured in interleaved rounds. Within a round
// every variant runs one batch of sequential calls; the order rotates from round
// to round so no variant always runs first (cold caches) or last (after the
// others' garbage). Ratios are paired per round against raw fetch.
import { performance } from 'node:perf_hooks';
import { median, pairedRatios, summarizeRatios } from './stats.mjs';

const runBatch = async (call, calls) => {
  const start = performance.now();
  for (let index = 0; index < calls; index += 1) await call();
  return ((performance.now() - start) * 1000) / calls;
};

/**
 * @param variants [{ id, name, call }]; the first is the baseline
 * @returns per variant: the per-call mean of each round (us), their median, and
 *   the paired ratios to the baseline
 */
export const measureOverhead = async (variants, { rounds, batchSize, warmupCalls, onRound }) => {
  // Warm-up: JIT-compile every path, open the keep-alive connection, and let
  // zod build its compiled fast path, before anything is recorded.
  for (const variant of variants) await runBatch(variant.call, warmupCalls);

  const perCallUs = new Map(variants.map((variant) => [variant.id, []]));
  for (let round = 0; round < rounds; round += 1) {
    const shift = round % variants.length;
    const order = [...variants.slice(shift), ...variants.slice(0, shift)];
    for (const variant of order) {
      perCallUs.get(variant.id).push(await runBatch(variant.call, batchSize));
    }
    onRound?.(round + 1);
  }

  const baseline = perCallUs.get(variants[0].id);
  return variants.map((variant) => {
    const series = perCallUs.get(variant.id);
    return {
      ...variant,
      series,
      medianUs: median(series),
      ratio: summarizeRatios(pairedRatios(series, baseline)),
    };
  });
};
