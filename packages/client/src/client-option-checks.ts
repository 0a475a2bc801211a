// The checks behind createChatClient's and createChatFetch's options: each
// returns what an option must be, never its value (some options are secrets).
import type { ChatClientOptions } from './chat-client-options.js';
import { chatRegions } from './generated/regions.gen.js';
import { chatLogLevels } from './policies/chat-logger.js';
import { isValidTimeoutMs, maxTimeoutMs } from './policies/retry-policy.js';
import { isValidIdentifier, MAX_IDENTIFIER_BYTES } from './user-sig/validate-options.js';

type OptionName = keyof ChatClientOptions;

const isPositiveInteger = (value: unknown) => Number.isSafeInteger(value) && (value as number) > 0;
const isNonNegativeInteger = (value: unknown) =>
  Number.isSafeInteger(value) && (value as number) >= 0;
const isNonEmptyString = (value: unknown) => typeof value === 'string' && value !== '';
const regionIds = Object.keys(chatRegions);

const isHttpUrl = (value: unknown) => {
  if (typeof value !== 'string') return false;
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
};

// Each check returns what the option must be, or undefined when it is fine.
// Values are never echoed: some options are secrets.
const optionChecks: Record<OptionName, (value: unknown) => string | undefined> = {
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
  baseUrl: (v) => (v === undefined || isHttpUrl(v) ? undefined : 'must be an http(s) URL'),
  timeoutMs: (v) =>
    v === undefined || isValidTimeoutMs(v)
      ? undefined
      : `must be an integer from 1 to ${maxTimeoutMs}`,
  maxRetries: (v) =>
    v === undefined || (isNonNegativeInteger(v) && (v as number) <= 10)
      ? undefined
      : 'must be an integer from 0 to 10',
  rateLimit: (v) => checkRateLimit(v),
  validateResponses: (v) =>
    v === undefined || typeof v === 'boolean' ? undefined : 'must be a boolean',
  userSigExpireSeconds: (v) =>
    v === undefined || isPositiveInteger(v) ? undefined : 'must be a positive integer',
  fetch: (v) => (v === undefined || typeof v === 'function' ? undefined : 'must be a function'),
  logger: (v) =>
    v === undefined || (typeof v === 'object' && v !== null) ? undefined : 'must be an object',
  logLevel: (v) =>
    v === undefined || chatLogLevels.includes(v as never)
      ? undefined
      : `must be one of ${chatLogLevels.join(', ')}`,
};

const checkRateLimit = (value: unknown): string | undefined => {
  if (value === undefined || value === false) return undefined;
  if (typeof value !== 'object' || value === null) return 'must be false or an object';
  const { callsPerSecond, burst, store, ...rest } = value as Record<string, unknown>;
  const unknown = Object.keys(rest);
  if (unknown.length > 0) return `has unknown fields: ${unknown.join(', ')}`;
  if (
    callsPerSecond !== undefined &&
    !(typeof callsPerSecond === 'number' && callsPerSecond > 0 && Number.isFinite(callsPerSecond))
  ) {
    return '.callsPerSecond must be a positive number';
  }
  if (burst !== undefined && !isPositiveInteger(burst)) return '.burst must be a positive integer';
  if (
    store !== undefined &&
    typeof (store as { reserve?: unknown } | null)?.reserve !== 'function'
  ) {
    return '.store must have a reserve() method';
  }
  return undefined;
};

const suggestion = (name: string) => {
  const match = Object.keys(optionChecks).find(
    (known) => known.toLowerCase() === name.toLowerCase(),
  );
  return match ? ` (did you mean ${match}?)` : '';
};

/** `fetch` sends each request to the URL it is given, so it takes no region or baseUrl. */
export type ClientTarget = 'client' | 'fetch';

/** Every problem with the options, each naming its option; empty when all is well. */
export const findProblems = (options: Record<string, unknown>, target: ClientTarget): string[] => {
  const problems: string[] = [];
  for (const name of Object.keys(options)) {
    if (!Object.hasOwn(optionChecks, name))
      problems.push(`${name} is not an option${suggestion(name)}`);
  }
  for (const [name, check] of Object.entries(optionChecks)) {
    const problem = check(options[name]);
    // A problem starting with '.' is about a field of the option.
    if (problem) problems.push(`${name}${problem.startsWith('.') ? '' : ' '}${problem}`);
  }
  if ((options.secretKey === undefined) === (options.userSig === undefined)) {
    problems.push('give exactly one of secretKey and userSig');
  }
  const hasRegion = options.region !== undefined;
  const hasBaseUrl = options.baseUrl !== undefined;
  if (target === 'client' && hasRegion === hasBaseUrl) {
    problems.push('give exactly one of region and baseUrl');
  }
  if (target === 'fetch' && (hasRegion || hasBaseUrl)) {
    problems.push(
      `${hasRegion ? 'region' : 'baseUrl'} is not used: each request goes to the URL it is given (set baseUrl on the HTTP client)`,
    );
  }
  return problems;
};
