// Robust summaries: rounds on shared cores swing by tens of percent, so the
// benchmark reports medians and paired ratios rather than means.

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/**
 * Ratios of two series taken in the same rounds (variant / baseline per round).
 * Pairing cancels what a round shares (a noisy neighbour, a GC, a CPU frequency
 * change), which unpaired medians of each series do not.
 */
export const pairedRatios = (series, baseline) =>
  series.map((value, round) => value / baseline[round]);

export const summarizeRatios = (ratios) => ({
  median: median(ratios),
  min: Math.min(...ratios),
  max: Math.max(...ratios),
});
