import { describe, expect, it } from 'vitest';
import { createManualClock, systemClock } from './clock.js';

describe('createManualClock', () => {
  it('stays where it is told', () => {
    const clock = createManualClock(1_000);
    expect(clock.now()).toBe(1_000);
    clock.advance(250);
    clock.advance(0);
    expect(clock.now()).toBe(1_250);
    clock.set(500);
    expect(clock.now()).toBe(500);
  });

  it('starts at the system time by default', () => {
    const before = Date.now();
    const now = createManualClock().now();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('refuses to advance by %s', (ms) => {
    const clock = createManualClock(1_000);
    expect(() => clock.advance(ms)).toThrow(
      new RangeError('advance takes a non-negative number of milliseconds'),
    );
    expect(clock.now()).toBe(1_000);
  });
});

describe('systemClock', () => {
  it('reads Date.now()', () => {
    const before = Date.now();
    expect(systemClock.now()).toBeGreaterThanOrEqual(before);
  });
});
