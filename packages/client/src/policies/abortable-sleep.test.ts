import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { abortableSleep } from './abortable-sleep.js';
import { maxTimeoutMs } from './retry-policy.js';

describe('abortableSleep', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('waits longer than one timer can (setTimeout fires at once past 2^31 - 1 ms)', async () => {
    // A rate limit of one call in 30 days asks for such a wait (README, Rate limit).
    const waitMs = maxTimeoutMs + 60_000;
    let done = false;
    void abortableSleep(waitMs).then(() => {
      done = true;
    });
    await vi.advanceTimersByTimeAsync(maxTimeoutMs);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(59_999);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toBe(true);
  });

  it('ends a long wait as soon as the signal aborts', async () => {
    const controller = new AbortController();
    const sleeping = abortableSleep(3 * maxTimeoutMs, controller.signal);
    await vi.advanceTimersByTimeAsync(maxTimeoutMs + 5);
    controller.abort(new Error('stop'));
    await expect(sleeping).rejects.toThrow('stop');
    expect(vi.getTimerCount()).toBe(0);
  });
});
