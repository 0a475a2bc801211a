// A listing's arguments, read once and checked before its first request. The
// parameters come as an object, or, when the operation has one required
// parameter besides the cursor, as that parameter's value with the others among
// the options: `members('@TGS#…', { mark: 1000 })` is `members({ groupId:
// '@TGS#…', mark: 1000 })`.
import type { ChatFieldIssue } from '../errors/chat-error.js';
import type { ChatOperationId } from '../generated/operations.gen.js';
import { isAbortSignal } from '../is-abort-signal.js';
import { operationEntry, readingIssues, refuseInput, requestBodyFor } from '../operation-call.js';
import type { ChatListingOptions } from '../operation-types.js';
import { readCallerFields } from '../read-caller-fields.js';

const optionNames = ['signal', 'maxPages'] as const;

export interface ListingArguments {
  /** The request fields by the caller's names, less the cursor. */
  params: Record<string, unknown>;
  options: ChatListingOptions;
}

// An array is a (bad) positional value, not a parameters object; a revoked
// Proxy cannot be asked, and is read (and reported unreadable) as an object.
const isObject = (value: unknown): value is object => {
  if (typeof value !== 'object' || value === null) return false;
  try {
    return !Array.isArray(value);
  } catch {
    return true;
  }
};

/** Throws ChatRequestValidationError listing every bad parameter and option. */
export const checkListing = (
  operation: ChatOperationId,
  first: unknown,
  second: unknown,
): ListingArguments => {
  const { requestFields, pagination } = operationEntry(operation);
  const paramNames = requestFields
    .map(([name]) => name)
    .filter((name) => name !== pagination?.cursorParam);
  const positional = pagination?.positionalParam ?? null;
  const issues: ChatFieldIssue[] = [];
  let params: Record<string, unknown> = {};
  let optionFields: readonly string[] = optionNames;
  if (isObject(first)) {
    const read = readCallerFields(first, paramNames);
    params = read.values;
    issues.push(...readingIssues(read, `is not a parameter of ${operation}`));
  } else if (positional !== null) {
    params = { [positional]: first };
    optionFields = [...paramNames.filter((name) => name !== positional), ...optionNames];
  } else {
    issues.push({ path: '', message: 'the parameters must be an object' });
  }
  let options: Record<string, unknown> = {};
  if (isObject(second)) {
    const read = readCallerFields(second, optionFields);
    const { signal, maxPages, ...moreParams } = read.values;
    options = { signal, maxPages };
    params = { ...params, ...moreParams };
    issues.push(...readingIssues(read, 'is not a listing option'));
  } else if (second !== undefined) {
    issues.push({ path: '', message: 'the listing options must be an object' });
  }
  issues.unshift(...requestBodyFor(operation, params).issues);
  const { signal, maxPages } = options;
  if (maxPages !== undefined && !(Number.isSafeInteger(maxPages) && (maxPages as number) > 0)) {
    issues.push({ path: 'maxPages', message: 'must be a positive integer' });
  }
  if (signal !== undefined && !isAbortSignal(signal)) {
    issues.push({ path: 'signal', message: 'must be an AbortSignal' });
  }
  if (issues.length > 0) refuseInput(operation, issues);
  return { params, options: options as ChatListingOptions };
};
