// Renders the spec's vendor extensions (error codes, retry classes, regions,
// limits) and its common query parameters as typed constant tables for the client runtime, so no number or code
// the spec holds is typed a second time by hand.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generatedHeader } from './generated-header.mjs';

const header = generatedHeader('@avchatroom/codegen');

const fail = (message) => {
  throw new Error(`openapi spec: ${message}`);
};

const literal = (value) => JSON.stringify(value);
const doc = (text) => `/** ${text.replaceAll('*/', '*\\/')} */`;

const errorCodeKeys = new Set(['code', 'name', 'meaning', 'retry', 'retryAfterSeconds']);

const readErrorCodes = (spec, retryClasses) => {
  const operations = Object.values(spec.paths).flatMap((pathItem) => Object.values(pathItem));
  const sources = [
    ...operations.map((operation) => [operation.operationId, operation['x-error-codes'] ?? []]),
    ['public', spec['x-public-error-codes'] ?? fail('x-public-error-codes is missing')],
  ];
  const byCode = new Map();
  for (const [scope, entries] of sources) {
    for (const entry of entries) {
      const where = `error code ${literal(entry.code)} (${scope})`;
      for (const key of Object.keys(entry)) {
        if (!errorCodeKeys.has(key)) fail(`${where} has an unknown field ${literal(key)}`);
      }
      if (!Number.isInteger(entry.code) || entry.code <= 0)
        fail(`${where} is not a positive integer`);
      const known = byCode.get(entry.code);
      if (known) {
        // Several operations' pages list the same code: one meaning, one retry class.
        if (known.scopes.includes(scope)) fail(`${where} is listed twice`);
        if (known.name !== entry.name || known.retry !== entry.retry) {
          fail(`${where} has another name or retry class than in ${known.scopes[0]}`);
        }
        known.scopes.push(scope);
        continue;
      }
      if (typeof entry.name !== 'string' || !/^[A-Z][A-Za-z0-9]*$/.test(entry.name)) {
        fail(`${where} needs a PascalCase name`);
      }
      if (typeof entry.meaning !== 'string' || entry.meaning.trim() === '') {
        fail(`${where} needs a meaning`);
      }
      if (!Object.hasOwn(retryClasses, entry.retry)) {
        fail(`${where} has retry ${literal(entry.retry)}, not one of x-retry-classes`);
      }
      if (entry.retryAfterSeconds !== undefined && !(entry.retryAfterSeconds > 0)) {
        fail(`${where} has a retryAfterSeconds that is not positive`);
      }
      byCode.set(entry.code, { ...entry, scopes: [scope] });
    }
  }
  return [...byCode.values()].sort((a, b) => a.code - b.code);
};

const renderErrorCodes = (spec) => {
  const retryClasses = spec['x-retry-classes'] ?? fail('x-retry-classes is missing');
  const codes = readErrorCodes(spec, retryClasses);
  const classLines = Object.entries(retryClasses).map(
    ([name, meaning]) => `  ${doc(meaning)}\n  | ${literal(name)}`,
  );
  const entryLines = codes.map((entry) => {
    const fields = [
      `code: ${entry.code}`,
      `name: ${literal(entry.name)}`,
      `meaning: ${literal(entry.meaning)}`,
      `retry: ${literal(entry.retry)}`,
      ...(entry.retryAfterSeconds ? [`retryAfterSeconds: ${entry.retryAfterSeconds}`] : []),
      `scopes: ${literal(entry.scopes)}`,
    ];
    return `  ${entry.code}: { ${fields.join(', ')} },`;
  });
  return `${header}
/** What a client should do with an error code (the spec's x-retry-classes). */
export type ChatRetryClass =
${classLines.join('\n')};

/** One documented error code. */
export interface ChatErrorCodeInfo {
  readonly code: number;
  /** A PascalCase label; two codes with the same documented meaning share it. */
  readonly name: string;
  /** The documented meaning. */
  readonly meaning: string;
  readonly retry: ChatRetryClass;
  /** How long to wait before retrying, where the docs say. */
  readonly retryAfterSeconds?: number;
  /** The operations whose docs list the code, or ["public"] for the codes of every REST API. */
  readonly scopes: readonly string[];
}

/** Every documented error code, from the spec's x-error-codes and x-public-error-codes. */
export const chatErrorCodes = {
${entryLines.join('\n')}
} as const satisfies Record<number, ChatErrorCodeInfo>;

/** The union of documented error codes (ErrorCode 0 means success and is not one). */
export type ChatErrorCode = keyof typeof chatErrorCodes;
`;
};

