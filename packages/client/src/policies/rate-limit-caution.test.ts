import { describe, expect, it } from 'vitest';
import { cautiousWindow, noteRateLimitAnswer } from './rate-limit-caution.js';
import { createMemoryRateLimitStore, rateLimitDefaults } from './rate-limit-store.js';

const window = { key: 'getMembers:1', limit: 200, windowMs: 1030, burst: 10 };
const { cautionStepMs, cautionMaxMs, cautionHalfLifeMs } = rateLimitDefaults;

describe('rate-limit caution', () => {
  it('leaves the window alone until the server answers with a rate limit', () => {
    expect(cautiousWindow(createMemoryRateLimitStore(), window, 0)).toBe(window);
  });

  it('widens the window by a step per rate-limit answer, up to the cap', () => {
    const store = createMemoryRateLimitStore();
    noteRateLimitAnswer(store, window, 0);
    expect(cautiousWindow(store, window, 0).windowMs).toBe(1030 + cautionStepMs);
    noteRateLimitAnswer(store, window, 0);
    expect(cautiousWindow(store, window, 0).windowMs).toBe(1030 + 2 * cautionStepMs);
    for (let answer = 0; answer < 50; answer += 1) noteRateLimitAnswer(store, window, 0);
    expect(cautiousWindow(store, window, 0).windowMs).toBe(1030 + cautionMaxMs);
  });

  it('halves every half-life without a rate-limit answer, then ends', () => {
    const store = createMemoryRateLimitStore();
    noteRateLimitAnswer(store, window, 0);
    noteRateLimitAnswer(store, window, 0);
    expect(cautiousWindow(store, window, cautionHalfLifeMs).windowMs).toBeCloseTo(
      1030 + cautionStepMs,
      6,
    );
    expect(cautiousWindow(store, window, 20 * cautionHalfLifeMs)).toEqual(window);
  });

  it('is kept per store and window key', () => {
    const store = createMemoryRateLimitStore();
    noteRateLimitAnswer(store, window, 0);
    expect(cautiousWindow(createMemoryRateLimitStore(), window, 0)).toBe(window);
    const other = { ...window, key: 'getMembers:2' };
    expect(cautiousWindow(store, other, 0)).toBe(other);
  });
});
