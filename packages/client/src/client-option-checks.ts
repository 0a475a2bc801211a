// The checks behind createChatClient's and createChatFetch's options: each
// returns what an option must be, never its value (some options are secrets).
import type { ChatClientOptions, ChatRateLimitOptions } from './chat-client-options.js';
import { chatRegions } from './generated/regions.gen.js';
import { chatLogLevels } from './policies/chat-logger.js';
import { isValidTimeoutMs, maxTimeoutMs } from './policies/retry-policy.js';
import { readCallerFields } from './read-caller-fields.js';
import { USER_SIG_RENEW_BEFORE_SECONDS } from './user-sig/user-sig-provider.js';
import { isValidIdentifier, MAX_IDENTIFIER_BYTES } from './user-sig/validate-options.js';

type OptionName = keyof ChatClientOptions;
/** The options with a field-by-field check of their own (below the simple ones). */
type NestedOption = 'rateLimit' | 'logger' | 'headers';

/** The most retries a client makes after the first attempt. */
export const MAX_RETRIES = 10;

const isPositiveInteger = (value: unknown) => Number.isSafeInteger(value) && (value as number) > 0;
const isNonNegativeInteger = (value: unknown) =>
  Number.isSafeInteger(value) && (value as number) >= 0;
const isNonEmptyString = (value: unknown) => typeof value === 'string' && value !== '';
const regionIds = Object.keys(chatRegions);

// The URL parser drops leading and trailing control characters and spaces and
// every tab or newline, so a string holding them would pass as a URL here and
// then fail as part of every request URL: refuse them.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
const CONTROL_OR_EDGE_SPACE = /[\x00-\x1F\x7F]|^ | $/;

// Credentials in the URL would be sent to the server on every call and quoted
// in every error naming the URL; the API takes them only as query parameters.
const isHttpUrl = (value: unknown) => {
  if (typeof value !== 'string' || CONTROL_OR_EDGE_SPACE.test(value)) return false;
  try {
    const url = new URL(value);
    return ['http:', 'https:'].includes(url.protocol) && url.username === '' && url.password === '';
  } catch {
    return false;
  }
};

// Each check returns what the option must be, or undefined when it is fine.
// Values are never echoed: some options are secrets.
const simpleChecks: Record<
  Exclude<OptionName, NestedOption>,
  (value: unknown) => string | undefined
> = {
  sdkAppId: (v) => (isPositiveInteger(v) ? undefined : 'must be a positive integer'),
  identifier: (v) =>
    isValidIdentifier(v)
      ? undefined
      : `must be a non-empty string of at most ${MAX_IDENTIFIER_BYTES} bytes (an App admin UserID)`,
  secretKey: (v) =>
    v === undefined || isNonEmptyString(v) ? undefined : 'must be a non-empty string',
  userSig: (v) =>
    v === undefined || isNonEmptyString(v) ? undefined : 'must be a non-empty string',
  region: (v) =>
    v === undefined || (typeof v === 'string' && Object.hasOwn(chatRegions, v))
      ? undefined
      : `must be one of ${regionIds.join(', ')}`,
  baseUrl: (v) =>
    v === undefined || isHttpUrl(v)
      ? undefined
      : 'must be an http(s) URL without a user name or password, control characters or surrounding spaces',
  timeoutMs: (v) =>
    v === undefined || isValidTimeoutMs(v)
      ? undefined
      : `must be an integer from 1 to ${maxTimeoutMs}`,
  maxResponseBytes: (v) =>
    v === undefined || isPositiveInteger(v) ? undefined : 'must be a positive integer',
  maxRetries: (v) =>
    v === undefined || (isNonNegativeInteger(v) && (v as number) <= MAX_RETRIES)
      ? undefined
      : `must be an integer from 0 to ${MAX_RETRIES}`,
  validateResponses: (v) =>
    v === undefined || typeof v === 'boolean' ? undefined : 'must be a boolean',
  // Issued sigs are renewed 5 minutes before they expire (README, createChatClient):
  // a shorter lifetime would issue a new sig for every call.
  userSigExpireSeconds: (v) =>
    v === undefined || (isPositiveInteger(v) && (v as number) > USER_SIG_RENEW_BEFORE_SECONDS)
      ? undefined
      : `must be an integer greater than ${USER_SIG_RENEW_BEFORE_SECONDS} (UserSigs are renewed ${USER_SIG_RENEW_BEFORE_SECONDS} s before expiry)`,
  fetch: (v) => (v === undefined || typeof v === 'function' ? undefined : 'must be a function'),
  logLevel: (v) =>
    v === undefined || chatLogLevels.includes(v as never)
      ? undefined
      : `must be one of ${chatLogLevels.join(', ')}`,
};

const optionNames: readonly OptionName[] = [
  ...(Object.keys(simpleChecks) as Exclude<OptionName, NestedOption>[]),
  'rateLimit',
  'logger',
  'headers',
];

const unreadable = (path: string) => `${path} could not be read (its getter threw)`;

const hasReservePlaceMethod = (store: unknown) => {
  try {
    return typeof (store as { reservePlace?: unknown } | null)?.reservePlace === 'function';
  } catch {
    return false;
  }
};

