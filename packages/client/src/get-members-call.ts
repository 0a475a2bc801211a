import type { CallSender } from './call-sender.js';
import type { ChatFieldIssue } from './errors/chat-error.js';
import { ChatRequestValidationError } from './errors/chat-errors.js';
import type { GetMembersRequest, GetMembersResponse, OnlineMember } from './generated/types.gen.js';
import { isAbortSignal } from './is-abort-signal.js';
import { operationSchemas } from './operation-schemas.js';
import { isValidTimeoutMs, maxTimeoutMs } from './policies/retry-policy.js';
import { readCallerFields } from './read-caller-fields.js';

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
const paramNames = [
  'groupId',
  'timestamp',
  'mark',
  'signal',
  'timeoutMs',
] as const satisfies readonly (keyof GetMembersParams)[];
const callerName = (field: string) => fieldNames[field as keyof typeof fieldNames] ?? field;

const refuse = (issues: ChatFieldIssue[]): never => {
  throw new ChatRequestValidationError(issues, { operation: 'getMembers', requestId: undefined });
};

/**
 * The request body for these fields and its problems against the spec's
 * schema, by the caller's names (`groupId`). A missing timestamp is 0; any
 * other value, null included, is checked as given.
 */
export const requestBodyFor = (fields: {
  groupId: unknown;
  timestamp?: unknown;
  mark?: unknown;
}): { body: GetMembersRequest; issues: ChatFieldIssue[] } => {
  const body = {
    GroupId: fields.groupId,
    Timestamp: fields.timestamp === undefined ? 0 : fields.timestamp,
    ...(fields.mark === undefined ? {} : { Mark: fields.mark }),
  } as GetMembersRequest;
  const issues = operationSchemas.getMembers
    .request(body)
    .map((issue) => ({ ...issue, path: issue.path.replace(/^\w+/, callerName) }));
  return { body, issues };
};

/** One getMembers call, its params read once and checked. */
interface CheckedCall {
  body: string;
  signal: AbortSignal | undefined;
  timeoutMs: number | undefined;
}

/**
 * Reads the params once (so a getter cannot answer the check and the call
 * differently) and checks every field; throws ChatRequestValidationError
 * listing every bad one.
 */
export const checkGetMembersCall = (params: unknown): CheckedCall => {
  if (typeof params !== 'object' || params === null) {
    return refuse([{ path: '', message: 'the parameters must be an object' }]);
  }
  const read = readCallerFields(params, paramNames);
  const { groupId, timestamp, mark, signal, timeoutMs } = read.values;
  const request = requestBodyFor({ groupId, timestamp, mark });
  const issues: ChatFieldIssue[] = [
    // A field whose getter threw is reported as unreadable, not as missing.
    ...request.issues.filter((issue) => !read.unreadable.includes(issue.path as never)),
    ...read.unknownKeys.map((name) => ({
      path: name,
      message: 'is not a parameter of getMembers',
    })),
    ...read.unreadable.map((name) => ({
      path: name,
      message: 'could not be read (its getter threw)',
    })),
  ];
  if (read.keysUnreadable) {
    issues.push({ path: '', message: 'the parameters could not be read (their keys threw)' });
  }
  if (signal !== undefined && !isAbortSignal(signal)) {
    issues.push({ path: 'signal', message: 'must be an AbortSignal' });
  }
  if (timeoutMs !== undefined && !isValidTimeoutMs(timeoutMs)) {
    issues.push({ path: 'timeoutMs', message: `must be an integer from 1 to ${maxTimeoutMs}` });
  }
  if (issues.length > 0) refuse(issues);
  return {
    body: JSON.stringify(request.body),
    signal: signal as AbortSignal | undefined,
    timeoutMs: timeoutMs as number | undefined,
  };
};

/** getMembers through the call sender: one page, with every policy applied. */
export const createGetMembers =
  (send: CallSender, validateResponses: boolean) =>
  async (params: GetMembersParams): Promise<GetMembersPage> => {
    const { body, signal, timeoutMs } = checkGetMembersCall(params);
    const { data, requestId } = await send({
      operation: 'getMembers',
      body,
      signal,
      timeoutMs,
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
