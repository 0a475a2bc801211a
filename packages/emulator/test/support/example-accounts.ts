import type { SpecOperation } from '../../src/spec-facts.js';

// Fields of request examples that hold UserIDs: every string in a body except
// these, which hold other text.
const notAccounts = new Set(['GroupId', 'Description']);

const stringsIn = (value: unknown, field = ''): string[] => {
  if (notAccounts.has(field)) return [];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap((item) => stringsIn(item, field));
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([key, item]) => stringsIn(item, key));
  return [];
};

/** The UserIDs the operations' request examples name, so a seed can have them online. */
export const exampleAccounts = (operations: readonly SpecOperation[]): string[] => [
  ...new Set(
    operations.flatMap((operation) =>
      Object.values(operation.requestExamples).flatMap((example) => stringsIn(example)),
    ),
  ),
];
