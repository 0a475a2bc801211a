// One call of any operation, driven by the generated operation table: the
// caller's names (`groupId`) become the wire's (`GroupId`), the body is checked
// against the spec's request schema before anything is sent, and the answer's
// fields come back by the caller's names. No operation has code of its own.
import type { CallSender } from './call-types.js';
import type { ChatFieldIssue } from './errors/chat-error.js';
import { ChatRequestValidationError } from './errors/chat-errors.js';
import { chatOperationTable } from './generated/operation-layer.gen.js';
import type { ChatOperationId } from './generated/operations.gen.js';
import { isAbortSignal } from './is-abort-signal.js';
import { operationSchemas } from './operation-schemas.js';
import { isValidTimeoutMs, maxTimeoutMs } from './policies/retry-policy.js';
import { readCallerFields } from './read-caller-fields.js';

/** A [caller name, wire name, value when absent] entry of the table. */
type FieldEntry = readonly [name: string, wire: string, absent?: unknown];

/** What the client knows of an operation (generated from the spec). */
export interface OperationEntry {
  callsPerSecond: number;
  requestFields: readonly FieldEntry[];
  resultFields: readonly FieldEntry[];
  pagination?: {
    /** The one required parameter a listing may take positionally (`members(groupId)`). */
    positionalParam: string | null;
    cursor: string;
    cursorParam: string;
    nextCursor: string;
    nextCursorName: string;
    items: string;
    itemsName: string;
    stopValue: unknown;
    itemKey: string;
    iterate: string;
    collect: string;
    maxItems: number | null;
    truncatedAtCounts: readonly number[];
  };
}

export const operationEntry = (operation: ChatOperationId): OperationEntry =>
  chatOperationTable[operation] as OperationEntry;

/**
 * Bad input, the one way every entry point reports it (calls, listings,
 * createChatFetch): a ChatRequestValidationError naming each bad field, and
 * nothing is sent.
 * @param operation the operationId, or what the caller asked for when it is none
 */
export const refuseInput = (operation: string, issues: ChatFieldIssue[]): never => {
  throw new ChatRequestValidationError(issues, { operation, requestId: undefined });
};

/** The problems of a caller's object read once: unknown keys and fields whose getter threw. */
export const readingIssues = (
  read: ReturnType<typeof readCallerFields>,
  unknownKeyMessage: string,
): ChatFieldIssue[] => {
  const issues: ChatFieldIssue[] = [
    ...read.unknownKeys.map((name) => ({ path: name, message: unknownKeyMessage })),
    ...read.unreadable.map((name) => ({
      path: name,
      message: 'could not be read (its getter threw)',
    })),
  ];
  if (read.keysUnreadable) {
    issues.push({ path: '', message: 'the parameters could not be read (their keys threw)' });
  }
  return issues;
};

/**
 * The request body for these caller fields and its problems against the
 * spec's schema, by the caller's names. A missing cursor is the first page's;
 * any other value, null included, is checked as given.
 */
export const requestBodyFor = (
  operation: ChatOperationId,
  fields: Record<string, unknown>,
): { body: Record<string, unknown>; issues: ChatFieldIssue[] } => {
  const { requestFields, pagination } = operationEntry(operation);
  const body: Record<string, unknown> = {};
  for (const [name, wire] of requestFields) {
    const value =
      fields[name] === undefined && wire === pagination?.cursor
        ? pagination.stopValue
        : fields[name];
    if (value !== undefined) body[wire] = value;
  }
  const issues = operationSchemas[operation].request(body);
  if (issues.length === 0) return { body, issues };
  const callerNames = new Map(requestFields.map(([name, wire]) => [wire, name]));
  return {
    body,
    issues: issues.map((issue) => ({
      ...issue,
      path: issue.path.replace(/^[^.[]+/, (wire) => callerNames.get(wire) ?? wire),
    })),
  };
};

/** One call, its params read once and checked. */
export interface CheckedCall {
  body: string;
  signal: AbortSignal | undefined;
  timeoutMs: number | undefined;
}

/**
 * Reads the params once (so a getter cannot answer the check and the call
 * differently) and checks every field; throws ChatRequestValidationError
 * listing every bad one.
 */
export const checkOperationCall = (operation: ChatOperationId, params: unknown): CheckedCall => {
  if (typeof params !== 'object' || params === null) {
    return refuseInput(operation, [{ path: '', message: 'the parameters must be an object' }]);
  }
  const names = operationEntry(operation).requestFields.map(([name]) => name);
  const read = readCallerFields(params, [...names, 'signal', 'timeoutMs']);
  const { signal, timeoutMs, ...fields } = read.values;
  const request = requestBodyFor(operation, fields);
  const issues: ChatFieldIssue[] = [
    // A field whose getter threw is reported as unreadable, not as missing.
    ...request.issues.filter((issue) => !read.unreadable.includes(issue.path)),
    ...readingIssues(read, `is not a parameter of ${operation}`),
  ];
  if (signal !== undefined && !isAbortSignal(signal)) {
    issues.push({ path: 'signal', message: 'must be an AbortSignal' });
  }
  if (timeoutMs !== undefined && !isValidTimeoutMs(timeoutMs)) {
    issues.push({ path: 'timeoutMs', message: `must be an integer from 1 to ${maxTimeoutMs}` });
  }
  if (issues.length > 0) refuseInput(operation, issues);
  return {
    body: JSON.stringify(request.body),
    signal: signal as AbortSignal | undefined,
    timeoutMs: timeoutMs as number | undefined,
  };
};

/** The answer's fields by the caller's names; a list it left out is empty. */
const resultOf = (
  operation: ChatOperationId,
  data: Record<string, unknown>,
  requestId: number,
): Record<string, unknown> => {
  const result: Record<string, unknown> = {};
  for (const [name, wire, absent] of operationEntry(operation).resultFields) {
    const value = data[wire];
    result[name] = value !== undefined ? value : Array.isArray(absent) ? [] : absent;
  }
  result.requestId = requestId;
  result.response = data;
  return result;
};

/** A call of one operation through the call sender, with every policy applied. */
export type OperationCall = (params: unknown) => Promise<Record<string, unknown>>;

export const createOperationCall =
  (send: CallSender, validateResponses: boolean, operation: ChatOperationId): OperationCall =>
  async (params) => {
    const { body, signal, timeoutMs } = checkOperationCall(operation, params);
    const { data, requestId } = await send({
      operation,
      body,
      signal,
      timeoutMs,
      validate: validateResponses ? operationSchemas[operation].response : undefined,
    });
    return resultOf(operation, data, requestId);
  };
