import { ApiFailure, type FailureBody, failure, type SuccessBody, success } from './api-answer.js';
import type { OperationHandler } from './operation-handler.js';
import { readQueryString } from './query-checks.js';
import { checkCall, type SharedCheckContext } from './shared-checks.js';
import type { ApiSpec, SpecOperation } from './spec-facts.js';

/** A request on an operation's path, as far as HTTP goes. */
export interface ApiRequest {
  method: string | undefined;
  /** The raw query string, still percent-encoded. */
  query: string;
  /** The body; undefined when it was over `maxBodyBytes`. */
  rawBody: Buffer | undefined;
}

/** What answering needs: the shared checks' context, the spec and the handlers. */
export interface ApiContext extends SharedCheckContext {
  spec: ApiSpec;
  /** Stateful handlers by operationId; other operations answer their success example. */
  handlers: Readonly<Record<string, OperationHandler>>;
}

/** The first success example of an operation's responses, if any. */
export const successExample = (operation: SpecOperation): SuccessBody | undefined =>
  Object.values(operation.responseExamples).find(
    (example) => example?.ErrorCode === 0 && example.ActionStatus === 'OK',
  ) as SuccessBody | undefined;

/**
 * The fallback answer of an operation without a handler: a copy of its first
 * success example; on a paged operation with the next cursor at its stop value,
 * so that a client listing every page ends after one.
 */
const exampleAnswer = (operation: SpecOperation): SuccessBody => {
  const answer = structuredClone(successExample(operation) as SuccessBody);
  const { nextCursor, stopValue } = operation.pagination ?? {};
  if (typeof nextCursor === 'string' && nextCursor in answer) answer[nextCursor] = stopValue;
  return answer;
};

/**
 * Answers a request to one of the spec's operations: first what a gateway checks
 * before the API sees the call (the README's 60002 rows: a body over 64 KiB, a
 * method other than POST, a query string that is not percent-encoded UTF-8),
 * then the checks every operation shares, then the operation's handler, or, for
 * an operation with none, its first success example.
 */
export const answerApiRequest = (
  context: ApiContext,
  operation: SpecOperation,
  request: ApiRequest,
): SuccessBody | FailureBody => {
  if (request.rawBody === undefined) return failure(60002, 'the body is larger than 64 KiB');
  if (request.method !== 'POST') return failure(60002, 'REST APIs take POST only');
  const handler = context.handlers[operation.operationId];
  try {
    const params = readQueryString(request.query);
    const call = checkCall(
      context,
      operation,
      params,
      request.rawBody,
      handler?.servesOtherEditions ?? false,
    );
    if (handler) return success(handler.answer(call));
    return exampleAnswer(operation);
  } catch (error) {
    if (error instanceof ApiFailure) return error.body;
    throw error;
  }
};
