import type { ChatFieldIssue } from '../errors/chat-error.js';
import { ChatPaginationError, ChatRequestValidationError } from '../errors/chat-errors.js';
import { getMembersLimits } from '../generated/limits.gen.js';
import type { OnlineMember } from '../generated/types.gen.js';
import { type GetMembersPage, type GetMembersParams, requestBodyFor } from '../get-members-call.js';
import { isAbortSignal } from '../is-abort-signal.js';
import { readCallerFields } from '../read-caller-fields.js';

/** Options of a whole listing (`members`, `pages`, `listMembers`). */
export interface MembersListingOptions {
  /** Only members carrying this mark (custom marks are 1000 and up). */
  mark?: number;
  /** Stops the listing; a pending call or back-off rejects with the signal's reason. */
  signal?: AbortSignal;
  /**
   * Pages after which the listing stops with a ChatPaginationError, a guard
   * against a server that never ends the cursor chain. A page holds at least one
   * member and the API returns at most the 1,000 latest (x-limits.maxMembers).
   * @default 1000
   */
  maxPages?: number;
}

/** A page of a listing: only the members not seen on an earlier page. */
export interface MembersListingPage {
  /** 1 for the first page. */
  pageNumber: number;
  members: OnlineMember[];
  /** Members of this page already listed on an earlier one (the snapshot moved). */
  duplicatesDropped: number;
  /** The cursor the server sent; 0 on the last page. */
  nextTimestamp: number;
  requestId: number;
}

export type FetchPage = (params: GetMembersParams) => Promise<GetMembersPage>;

const optionNames = [
  'mark',
  'signal',
  'maxPages',
] as const satisfies readonly (keyof MembersListingOptions)[];

/** The listing options as read once (a getter runs once), and every problem with them. */
const readListingOptions = (
  options: unknown,
): { values: Partial<Record<(typeof optionNames)[number], unknown>>; issues: ChatFieldIssue[] } => {
  if (options === undefined) return { values: {}, issues: [] };
  if (typeof options !== 'object' || options === null) {
    return { values: {}, issues: [{ path: '', message: 'the listing options must be an object' }] };
  }
  const read = readCallerFields(options, optionNames);
  const issues = [
    ...read.unknownKeys.map((name) => ({ path: name, message: 'is not a listing option' })),
    ...read.unreadable.map((name) => ({
      path: name,
      message: 'could not be read (its getter threw)',
    })),
  ];
  if (read.keysUnreadable) {
    issues.push({ path: '', message: 'the listing options could not be read (their keys threw)' });
  }
  return { values: read.values, issues };
};

/**
 * Checks a whole listing before its first request: the group and mark against
 * the spec's schema, and the listing options. Throws ChatRequestValidationError
 * listing every bad field; returns the options as read, once.
 */
export const checkListing = (groupId: unknown, options: unknown): MembersListingOptions => {
  const { values, issues } = readListingOptions(options);
  const { mark, signal, maxPages } = values;
  issues.unshift(...requestBodyFor({ groupId, mark }).issues);
  if (maxPages !== undefined && !(Number.isSafeInteger(maxPages) && (maxPages as number) > 0)) {
    issues.push({ path: 'maxPages', message: 'must be a positive integer' });
  }
  if (signal !== undefined && !isAbortSignal(signal)) {
    issues.push({ path: 'signal', message: 'must be an AbortSignal' });
  }
  if (issues.length > 0) {
    throw new ChatRequestValidationError(issues, { operation: 'getMembers', requestId: undefined });
  }
  return values as MembersListingOptions;
};

/**
 * Follows the cursor chain: Timestamp 0 first, then each NextTimestamp, until
 * it is 0. It never assumes a page size (the English docs say 500, the Chinese
 * 250) and drops members already listed, because the snapshot behind the pages
 * is refreshed every 40 s and can shift between two calls. The next page is
 * fetched only when asked for, so stopping early sends nothing more.
 */
export async function* paginateMembers(
  fetchPage: FetchPage,
  groupId: string,
  options?: MembersListingOptions,
): AsyncGenerator<MembersListingPage, void, undefined> {
  const { mark, signal, maxPages = getMembersLimits.maxMembers } = checkListing(groupId, options);
  const seen = new Set<string>();
  const cursors = new Set<number>([0]);
  let timestamp = 0;
  for (let pageNumber = 1; ; pageNumber += 1) {
    const page = await fetchPage({
      groupId,
      timestamp,
      ...(mark === undefined ? {} : { mark }),
      signal,
    });
    const members = page.members.filter(
      (member) => !seen.has(member.Member_Account) && seen.add(member.Member_Account),
    );
    yield {
      pageNumber,
      members,
      duplicatesDropped: page.members.length - members.length,
      nextTimestamp: page.nextTimestamp,
      requestId: page.requestId,
    };
    if (page.nextTimestamp === 0) return;
    const context = { operation: 'getMembers', requestId: page.requestId, attempts: 0 };
    if (cursors.has(page.nextTimestamp)) {
      throw new ChatPaginationError(
        'cursor-repeated',
        `the server sent cursor ${page.nextTimestamp} twice`,
        pageNumber,
        context,
      );
    }
    if (pageNumber >= maxPages) {
      throw new ChatPaginationError(
        'too-many-pages',
        `more than maxPages (${maxPages}) pages`,
        pageNumber,
        context,
      );
    }
    cursors.add(page.nextTimestamp);
    timestamp = page.nextTimestamp;
  }
}
