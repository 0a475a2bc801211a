import type { CallSender } from './call-sender.js';
import type { ChatFieldIssue } from './errors/chat-error.js';
import { ChatRequestValidationError } from './errors/chat-errors.js';
import type { GetMembersRequest, GetMembersResponse, OnlineMember } from './generated/types.gen.js';
import { operationSchemas } from './operation-schemas.js';
import { isValidTimeoutMs, maxTimeoutMs } from './policies/retry-policy.js';

/** One call of getMembers: a page of the group's online members. */
export interface GetMembersParams {
  /** The audio-video group (AVChatRoom), e.g. `@TGS#a6I4ZUUGO`. */
  groupId: string;
  /**
   * 0 for the first page, then the previous page's `nextTimestamp`: an opaque
   * cursor, passed back as is.
   * @default 0
   */
  timestamp?: number;
  /** Only members carrying this mark (custom marks are 1000 and up). */
  mark?: number;
  signal?: AbortSignal;
  /** Overrides the client's `timeoutMs` for each attempt of this call. */
  timeoutMs?: number;
}

/** One page, as the API returned it. */
export interface GetMembersPage {
  members: OnlineMember[];
  /** The cursor for the next page; 0 when there is none. */
  nextTimestamp: number;
  /** The call's `random`, which identifies it in server logs. */
  requestId: number;
  /** The whole response body (ErrorCode 0). */
  response: GetMembersResponse;
}

// The caller's names for the body fields.
const fieldNames = {
  GroupId: 'groupId',
  Timestamp: 'timestamp',
  Mark: 'mark',
} as const satisfies Record<keyof GetMembersRequest, keyof GetMembersParams>;
const paramNames = new Set<string>([...Object.values(fieldNames), 'signal', 'timeoutMs']);
const callerName = (field: string) => fieldNames[field as keyof typeof fieldNames] ?? field;

const checkCallOptions = (params: GetMembersParams): ChatFieldIssue[] => {
  const issues: ChatFieldIssue[] = [];
  for (const name of Object.keys(params)) {
    if (!paramNames.has(name))
      issues.push({ path: name, message: 'is not a parameter of getMembers' });
  }
  if (params.signal !== undefined && !(params.signal instanceof AbortSignal)) {
    issues.push({ path: 'signal', message: 'must be an AbortSignal' });
  }
  const { timeoutMs } = params;
  if (timeoutMs !== undefined && !isValidTimeoutMs(timeoutMs)) {
    issues.push({ path: 'timeoutMs', message: `must be an integer from 1 to ${maxTimeoutMs}` });
  }
  return issues;
};

/**
 * The request body as JSON, after checking every field against the spec's
 * schema; throws ChatRequestValidationError listing every bad field.
 */
export const getMembersBody = (params: GetMembersParams): string => {
  if (typeof params !== 'object' || params === null) {
    throw new ChatRequestValidationError(
      [{ path: '', message: 'the parameters must be an object' }],
      {
        operation: 'getMembers',
        requestId: undefined,
      },
    );
  }
  const body: GetMembersRequest = { GroupId: params.groupId, Timestamp: params.timestamp ?? 0 };
  if (params.mark !== undefined) body.Mark = params.mark;
  const issues = [
    ...operationSchemas.getMembers
      .request(body)
      .map((issue) => ({ ...issue, path: issue.path.replace(/^\w+/, callerName) })),
    ...checkCallOptions(params),
  ];
  if (issues.length > 0) {
    throw new ChatRequestValidationError(issues, { operation: 'getMembers', requestId: undefined });
  }
  return JSON.stringify(body);
};

/** getMembers through the call sender: one page, with every policy applied. */
export const createGetMembers =
  (send: CallSender, validateResponses: boolean) =>
  async (params: GetMembersParams): Promise<GetMembersPage> => {
    const body = getMembersBody(params);
    const { data, requestId } = await send({
      operation: 'getMembers',
      body,
      signal: params.signal,
      timeoutMs: params.timeoutMs,
      validate: validateResponses ? operationSchemas.getMembers.response : undefined,
    });
    const response = data as GetMembersResponse;
    return {
      members: response.MemberList ?? [],
      nextTimestamp: response.NextTimestamp ?? 0,
      requestId,
      response,
    };
  };
