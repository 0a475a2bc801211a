// Renders `public-api.gen.ts`: the generated names @avchatroom/client exports
// from its root, chosen rather than `export *` of every generated module. The
// spec's component schemas (by their own names), each operation's
// caller-facing types, and the spec tables; not the hey-api SDK's internals
// (its `...Data`, `...Response2`, `Client`, `Config`), which stay on the
// `@avchatroom/client/sdk` entry point.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generatedHeader } from './generated-header.mjs';
import { readOperations } from './operation-layer.mjs';

const header = generatedHeader('@avchatroom/codegen');

const pascal = (id) => id.charAt(0).toUpperCase() + id.slice(1);

export const renderPublicApi = (spec) => {
  const schemaNames = Object.keys(spec.components?.schemas ?? {}).sort();
  const operations = readOperations(spec);
  const operationTypes = operations.flatMap(({ id, pagination }) => {
    const Op = pascal(id);
    const types = [`${Op}Params`, `${Op}Result`];
    if (pagination) {
      types.push(`${Op}Item`, `${Op}Listing`, `${Op}ListingPage`, `${Op}ListingParams`);
    }
    return types;
  });
  const limits = operations
    .filter((operation) => operation.limits !== undefined)
    .map(({ id }) => `${id}Limits`);
  return `${header}
export type { ${schemaNames.join(', ')} } from './types.gen.js';
export type { ChatOperationMethods, ${operationTypes.join(', ')} } from './operation-layer.gen.js';
export { chatErrorCodes, type ChatErrorCode, type ChatErrorCodeInfo, type ChatRetryClass } from './error-codes.gen.js';
export { chatRegions, type ChatRegion, type ChatRegionId } from './regions.gen.js';
export { ${limits.join(', ')} } from './limits.gen.js';
export { chatOperations, type ChatOperationId } from './operations.gen.js';
`;
};

/** Writes `public-api.gen.ts` into `folder`. */
export const writePublicApi = async (spec, folder) => {
  await writeFile(join(folder, 'public-api.gen.ts'), renderPublicApi(spec));
};
