import { ApiFailure } from './api-answer.js';
import type { JsonSchema } from './spec-facts.js';

/** A request body checked against its operation's schema: only the fields the schema names. */
export type RequestBody = Record<string, unknown>;

// Group IDs the API issues are `@TGS#` and letters, digits or `_`; custom IDs
// are at most 48 bytes (the facts sheet). Anything else cannot name a group.
const issuedGroupId = /^@TGS#[A-Za-z0-9_]+$/;
const maxGroupIdBytes = 48;

const hasSpaceOrControl = (text: string): boolean =>
  [...text].some(
    (char) => /\s/.test(char) || (char.codePointAt(0) as number) < 0x20 || char === '\u007f',
  );

const readJson = (raw: Buffer): unknown => {
  try {
    // Non-UTF-8 bytes are a parse error too, not silently replaced.
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw));
  } catch {
    throw new ApiFailure(60003, 'the body is not valid UTF-8 JSON');
  }
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const integerRange = (schema: JsonSchema): string => {
  const { minimum, maximum } = schema;
  if (minimum === 0 && (maximum === undefined || maximum >= Number.MAX_SAFE_INTEGER))
    return 'a non-negative integer';
  if (minimum !== undefined && maximum !== undefined)
    return `an integer from ${minimum} to ${maximum}`;
  if (minimum !== undefined) return `an integer of at least ${minimum}`;
  if (maximum !== undefined) return `an integer of at most ${maximum}`;
  return 'an integer';
};

/** Why `value` breaks `schema`, naming the field; undefined when it fits. */
const problemOf = (name: string, value: unknown, schema: JsonSchema): string | undefined => {
  if (schema.enum && !schema.enum.includes(value))
    return `${name} must be one of ${schema.enum.map((item) => JSON.stringify(item)).join(', ')}`;
  switch (schema.type) {
    case 'string': {
      const minLength = schema.minLength ?? 0;
      if (typeof value !== 'string' || [...value].length < minLength)
        return `${name} must be a ${minLength > 0 ? 'non-empty ' : ''}string`;
      if (schema.maxLength !== undefined && [...value].length > schema.maxLength)
        return `${name} must be at most ${schema.maxLength} characters`;
      return undefined;
    }
    case 'integer':
    case 'number': {
      const fits =
        (schema.type === 'integer' ? Number.isSafeInteger(value) : Number.isFinite(value)) &&
        (schema.minimum === undefined || (value as number) >= schema.minimum) &&
        (schema.maximum === undefined || (value as number) <= schema.maximum);
      return fits ? undefined : `${name} must be ${integerRange(schema)}`;
    }
    case 'boolean':
      return typeof value === 'boolean' ? undefined : `${name} must be true or false`;
    case 'array': {
      if (!Array.isArray(value)) return `${name} must be an array`;
      if (schema.minItems !== undefined && value.length < schema.minItems)
        return `${name} must hold at least ${schema.minItems} items`;
      if (schema.maxItems !== undefined && value.length > schema.maxItems)
        return `${name} must hold at most ${schema.maxItems} items`;
      const itemSchema = schema.items ?? {};
      for (const [index, item] of value.entries()) {
        const problem = problemOf(`${name}[${index}]`, item, itemSchema);
        if (problem) return problem;
      }
      return undefined;
    }
    case 'object':
      return isObject(value)
        ? objectProblem(`${name}.`, value, schema)
        : `${name} must be an object`;
    default:
      return undefined;
  }
};

const objectProblem = (
  prefix: string,
  value: Record<string, unknown>,
  schema: JsonSchema,
): string | undefined => {
  for (const field of schema.required ?? [])
    if (value[field] === undefined) return `${prefix}${field} is required`;
  for (const [field, fieldSchema] of Object.entries(schema.properties ?? {})) {
    if (value[field] === undefined) continue;
    const problem = problemOf(`${prefix}${field}`, value[field], fieldSchema);
    if (problem) return problem;
  }
  return undefined;
};

/** Whether a group ID is one no group can have (10015). */
export const cannotNameGroup = (groupId: string): boolean =>
  new TextEncoder().encode(groupId).length > maxGroupIdBytes ||
  (groupId.startsWith('@TGS#') && !issuedGroupId.test(groupId)) ||
  hasSpaceOrControl(groupId);

/**
 * Parses a body and checks it against the operation's request schema: 60003 when
 * it is not JSON (the REST API overview asks for at least `{}`), 10004 for a
 * missing or mistyped field or one outside its schema's bounds, 10015 for a
 * GroupId that cannot exist. Patterns are not checked (GroupId's own rule is
 * 10015). Fields the schema does not name are dropped, as a server ignores them
 * (the spec's schemas refuse them only to catch client typos).
 */
export const readRequestBody = (raw: Buffer, schema: JsonSchema): RequestBody => {
  const body = readJson(raw);
  if (!isObject(body)) throw new ApiFailure(10004, 'the body must be a JSON object');
  const problem = objectProblem('', body, schema);
  if (problem) throw new ApiFailure(10004, problem);
  if (typeof body.GroupId === 'string' && cannotNameGroup(body.GroupId))
    throw new ApiFailure(10015, 'GroupId cannot name a group');
  return Object.fromEntries(
    Object.keys(schema.properties ?? {})
      .filter((field) => body[field] !== undefined)
      .map((field) => [field, body[field]]),
  );
};