/** rateLimit as read once (its fields too), and every problem with it. */
const readRateLimit = (
  value: unknown,
): { value: ChatRateLimitOptions | false | undefined; problems: string[] } => {
  if (value === undefined || value === false) return { value, problems: [] };
  if (typeof value !== 'object' || value === null) {
    return { value: undefined, problems: ['options.rateLimit must be false or an object'] };
  }
  const read = readCallerFields(value, ['callsPerSecond', 'marginMs', 'burst', 'store'] as const);
  const problems = read.unreadable.map((field) => unreadable(`options.rateLimit.${field}`));
  if (read.keysUnreadable) problems.push('options.rateLimit could not be read (its keys threw)');
  if (read.unknownKeys.length > 0) {
    problems.push(`options.rateLimit has unknown fields: ${read.unknownKeys.join(', ')}`);
  }
  const { callsPerSecond, marginMs, burst, store } = read.values;
  // Whole calls: the limit is a count of calls in a window (the spec's is 200).
  if (callsPerSecond !== undefined && !isPositiveInteger(callsPerSecond)) {
    problems.push('options.rateLimit.callsPerSecond must be a positive integer');
  }
  if (marginMs !== undefined && !(isNonNegativeInteger(marginMs) && (marginMs as number) <= 1000)) {
    problems.push('options.rateLimit.marginMs must be an integer from 0 to 1000');
  }
  if (burst !== undefined && !isPositiveInteger(burst)) {
    problems.push('options.rateLimit.burst must be a positive integer');
  }
  // Stores of earlier releases (acquire(), reserve()) had other contracts: refused, not guessed at.
  if (store !== undefined && !hasReservePlaceMethod(store)) {
    problems.push('options.rateLimit.store must have a reservePlace() method');
  }
  return { value: read.values as ChatRateLimitOptions, problems };
};

/**
 * A logger is used as it is (its methods are looked up at each line, so a spy
 * set later still sees them); here each level it has must be a function.
 */
const checkLogger = (value: unknown): string[] => {
  if (value === undefined) return [];
  if (typeof value !== 'object' || value === null) return ['options.logger must be an object'];
  const read = readCallerFields(value, chatLogLevels);
  const problems: string[] = [];
  for (const level of chatLogLevels) {
    const method = read.values[level];
    if (read.unreadable.includes(level)) problems.push(unreadable(`options.logger.${level}`));
    else if (method !== undefined && typeof method !== 'function') {
      problems.push(`options.logger.${level} must be a function`);
    }
  }
  return problems;
};

const headersShape =
  'options.headers must be a Headers object, a record of header names to values or a list of [name, value] pairs, with valid names and values';

/**
 * headers as read once, into a record, and its problems. Neither names nor
 * values are echoed: a header may hold a credential.
 */
const readHeaders = (value: unknown): { value: Record<string, string>; problems: string[] } => {
  if (value === undefined) return { value: {}, problems: [] };
  if (typeof value !== 'object' || value === null) return { value: {}, problems: [headersShape] };
  let headers: Headers;
  try {
    headers = new Headers(value as HeadersInit);
  } catch {
    return { value: {}, problems: [headersShape] };
  }
  if (headers.has('content-type')) {
    return {
      value: {},
      problems: ['options.headers must not set content-type (the client sends JSON)'],
    };
  }
  return { value: Object.fromEntries(headers), problems: [] };
};

const suggestion = (name: string) => {
  const match = optionNames.find((known) => known.toLowerCase() === name.toLowerCase());
  return match ? ` (did you mean ${match}?)` : '';
};

/**
 * `fetch` sends each request to the URL it is given, so it takes no region or
 * baseUrl; `middleware` (openapi-fetch sends the request) takes the credentials only.
 */
export type ClientTarget = 'client' | 'fetch' | 'middleware';

const middlewareOptions: readonly OptionName[] = [
  'sdkAppId',
  'identifier',
  'secretKey',
  'userSig',
  'userSigExpireSeconds',
];

/**
 * Reads the options once (so a getter cannot answer the check and the use
 * differently) and checks them: every problem names its option; none when all
 * is well.
 */
export const checkClientOptions = (
  options: object,
  target: ClientTarget,
): { options: ChatClientOptions; headers: Record<string, string>; problems: string[] } => {
  const read = readCallerFields(options, optionNames);
  const problems: string[] = [];
  if (read.keysUnreadable) problems.push('options could not be read (its keys threw)');
  for (const name of read.unknownKeys) {
    problems.push(`options.${name} is not an option${suggestion(name)}`);
  }
  for (const name of read.unreadable) problems.push(unreadable(`options.${name}`));
  const values = read.values;
  for (const [name, check] of Object.entries(simpleChecks)) {
    if (read.unreadable.includes(name as OptionName)) continue;
    const problem = check(values[name as OptionName]);
    if (problem) problems.push(`options.${name} ${problem}`);
  }
  const rateLimit = readRateLimit(values.rateLimit);
  values.rateLimit = rateLimit.value;
  const headers = read.unreadable.includes('headers')
    ? { value: {}, problems: [] }
    : readHeaders(values.headers);
  problems.push(...rateLimit.problems, ...checkLogger(values.logger), ...headers.problems);

  const given = (name: OptionName) => values[name] !== undefined || read.unreadable.includes(name);
  if (given('secretKey') === given('userSig')) {
    problems.push('give exactly one of secretKey and userSig');
  }
  if (target === 'client' && given('region') === given('baseUrl')) {
    problems.push('give exactly one of region and baseUrl');
  }
  if (target === 'middleware') {
    for (const name of optionNames) {
      if (middlewareOptions.includes(name) || !given(name)) continue;
      problems.push(
        `options.${name} is not an option of the middleware: openapi-fetch sends each request (configure it there)`,
      );
    }
  }
  if (target === 'fetch') {
    for (const name of ['region', 'baseUrl'] as const) {
      if (!given(name)) continue;
      problems.push(
        `options.${name} is not used: each request goes to the URL it is given (set baseUrl on the HTTP client)`,
      );
    }
    if (given('headers')) {
      problems.push(
        'options.headers is not used: each request carries its own headers (set them on the HTTP client)',
      );
    }
  }
  return { options: values as ChatClientOptions, headers: headers.value, problems };
};
