import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

/** The parts of the bundled spec these tests read or change. */
export interface BundledSpec {
  paths: Record<
    string,
    { post: { operationId?: string; description: string; 'x-error-codes': ErrorCodeEntry[] } }
  >;
  components: { schemas: Record<string, { properties: Record<string, Record<string, unknown>> }> };
  servers: { url: string }[];
  'x-public-error-codes': ErrorCodeEntry[];
}

export interface ErrorCodeEntry {
  code: number;
  name: string;
  meaning: string;
  retry: string;
  [field: string]: unknown;
}

export const bundledSpecPath = createRequire(import.meta.url).resolve(
  '@avchatroom/openapi/openapi.json',
);

/** A fresh copy of the bundled spec, to read or change. */
export const readBundledSpec = async (): Promise<BundledSpec> =>
  JSON.parse(await readFile(bundledSpecPath, 'utf8'));

/** The get_members operation of a spec (it must be there). */
export const getMembersOperation = (spec: BundledSpec) => {
  const pathItem = spec.paths['/v4/group_open_avchatroom_http_svc/get_members'];
  if (!pathItem) throw new Error('the spec has no get_members path');
  return pathItem.post;
};

/** The first public error code of a spec (it must be there). */
export const firstPublicCode = (spec: BundledSpec): ErrorCodeEntry => {
  const [entry] = spec['x-public-error-codes'];
  if (!entry) throw new Error('the spec has no public error codes');
  return entry;
};

/** A property schema of a component schema (it must be there). */
export const schemaProperty = (spec: BundledSpec, schema: string, property: string) => {
  const found = spec.components.schemas[schema]?.properties[property];
  if (!found) throw new Error(`the spec has no ${schema}.${property}`);
  return found;
};