const renderRegions = (spec) => {
  const regions = new Map();
  for (const server of spec.servers ?? []) {
    const id = server['x-region-id'] ?? fail(`server ${server.url} has no x-region-id`);
    const role = server['x-standby'] === true ? 'standby' : 'main';
    const region = regions.get(id) ?? { id };
    if (region[role]) fail(`region ${id} has two ${role} servers`);
    region[role] = server.url;
    if (role === 'main') region.name = server.description.replace(/\s*\(.*\)$/, '');
    regions.set(id, region);
  }
  for (const region of regions.values()) {
    if (!region.main || !region.standby)
      fail(`region ${region.id} needs a main and a standby server`);
  }
  const lines = [...regions.values()].map(
    (region) =>
      `  ${literal(region.id)}: { id: ${literal(region.id)}, name: ${literal(region.name)}, main: ${literal(region.main)}, standby: ${literal(region.standby)} },`,
  );
  return `${header}
/** A regional endpoint pair: the main domain and its standby. */
export interface ChatRegion {
  readonly id: string;
  readonly name: string;
  /** Base URL of the main domain. */
  readonly main: string;
  /** Base URL of the standby domain. */
  readonly standby: string;
}

/** The regional domains, from the spec's servers (keyed by x-region-id). */
export const chatRegions = {
${lines.join('\n')}
} as const satisfies Record<string, ChatRegion>;

/** A region id: the region where the SDKAppID was created. */
export type ChatRegionId = keyof typeof chatRegions;
`;
};

const renderLimits = (spec) => {
  const lines = [];
  for (const pathItem of Object.values(spec.paths)) {
    for (const operation of Object.values(pathItem)) {
      const limits = operation['x-limits'];
      if (!limits) continue;
      lines.push(
        `/** The documented limits of ${operation.operationId} (the spec's x-limits). */`,
        `export const ${operation.operationId}Limits = ${JSON.stringify(limits, null, 2)} as const;`,
        '',
      );
    }
  }
  return `${header}\n${lines.join('\n')}`;
};

const renderQueryParameters = (spec) => {
  const credentials = Object.values(spec.components?.securitySchemes ?? {})
    .filter((scheme) => scheme.type === 'apiKey' && scheme.in === 'query')
    .map((scheme) => scheme.name);
  const commonParameters = Object.values(spec.components?.parameters ?? {}).filter(
    (parameter) => parameter['x-common-parameter'] && parameter.in === 'query',
  );
  const common = commonParameters.map((parameter) => parameter.name);
  const schemas = Object.fromEntries(
    commonParameters.map(({ name, schema }) => [
      name,
      Object.fromEntries(
        ['type', 'minimum', 'maximum', 'enum'].flatMap((key) =>
          schema?.[key] === undefined ? [] : [[key, schema[key]]],
        ),
      ),
    ]),
  );
  if (credentials.length === 0) fail('no apiKey security scheme in the query');
  return `${header}
/** The query parameters that carry the credentials (the spec's apiKey security schemes). */
export const credentialQueryParameters = ${literal(credentials)} as const;

/** A query parameter that carries a credential. */
export type CredentialQueryParameter = (typeof credentialQueryParameters)[number];

/** The other query parameters every call carries (the spec's x-common-parameter). */
export const commonQueryParameters = ${literal(common)} as const;

/** A query parameter the client runtime fills in on every call. */
export type CommonQueryParameter = (typeof commonQueryParameters)[number];

/** What a caller's own value of a common parameter must be (the spec's schema of each). */
export const commonQuerySchemas: Record<
  CommonQueryParameter,
  { type: string; minimum?: number; maximum?: number; enum?: readonly string[] }
> = ${literal(schemas)};
`;
};

const httpMethods = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

const renderOperations = (spec) => {
  const lines = [];
  for (const [path, pathItem] of Object.entries(spec.paths)) {
    for (const [method, operation] of Object.entries(pathItem)) {
      if (!httpMethods.has(method)) continue;
      const id =
        operation.operationId ?? fail(`${method.toUpperCase()} ${path} has no operationId`);
      lines.push(
        `  ${id}: { operationId: ${literal(id)}, method: ${literal(method.toUpperCase())}, path: ${literal(path)} },`,
      );
    }
  }
  return `${header}
/** Where each operation lives: its HTTP method and path (the spec's paths). */
export const chatOperations = {
${lines.join('\n')}
} as const;

/** The operationId of an operation in the spec. */
export type ChatOperationId = keyof typeof chatOperations;
`;
};

/** Writes the tables (error codes, regions, limits, query parameters, operations) into `folder`. */
export const writeSpecTables = async (spec, folder) => {
  await writeFile(join(folder, 'error-codes.gen.ts'), renderErrorCodes(spec));
  await writeFile(join(folder, 'regions.gen.ts'), renderRegions(spec));
  await writeFile(join(folder, 'limits.gen.ts'), renderLimits(spec));
  await writeFile(join(folder, 'query-parameters.gen.ts'), renderQueryParameters(spec));
  await writeFile(join(folder, 'operations.gen.ts'), renderOperations(spec));
};
