// A caller's own query string, for createChatFetch and createChatMiddleware:
// the credentials come from the options, `random` and `contenttype` may be
// given if they are what the spec allows, and nothing else is a parameter.
import type { ChatFieldIssue } from './errors/chat-error.js';
import {
  type CommonQueryParameter,
  commonQuerySchemas,
  credentialQueryParameters,
} from './generated/query-parameters.gen.js';

/** The caller's query as read: their `random`, when given, and every problem. */
export interface CallerQuery {
  /** The caller's `random`: it becomes the call's request id. */
  random: number | undefined;
  issues: ChatFieldIssue[];
}

const credentials = new Set<string>(credentialQueryParameters);
const isCommon = (name: string): name is CommonQueryParameter =>
  Object.hasOwn(commonQuerySchemas, name);

/** What a value of this common parameter must be, or undefined when it is fine. */
const problemWith = (name: CommonQueryParameter, value: string): string | undefined => {
  const { type, minimum, maximum, enum: allowed } = commonQuerySchemas[name];
  if (allowed) return allowed.includes(value) ? undefined : `must be ${allowed.join(' or ')}`;
  if (type !== 'integer') return undefined;
  const number = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  const inRange =
    Number.isSafeInteger(number) &&
    (minimum === undefined || number >= minimum) &&
    (maximum === undefined || number <= maximum);
  return inRange ? undefined : `must be a whole number from ${minimum} to ${maximum}`;
};

const problemOf = (name: string, values: string[]): string | undefined => {
  if (credentials.has(name)) return 'is set from the options, not by the caller';
  if (!isCommon(name)) return 'is not a query parameter of the spec';
  if (values.length > 1) return 'is given more than once';
  return problemWith(name, values[0] as string);
};

/**
 * Reads the query a caller put in a request's URL. A credential is refused
 * (the options give it), and so is a second value of any parameter.
 */
export const readCallerQuery = (query: URLSearchParams): CallerQuery => {
  const issues: ChatFieldIssue[] = [];
  let random: number | undefined;
  for (const name of new Set(query.keys())) {
    const values = query.getAll(name);
    const problem = problemOf(name, values);
    if (problem) issues.push({ path: name, message: problem });
    else if (name === 'random') random = Number(values[0]);
  }
  return { random, issues };
};
