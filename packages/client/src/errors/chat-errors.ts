import {
  type ChatErrorCode,
  type ChatRetryClass,
  chatErrorCodes,
} from '../generated/error-codes.gen.js';
import {
  ChatError,
  type ChatErrorContext,
  type ChatFieldIssue,
  formatFieldIssues,
  maxReportedIssues,
} from './chat-error.js';

/** An ErrorCode the docs do not list: still a number, so comparisons keep working. */
export type UndocumentedChatErrorCode = number & {};

/**
 * The API answered with ErrorCode other than 0. `codeName`, `meaning` and
 * `retry` come from the spec's error-code table; for an undocumented code
 * `codeName` is `UndocumentedChatError` and `retry` is `never`. `name` is the
 * class name, as on every error of the client.
 *
 * @example
 * if (error instanceof ChatApiError && error.code === 10010) console.log('no such group');
 */
export class ChatApiError extends ChatError {
  readonly code: ChatErrorCode | UndocumentedChatErrorCode;
  /** The code's name in the spec (`GroupNotFound`), or `UndocumentedChatError`. */
  readonly codeName: string;
  /** The server's ErrorInfo text. */
  readonly info: string;
  readonly meaning: string | undefined;
  readonly retry: ChatRetryClass;
  /** How long the docs say to wait before retrying, where they say. */
  readonly retryAfterSeconds: number | undefined;
  readonly documented: boolean;

  constructor(code: number, info: string, context: ChatErrorContext) {
    const entry = lookupErrorCode(code);
    super(
      `${context.operation} failed with ErrorCode ${code} (${entry?.name ?? 'undocumented'}): ${info || entry?.meaning || 'no ErrorInfo'}`,
      context,
    );
    this.codeName = entry?.name ?? 'UndocumentedChatError';
    this.code = code;
    this.info = info;
    this.meaning = entry?.meaning;
    this.retry = entry?.retry ?? 'never';
    this.retryAfterSeconds =
      entry && 'retryAfterSeconds' in entry ? entry.retryAfterSeconds : undefined;
    this.documented = entry !== undefined;
  }
}

const lookupErrorCode = (code: number) =>
  Object.hasOwn(chatErrorCodes, code) ? chatErrorCodes[code as ChatErrorCode] : undefined;

/**
 * The HTTP status was not 200, e.g. a 502 page from a gateway. The API answers
 * everything with 200, so a redirect (3xx) is an error too: it is never
 * followed, and nothing is sent to its `location`.
 */
export class ChatHttpError extends ChatError {
  readonly status: number;
  /** The first characters of the body, redacted. */
  readonly bodyExcerpt: string;
  /** A redirect's Location header, redacted; undefined for other statuses. */
  readonly location: string | undefined;

  constructor(
    status: number,
    bodyExcerpt: string,
    context: ChatErrorContext,
    location?: string | undefined,
  ) {
    const redirect = location === undefined ? '' : ` (a redirect to ${location}, not followed)`;
    super(
      `${context.operation} got HTTP ${status}${redirect}: ${bodyExcerpt || '(empty body)'}`,
      context,
    );
    this.status = status;
    this.bodyExcerpt = bodyExcerpt;
    this.location = location;
  }
}

/**
 * The response body was longer than the client's `maxResponseBytes`: reading
 * stopped at the cap and the connection was closed. Not retried: the same
 * server would send the same body again.
 */
export class ChatResponseTooLargeError extends ChatError {
  /** The HTTP status of the response. */
  readonly status: number;
  /** The cap that was passed: the client's `maxResponseBytes`. */
  readonly maxBytes: number;

  constructor(status: number, maxBytes: number, context: ChatErrorContext) {
    super(
      `${context.operation} got a response body over ${maxBytes} bytes (HTTP ${status}, maxResponseBytes): reading stopped and the connection was closed`,
      context,
    );
    this.status = status;
    this.maxBytes = maxBytes;
  }
}

/** An attempt took longer than `timeoutMs` (the last one, when retries were allowed). */
export class ChatTimeoutError extends ChatError {
  readonly timeoutMs: number;

  constructor(timeoutMs: number, context: ChatErrorContext) {
    super(`${context.operation} timed out after ${timeoutMs} ms`, context);
    this.timeoutMs = timeoutMs;
  }
}

/** The connection failed or broke before a whole response arrived. */
export class ChatConnectionError extends ChatError {
  constructor(detail: string, context: ChatErrorContext, cause: unknown) {
    super(`${context.operation} could not reach the server: ${detail}`, context, { cause });
  }
}

/** Bad input, found before anything was sent. `issues` lists the first bad fields. */
export class ChatRequestValidationError extends ChatError {
  /** The first `maxReportedIssues` problems. */
  readonly issues: readonly ChatFieldIssue[];
  /** How many problems were found in all. */
  readonly issueCount: number;

  constructor(issues: readonly ChatFieldIssue[], context: Omit<ChatErrorContext, 'attempts'>) {
    super(`${context.operation} was called with bad input: ${formatFieldIssues(issues)}`, {
      ...context,
      attempts: 0,
    });
    this.issues = issues.slice(0, maxReportedIssues);
    this.issueCount = issues.length;
  }
}

/** The response body is not JSON, or does not match the spec's schema. */
export class ChatResponseValidationError extends ChatError {
  /** The first `maxReportedIssues` problems. */
  readonly issues: readonly ChatFieldIssue[];
  /** How many problems were found in all. */
  readonly issueCount: number;

  constructor(issues: readonly ChatFieldIssue[], context: ChatErrorContext) {
    super(
      `${context.operation} got a response that does not match the spec: ${formatFieldIssues(issues)}`,
      context,
    );
    this.issues = issues.slice(0, maxReportedIssues);
    this.issueCount = issues.length;
  }
}

/** Why a listing stopped before the server said it was done. */
export type ChatPaginationFailure = 'cursor-repeated' | 'too-many-pages';

/** Pagination stopped: the server sent a cursor twice, or more pages than allowed. */
export class ChatPaginationError extends ChatError {
  readonly reason: ChatPaginationFailure;
  readonly pages: number;

  constructor(
    reason: ChatPaginationFailure,
    detail: string,
    pages: number,
    context: ChatErrorContext,
  ) {
    super(`${context.operation} pagination stopped after ${pages} pages: ${detail}`, context);
    this.reason = reason;
    this.pages = pages;
  }
}
