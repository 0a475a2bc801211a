// Renders the client's operation layer (`operation-layer.gen.ts`) from the
// spec: for every operation its caller-facing parameter and result names, its
// rate limit, its pagination entry (x-pagination), and the types and method
// signatures of `createChatClient`. The runtime that uses the table is
// hand-written once (packages/client/src/operation-call.ts, pagination/), so an
// operation added to the spec costs no client code.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { mergeAllOf } from '@avchatroom/openapi/hey-api';
import { generatedHeader } from './generated-header.mjs';

const header = generatedHeader('@avchatroom/codegen');

const fail = (message) => {
  throw new Error(`operation layer: ${message}`);
};

const literal = (value) => JSON.stringify(value);

/** `GroupId` -> `groupId`, `Members_Account` -> `membersAccount`. */
export const callerName = (wireName) =>
  wireName.charAt(0).toLowerCase() + wireName.slice(1).replace(/_(.)/g, (_, c) => c.toUpperCase());

const pascal = (id) => id.charAt(0).toUpperCase() + id.slice(1);

/** A JSDoc block from a spec description (its first paragraph). */
const jsDoc = (description, indent = '') => {
  if (typeof description !== 'string' || description.trim() === '') return '';
  const paragraph = description
    .trim()
    .split(/\n\s*\n/)[0]
    .replace(/\s+/g, ' ');
  return `${indent}/** ${paragraph.replaceAll('*/', '*\\/')} */\n`;
};

const refName = (schema, where) =>
  schema?.$ref?.startsWith('#/components/schemas/')
    ? schema.$ref.slice('#/components/schemas/'.length)
    : fail(`${where} is not a $ref to a component schema`);

/** Every operation of the spec, in spec order. */
export const readOperations = (spec) => {
  const schemas = spec.components?.schemas ?? {};
  const operations = [];
  for (const [path, pathItem] of Object.entries(spec.paths)) {
    for (const [method, operation] of Object.entries(pathItem)) {
      if (typeof operation !== 'object' || !operation.operationId) continue;
      const id = operation.operationId;
      if (!/^[a-z][A-Za-z0-9]*$/.test(id)) fail(`operationId ${literal(id)} is not camelCase`);
      const requestName = refName(
        operation.requestBody?.content?.['application/json']?.schema,
        `${id} request body`,
      );
      const responseName = refName(
        operation.responses?.['200']?.content?.['application/json']?.schema,
        `${id} 200 response`,
      );
      const request = schemas[requestName];
      if (request?.type !== 'object' || request.allOf) {
        fail(`${id}: the request schema must be a plain object schema`);
      }
      const response = schemas[responseName];
      // The operation's own fields: those of the response's inline allOf
      // members, not of the shared schemas ($ref members, the envelope).
      const ownFields = response.allOf
        ? mergeAllOf(
            { allOf: response.allOf.filter((member) => !member.$ref) },
            schemas,
            responseName,
          )
        : response;
      const limits = operation['x-limits'] ?? {};
      const callsPerSecond = limits.callsPerSecond ?? limits.assumedCallsPerSecond;
      if (!Number.isInteger(callsPerSecond) || callsPerSecond <= 0) {
        fail(`${id} has no x-limits.callsPerSecond or assumedCallsPerSecond`);
      }
      operations.push({
        id,
        method: method.toUpperCase(),
        path,
        summary: operation.summary,
        requestName,
        responseName,
        request,
        resultFields: ownFields.properties ?? {},
        resultRequired: new Set(ownFields.required ?? []),
        callsPerSecond,
        limits: operation['x-limits'],
        pagination: operation['x-pagination'],
      });
    }
  }
  return operations;
};

const paginationKeys = {
  required: [
    'cursor',
    'nextCursor',
    'items',
    'stopValue',
    'itemKey',
    'itemsName',
    'iterate',
    'collect',
  ],
  optional: ['maxItems', 'truncatedAtCounts'],
};

