import type { core } from 'zod/mini';
import type { ChatFieldIssue } from '../errors/chat-error.js';

// Zod Mini ships no English messages (that keeps it small), so the messages are
// written here from each issue's code and its bounds from the spec.

const describe = (issue: core.$ZodIssue): string => {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'is required' : `must be ${article(issue.expected)}`;
    case 'too_small':
      return issue.origin === 'string' && Number(issue.minimum) === 1
        ? 'must not be empty'
        : `must be at least ${issue.minimum}${issue.origin === 'string' ? ' characters' : ''}`;
    case 'too_big':
      return `must be at most ${issue.maximum}${issue.origin === 'string' ? ' characters' : ''}`;
    case 'invalid_format':
      return issue.format === 'regex' && 'pattern' in issue
        ? `must match ${String(issue.pattern)}`
        : `must be a valid ${issue.format}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
    case 'unrecognized_keys':
      return `has unknown fields: ${issue.keys.join(', ')}`;
    default:
      return issue.message;
  }
};

const article = (expected: string) =>
  expected === 'int'
    ? 'an integer'
    : /^[aeiou]/.test(expected)
      ? `an ${expected}`
      : `a ${expected}`;

const formatPath = (path: readonly PropertyKey[], rename: (field: string) => string): string =>
  path
    .map((key, index) =>
      typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${rename(String(key))}`,
    )
    .join('');

/**
 * Turns zod issues into field issues with readable messages.
 * @param rename maps a wire field name to the caller's (`GroupId` -> `groupId`)
 */
export const toFieldIssues = (
  issues: readonly core.$ZodIssue[],
  rename: (field: string) => string = (field) => field,
): ChatFieldIssue[] =>
  issues.map((issue) => ({ path: formatPath(issue.path, rename), message: describe(issue) }));
