import { readFileSync } from 'node:fs';
import { specJsonPath } from '@avchatroom/openapi';

// Everything the emulator knows about the API's operations, numbers and error
// codes is read from a bundled spec (by default the one of @avchatroom/openapi),
// never typed a second time.

export interface SpecErrorCode {
  code: number;
  name: string;
  meaning: string;
  retry: string;
}

/** The subset of JSON Schema the emulator checks request bodies with. */
export interface JsonSchema {
  type?: string;
  required?: string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  allOf?: JsonSchema[];
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
}

/** An operation's `x-requirements`. */
export interface SpecRequirements {
  groupTypes?: string[];
  groupTypesDisputed?: boolean;
  editions?: string[];
  consoleSwitch?: string;
}

/** One POST operation of the spec, with its vendor extensions. */
export interface SpecOperation {
  operationId: string;
  path: string;
  /** `x-limits`: numbers such as `callsPerSecond` and named caps. */
  limits: Record<string, unknown>;
  /** `x-limits.callsPerSecond`, else `x-limits.assumedCallsPerSecond`. */
  callsPerSecond: number | undefined;
  requirements: SpecRequirements;
  requestSchema: JsonSchema;
  /** Named request examples' values, in the spec's order. */
  requestExamples: Record<string, unknown>;
  /** Named 200-response examples' values, in the spec's order. */
  responseExamples: Record<string, Record<string, unknown>>;
  pagination: Record<string, unknown> | undefined;
  errorCodes: SpecErrorCode[];
}

/** A spec as the emulator serves it. */
export interface ApiSpec {
  operations: SpecOperation[];
  /** The operation at a path, byte for byte. */
  operationAt: (path: string) => SpecOperation | undefined;
  publicErrorCodes: SpecErrorCode[];
}

type Json = Record<string, unknown>;

const pointer = (root: unknown, ref: string): unknown => {
  if (!ref.startsWith('#/')) throw new Error(`the spec has an external $ref ${ref}`);
  return ref
    .slice(2)
    .split('/')
    .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce<unknown>((node, part) => (node as Json | undefined)?.[part], root);
};

/** Replaces every local `$ref` with what it points to (the bundle has no cycles). */
const resolveRefs = (root: unknown, node: unknown, depth = 0): unknown => {
  if (depth > 100) throw new Error('the spec nests $refs more than 100 deep');
  if (Array.isArray(node)) return node.map((item) => resolveRefs(root, item, depth + 1));
  if (typeof node !== 'object' || node === null) return node;
  const { $ref } = node as Json;
  if (typeof $ref === 'string') return resolveRefs(root, pointer(root, $ref), depth + 1);
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => [key, resolveRefs(root, value, depth + 1)]),
  );
};

/** Folds `allOf` into one object schema (properties and required lists merged). */
const flattenSchema = (schema: JsonSchema): JsonSchema => {
  if (!schema.allOf) return schema;
  const { allOf, ...merged } = schema;
  for (const part of allOf.map(flattenSchema)) {
    const { properties, required, ...rest } = part;
    Object.assign(merged, rest);
    merged.properties = { ...merged.properties, ...properties };
    merged.required = [...(merged.required ?? []), ...(required ?? [])];
  }
  return merged;
};

const exampleValues = (examples: unknown): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries((examples ?? {}) as Record<string, { value?: unknown }>).map(
      ([name, example]) => [name, example.value],
    ),
  );

const readOperation = (path: string, post: Json): SpecOperation => {
  const request = (post.requestBody as Json | undefined)?.content as Json | undefined;
  const requestJson = (request?.['application/json'] ?? {}) as Json;
  const responses = (post.responses ?? {}) as Record<string, Json>;
  const answerJson = ((responses['200']?.content as Json | undefined)?.['application/json'] ??
    {}) as Json;
  const limits = (post['x-limits'] ?? {}) as Json;
  const rate = limits.callsPerSecond ?? limits.assumedCallsPerSecond;
  return {
    operationId: post.operationId as string,
    path,
    limits,
    callsPerSecond: typeof rate === 'number' ? rate : undefined,
    requirements: (post['x-requirements'] ?? {}) as SpecRequirements,
    requestSchema: flattenSchema((requestJson.schema ?? { type: 'object' }) as JsonSchema),
    requestExamples: exampleValues(requestJson.examples),
    responseExamples: exampleValues(answerJson.examples) as Record<string, Json>,
    pagination: post['x-pagination'] as Json | undefined,
    errorCodes: (post['x-error-codes'] ?? []) as SpecErrorCode[],
  };
};

// Codes mean the same in every spec version, so one table serves every loaded spec.
const errorCodes = new Map<number, SpecErrorCode>();

/** Reads a bundled spec (JSON) and its POST operations; throws when it cannot. */
export const loadApiSpec = (path: string = specJsonPath): ApiSpec => {
  const root = JSON.parse(readFileSync(path, 'utf8'));
  const spec = resolveRefs(root, root) as Json;
  const operations = Object.entries((spec.paths ?? {}) as Record<string, Json>)
    .filter(([, item]) => item.post)
    .map(([apiPath, item]) => readOperation(apiPath, item.post as Json));
  const publicErrorCodes = (spec['x-public-error-codes'] ?? []) as SpecErrorCode[];
  for (const entry of [...operations.flatMap((op) => op.errorCodes), ...publicErrorCodes])
    if (!errorCodes.has(entry.code)) errorCodes.set(entry.code, entry);
  const byPath = new Map(operations.map((operation) => [operation.path, operation]));
  return { operations, operationAt: (apiPath) => byPath.get(apiPath), publicErrorCodes };
};

/** The spec of @avchatroom/openapi, the emulator's default. */
export const bundledSpec: ApiSpec = loadApiSpec();

const getMembers = bundledSpec.operations.find((op) => op.operationId === 'getMembers');
if (!getMembers) throw new Error('the bundled spec has no getMembers operation');

/** get_members' path in the bundled spec. */
export const apiPath: string = getMembers.path;

interface GetMembersLimits {
  callsPerSecond: number;
  snapshotRefreshSeconds: number;
  maxMembers: number;
  nonProEditionMaxMembers: number;
  documentedPageSizes: number[];
}

/** get_members' `x-limits` in the bundled spec (the emulator's options default to them). */
export const specLimits = getMembers.limits as unknown as GetMembersLimits;

/** The spec's entry for an error code; throws for a code no loaded spec lists. */
export const specErrorCode = (code: number): SpecErrorCode => {
  const entry = errorCodes.get(code);
  if (!entry) throw new RangeError(`error code ${code} is not in the spec`);
  return entry;
};

/** Whether a loaded spec lists this error code. */
export const isSpecErrorCode = (code: number): boolean => errorCodes.has(code);
