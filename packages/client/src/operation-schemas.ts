import type { ChatFieldIssue } from './errors/chat-error.js';
import type { ChatOperationId } from './generated/operations.gen.js';
import { zGetMembersRequest, zGetMembersResponse } from './generated/zod.gen.js';
import { toFieldIssues } from './policies/schema-issues.js';

/** Checks a value against a generated schema; returns its issues, or undefined when valid. */
export type SchemaCheck = (value: unknown) => ChatFieldIssue[] | undefined;

const checkWith =
  (schema: typeof zGetMembersRequest | typeof zGetMembersResponse): SchemaCheck =>
  (value) => {
    // Synchronous safeParse: zod 4 takes its compiled fast path only when not async.
    const result = schema.safeParse(value);
    return result.success ? undefined : toFieldIssues(result.error.issues, value);
  };

/** The generated request and response schema of each operation in the spec. */
export const operationSchemas = {
  getMembers: { request: checkWith(zGetMembersRequest), response: checkWith(zGetMembersResponse) },
} as const satisfies Record<ChatOperationId, { request: SchemaCheck; response: SchemaCheck }>;
