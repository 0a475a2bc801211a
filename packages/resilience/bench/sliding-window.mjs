// The most calls in any sliding 1 s window, counted the way the emulator counts
// them (packages/emulator/src/call-rate-limiter.ts): at each call, the calls in
// the 1,000 ms before it, itself included, on a millisecond clock.

const windowMs = 1000;

/** @param timesMs send times in whole milliseconds (Date.now()), in any order */
export const busiestWindow = (timesMs) => {
  const sorted = [...timesMs].sort((a, b) => a - b);
  let busiest = 0;
  let first = 0;
  for (let last = 0; last < sorted.length; last += 1) {
    while (sorted[first] <= sorted[last] - windowMs) first += 1;
    busiest = Math.max(busiest, last - first + 1);
  }
  return busiest;
};
