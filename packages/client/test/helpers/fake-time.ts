import { vi } from 'vitest';

/**
 * Runs fake timers until the promises settle. Some work between timers is real
 * async I/O on the thread pool (Web Crypto, Compression Streams), so a single
 * runAllTimersAsync can return before the next timer exists; setImmediate (not
 * faked) lets that work finish. Bounded by 4 s of real time (performance.now is
 * not faked).
 */
export const settleWithFakeTimers = async (...promises: Promise<unknown>[]): Promise<void> => {
  let settled = false;
  void Promise.allSettled(promises).then(() => {
    settled = true;
  });
  const deadline = performance.now() + 4_000;
  while (!settled && performance.now() < deadline) {
    await vi.runAllTimersAsync();
    await new Promise((resolve) => setImmediate(resolve));
  }
};
