import { ApiFailure, type FailureBody, failure, type SuccessBody } from './api-answer.js';
import { answerGetMembers, type GetMembersContext } from './get-members-handler.js';
import { readQueryString } from './query-checks.js';

/** A request on the API path, as far as HTTP goes. */
export interface ApiRequest {
  method: string | undefined;
  /** The raw query string, still percent-encoded. */
  query: string;
  /** The body; undefined when it was over `maxBodyBytes`. */
  rawBody: Buffer | undefined;
}

/**
 * Answers a request on the API path: first what a gateway checks before the API
 * sees the call (the README's 60002 rows: a body over 64 KiB, a method other than
 * POST, a query string that is not percent-encoded UTF-8), then get_members.
 */
export const answerApiRequest = (
  context: GetMembersContext,
  request: ApiRequest,
): SuccessBody | FailureBody => {
  if (request.rawBody === undefined) return failure(60002, 'the body is larger than 64 KiB');
  if (request.method !== 'POST') return failure(60002, 'REST APIs take POST only');
  let params: URLSearchParams;
  try {
    params = readQueryString(request.query);
  } catch (error) {
    if (error instanceof ApiFailure) return error.body;
    throw error;
  }
  return answerGetMembers(context, params, request.rawBody);
};
