/** What every error of the client knows about the call that failed. */
export interface ChatErrorContext {
  /** The spec's operationId, e.g. `getMembers`. */
  operation: string;
  /**
   * The call's `random` query parameter, which identifies it in server logs.
   * Undefined when nothing was sent (bad input).
   */
  requestId: number | undefined;
  /**
   * How many HTTP attempts the failing call made: 0 when nothing was sent, or
   * when the error is about a whole listing rather than one call.
   */
  attempts: number;
}

/**
 * The base of every error the client throws. It never holds a UserSig or a
 * secret key: messages, causes and excerpts are redacted before they get here.
 */
export class ChatError extends Error {
  readonly operation: string;
  readonly requestId: number | undefined;
  readonly attempts: number;

  constructor(message: string, context: ChatErrorContext, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.operation = context.operation;
    this.requestId = context.requestId;
    this.attempts = context.attempts;
  }
}

/** One problem with a request or response field. */
export interface ChatFieldIssue {
  /** The field, as the caller named it (`groupId`) or as the wire names it (`MemberList[3].JoinTime`). */
  path: string;
  message: string;
}

/**
 * Issues kept on a validation error and printed in its message; the rest are
 * counted (`issueCount`), so a body of a million bad items makes a short error.
 */
export const maxReportedIssues = 20;

export const formatFieldIssues = (issues: readonly ChatFieldIssue[]): string => {
  const shown = issues
    .slice(0, maxReportedIssues)
    .map(({ path, message }) => (path === '' ? message : `${path}: ${message}`))
    .join('; ');
  const more = issues.length - maxReportedIssues;
  return more > 0 ? `${shown}; and ${more} more` : shown;
};
