import fc from 'fast-check';
import { it } from 'vitest';

/**
 * A whole property's time limit: a few seconds on an idle machine; generous,
 * since the machine is shared.
 */
export const PROPERTY_TIMEOUT_MS = 30_000;

/** A test that asserts the property `make` returns over `numRuns` runs, within PROPERTY_TIMEOUT_MS. */
export const itHolds = <Ts>(
  name: string,
  numRuns: number,
  make: () => fc.IRawProperty<Ts>,
): void => {
  it(
    name,
    async () => {
      await fc.assert(make(), { numRuns });
    },
    PROPERTY_TIMEOUT_MS,
  );
};