const checkPagination = (operation) => {
  const { id, pagination, request, resultFields } = operation;
  if (pagination === undefined) return undefined;
  for (const key of paginationKeys.required) {
    if (pagination[key] === undefined) fail(`${id} x-pagination has no ${key}`);
  }
  for (const key of Object.keys(pagination)) {
    if (![...paginationKeys.required, ...paginationKeys.optional].includes(key)) {
      fail(`${id} x-pagination has an unknown key ${key}`);
    }
  }
  if (!request.properties?.[pagination.cursor])
    fail(`${id}: cursor ${pagination.cursor} is not a request field`);
  if (!resultFields[pagination.nextCursor])
    fail(`${id}: nextCursor ${pagination.nextCursor} is not a response field`);
  if (resultFields[pagination.items]?.type !== 'array')
    fail(`${id}: items ${pagination.items} is not an array field`);
  return pagination;
};

/** The runtime table: names, limits and pagination of each operation. */
const renderTable = (operations) =>
  operations.map((operation) => {
    const { id, request, resultFields } = operation;
    const pagination = checkPagination(operation);
    const requestFields = Object.keys(request.properties ?? {}).map((wire) => [
      callerName(wire),
      wire,
    ]);
    const resultNames = Object.entries(resultFields).map(([wire, schema]) => {
      const name = wire === pagination?.items ? pagination.itemsName : callerName(wire);
      // A list the answer leaves out is empty; a cursor it leaves out ends the listing.
      const fallback =
        schema.type === 'array'
          ? '[]'
          : wire === pagination?.nextCursor
            ? literal(pagination.stopValue)
            : undefined;
      return `[${literal(name)}, ${literal(wire)}${fallback === undefined ? '' : `, ${fallback}`}]`;
    });
    // A listing may take its one required parameter positionally: members(groupId).
    const required = (request.required ?? []).filter((wire) => wire !== pagination?.cursor);
    const positional = required.length === 1 ? callerName(required[0]) : null;
    const paginationEntry = pagination
      ? `pagination: { positionalParam: ${literal(positional)}, cursor: ${literal(pagination.cursor)}, cursorParam: ${literal(callerName(pagination.cursor))}, nextCursor: ${literal(pagination.nextCursor)}, nextCursorName: ${literal(callerName(pagination.nextCursor))}, items: ${literal(pagination.items)}, itemsName: ${literal(pagination.itemsName)}, stopValue: ${literal(pagination.stopValue)}, itemKey: ${literal(pagination.itemKey)}, iterate: ${literal(pagination.iterate)}, collect: ${literal(pagination.collect)}, maxItems: ${literal(pagination.maxItems ?? null)}, truncatedAtCounts: ${literal(pagination.truncatedAtCounts ?? [])} },`
      : '';
    return `  ${id}: {
    callsPerSecond: ${operation.callsPerSecond},
    requestFields: [${requestFields.map((pair) => literal(pair)).join(', ')}],
    resultFields: [${resultNames.join(', ')}],
    ${paginationEntry}
  },`;
  });

const paramsType = (operation) => {
  const { id, request, requestName, pagination } = operation;
  const required = new Set(request.required ?? []);
  const lines = Object.entries(request.properties ?? {}).map(([wire, schema]) => {
    // The cursor starts at the stop value: a first page needs none.
    const optional = !required.has(wire) || wire === pagination?.cursor;
    return `${jsDoc(schema.description, '  ')}  ${callerName(wire)}${optional ? '?' : ''}: ${requestName}[${literal(wire)}];`;
  });
  return `/** The parameters of ${id}: the request body's fields by the caller's names, and per-call options. */
export interface ${pascal(id)}Params {
${lines.join('\n')}
  /** Aborts the call: a pending attempt or back-off rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Overrides the client's \`timeoutMs\` for each attempt of this call. */
  timeoutMs?: number;
}
`;
};

const resultType = (operation) => {
  const { id, responseName, resultFields, resultRequired, pagination } = operation;
  const lines = Object.entries(resultFields).map(([wire, schema]) => {
    const name = wire === pagination?.items ? pagination.itemsName : callerName(wire);
    const always =
      schema.type === 'array' || wire === pagination?.nextCursor || resultRequired.has(wire);
    const type = `NonNullable<${responseName}[${literal(wire)}]>`;
    return `${jsDoc(schema.description, '  ')}  ${name}: ${type}${always ? '' : ' | undefined'};`;
  });
  return `/** What ${id} answered (ErrorCode 0): its fields by the caller's names, the call's id and the whole body. */
export interface ${pascal(id)}Result {
${lines.join('\n')}
  /** The call's \`random\`, which identifies it in server logs. */
  requestId: number;
  /** The whole response body. */
  response: ${responseName};
}
`;
};

