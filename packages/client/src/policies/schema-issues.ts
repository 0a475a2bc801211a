import type { core } from 'zod/mini';
import type { ChatFieldIssue } from '../errors/chat-error.js';

// Zod Mini ships no English messages (that keeps it small), so the messages are
// written here from each issue's code and its bounds from the spec.

const describe = (issue: core.$ZodIssue, input: unknown): string => {
  switch (issue.code) {
    case 'invalid_type':
      return input === undefined ? 'is required' : `must be ${article(issue.expected)}`;
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

const formatPath = (path: readonly PropertyKey[]): string =>
  path
    .map((key, index) =>
      typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`,
    )
    .join('');

// Zod leaves the input out of issues (so values never leak into messages); the
// value at the path tells "missing" from "wrong type".
const valueAt = (root: unknown, path: readonly PropertyKey[]): unknown =>
  path.reduce<unknown>(
    (value, key) =>
      typeof value === 'object' && value !== null
        ? (value as Record<PropertyKey, unknown>)[key]
        : undefined,
    root,
  );

/**
 * Turns zod issues into field issues with readable messages, the first issue of
 * each field only (an empty string also fails the pattern; one reason is enough).
 * @param root the value that was checked
 */
export const toFieldIssues = (
  issues: readonly core.$ZodIssue[],
  root: unknown,
): ChatFieldIssue[] => {
  const byPath = new Map<string, ChatFieldIssue>();
  for (const issue of issues) {
    const path = formatPath(issue.path);
    if (!byPath.has(path))
      byPath.set(path, { path, message: describe(issue, valueAt(root, issue.path)) });
  }
  return [...byPath.values()];
};
