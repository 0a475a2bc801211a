import type { ChatOperationId } from './generated/operations.gen.js';
import { operationValidators, type SchemaIssue } from './generated/validators.gen.js';

/** Checks a value against a schema of the spec; returns every issue (none when valid). */
export type SchemaCheck = (value: unknown) => SchemaIssue[];

/**
 * The request-body and response checks of each operation: plain functions
 * compiled from the spec by `pnpm generate`, not zod, because a response check
 * runs on every page (see packages/codegen/src/validators.mjs).
 */
export const operationSchemas: Record<
  ChatOperationId,
  { request: SchemaCheck; response: SchemaCheck }
> = operationValidators;