const listingTypes = (operation) => {
  const { id, responseName, pagination } = operation;
  if (!pagination) return '';
  const Op = pascal(id);
  const item = `NonNullable<${responseName}[${literal(pagination.items)}]>[number]`;
  return `/** The parameters of a whole ${id} listing: those of one call, less the cursor and per-call options. */
export type ${Op}ListingParams = Omit<${Op}Params, ${literal(callerName(pagination.cursor))} | 'signal' | 'timeoutMs'>;

/** One item of a ${id} listing. */
export type ${Op}Item = ${item};

/** A page of a ${id} listing: only the items not seen on an earlier page. */
export interface ${Op}ListingPage {
  /** 1 for the first page. */
  pageNumber: number;
  ${pagination.itemsName}: ${Op}Item[];
  /** Items of this page already listed on an earlier one (the server's snapshot moved). */
  duplicatesDropped: number;
  /** The cursor the server sent; ${literal(pagination.stopValue)} on the last page. */
  ${callerName(pagination.nextCursor)}: NonNullable<${responseName}[${literal(pagination.nextCursor)}]>;
  requestId: number;
}

/** Every item of a ${id} listing, from one walk of the cursor chain. */
export interface ${Op}Listing {
  ${pagination.itemsName}: ${Op}Item[];
  /** How many pages (calls) it took. */
  pages: number;
  /** True when the API may have cut the list short${pagination.maxItems ? ` (it reached ${pagination.maxItems} items${pagination.truncatedAtCounts?.length ? `, or exactly ${pagination.truncatedAtCounts.join(' or ')}` : ''})` : ': never, for this operation'}. */
  truncated: boolean;
  /** When the last page arrived. */
  fetchedAt: Date;
}
`;
};

const methodLines = (operation) => {
  const { id, summary, pagination, request } = operation;
  const Op = pascal(id);
  const lines = [`${jsDoc(summary, '  ')}  ${id}(params: ${Op}Params): Promise<${Op}Result>;`];
  if (pagination) {
    const required = (request.required ?? []).filter((wire) => wire !== pagination.cursor);
    const positional = required.length === 1 ? callerName(required[0]) : undefined;
    const signatures = (method, returns) => [
      `  ${method}(params: ${Op}ListingParams, options?: ChatListingOptions): ${returns};`,
      ...(positional
        ? [
            `  ${method}(${positional}: ${Op}ListingParams[${literal(positional)}], options?: ChatListingOptions & Omit<${Op}ListingParams, ${literal(positional)}>): ${returns};`,
          ]
        : []),
    ];
    lines.push(
      `  /** Every item of ${id}, fetched page by page as you iterate; \`.pages()\` yields the pages. */`,
      ...signatures(pagination.iterate, `ChatListingIterable<${Op}Item, ${Op}ListingPage>`),
      `  /** Every item of ${id} at once; concurrent calls with the same parameters share one chain. */`,
      ...signatures(pagination.collect, `Promise<${Op}Listing>`),
    );
  }
  return lines;
};

export const renderOperationLayer = (spec) => {
  const operations = readOperations(spec);
  const schemaNames = [
    ...new Set(operations.flatMap((operation) => [operation.requestName, operation.responseName])),
  ].sort();
  const paged = operations.some((operation) => operation.pagination);
  const listingImport = paged
    ? "import type { ChatListingIterable, ChatListingOptions } from '../operation-types.js';\n"
    : '';
  return `${header}
${listingImport}import type { ${schemaNames.join(', ')} } from './types.gen.js';

/**
 * Each operation as the client calls it: its rate limit (x-limits), its
 * request fields and result fields as [caller name, wire name, value when
 * absent], and its pagination (x-pagination).
 */
export const chatOperationTable = {
${renderTable(operations).join('\n')}
} as const;

${operations.map((operation) => [paramsType(operation), resultType(operation), listingTypes(operation)].join('\n')).join('\n')}
/** The methods createChatClient generates: one per operation, and a listing pair per paged operation. */
export interface ChatOperationMethods {
${operations.flatMap(methodLines).join('\n')}
}
`;
};

/** Writes `operation-layer.gen.ts` into `folder`. */
export const writeOperationLayer = async (spec, folder) => {
  await writeFile(join(folder, 'operation-layer.gen.ts'), renderOperationLayer(spec));
};
