import { afterAll, beforeAll, expect } from 'vitest';
import {
  type ApiBody,
  apiFailureCode,
  expectStillServing,
  type HttpAnswer,
  postAnswer,
  readApiBody,
} from './api-answer-checks.js';
import { type BadInputTarget, startBadInputTarget } from './bad-input-target.js';
import { type ProcessErrorWatch, watchProcessErrors } from './process-error-watch.js';

/**
 * One emulator for a test file: started before its tests, and after them it
 * must still serve, with no exception or rejection left uncaught in between.
 * Returns a getter for the running target.
 */
const useBadInputTarget = (): (() => BadInputTarget) => {
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

/** A test file's emulator (useBadInputTarget) and the answer checks, bound to it. */
export interface BadInputSuite {
  target: () => BadInputTarget;
  /** POSTs `body` to the API path with the valid query (`goodUrl`). */
  post: (body: string | Uint8Array<ArrayBuffer>, init?: RequestInit) => Promise<HttpAnswer>;
  /** readApiBody: the answer is valid under the spec's schema and shows no secret. */
  readBody: (answer: HttpAnswer, options?: { status?: number; operationId?: string }) => ApiBody;
  /** apiFailureCode: the answer is the API's failure shape; returns its ErrorCode. */
  failureCode: (answer: HttpAnswer, options?: { status?: number }) => number;
  /** The emulator still answers health and a valid call. */
  expectStillServing: () => Promise<void>;
}

export const useBadInputSuite = (): BadInputSuite => {
  const target = useBadInputTarget();
  return {
    target,
    post: (body, init) => postAnswer(target().goodUrl, body, init),
    readBody: (answer, options) => readApiBody(answer, target(), options),
    failureCode: (answer, options) => apiFailureCode(answer, target(), options),
    expectStillServing: () => expectStillServing(target()),
  };
};
