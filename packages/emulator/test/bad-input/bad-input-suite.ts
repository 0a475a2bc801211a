import { afterAll, beforeAll, expect } from 'vitest';
import { expectStillServing } from './api-answer-checks.js';
import { type BadInputTarget, startBadInputTarget } from './bad-input-target.js';
import { type ProcessErrorWatch, watchProcessErrors } from './process-error-watch.js';

/**
 * One emulator for a test file: started before its tests, and after them it
 * must still serve, with no exception or rejection left uncaught in between.
 * Returns a getter for the running target.
 */
export const useBadInputTarget = (): (() => BadInputTarget) => {
  let target: BadInputTarget | undefined;
  let watch: ProcessErrorWatch | undefined;
  beforeAll(async () => {
    watch = watchProcessErrors();
    target = await startBadInputTarget();
  });
  afterAll(async () => {
    try {
      if (target) await expectStillServing(target);
      expect(watch?.errors).toEqual([]);
    } finally {
      watch?.stop();
      await target?.emulator.stop();
    }
  });
  return () => {
    if (!target) throw new Error('the emulator has not started');
    return target;
  };
};
