import { mergeAllOf } from './merge-all-of.js';
import type { OpenApiDocument, ParameterObject } from './openapi-document.js';

const parameterRefPrefix = '#/components/parameters/';

const isCommonParameter = (parameter: ParameterObject, spec: OpenApiDocument): boolean => {
  const resolved = parameter.$ref?.startsWith(parameterRefPrefix)
    ? spec.components?.parameters?.[parameter.$ref.slice(parameterRefPrefix.length)]
    : parameter;
  return resolved?.['x-common-parameter'] === true;
};

/**
 * Drops the parameters the spec marks `x-common-parameter` (`random` and
 * `contenttype`) from every operation: they ride on every call and are filled
 * in at run time (a fresh `random` per call), so callers never pass them.
 */
export const dropCommonParameters = (spec: OpenApiDocument): void => {
  for (const pathItem of Object.values(spec.paths ?? {})) {
    for (const operation of Object.values(pathItem)) {
      const parameters = (operation as { parameters?: ParameterObject[] } | null)?.parameters;
      if (!parameters) continue;
      (operation as { parameters: ParameterObject[] }).parameters = parameters.filter(
        (parameter) => !isCommonParameter(parameter, spec),
      );
    }
  }
};

/**
 * Replaces each composed (`allOf`) component schema, such as the response
 * envelope with an operation's fields, by one object schema with the same
 * properties (see {@link mergeAllOf}): generators then emit one plain type or
 * object check instead of an intersection. Types and checks are the same.
 */
export const mergeComposedSchemas = (spec: OpenApiDocument): void => {
  const schemas = spec.components?.schemas ?? {};
  for (const [name, schema] of Object.entries(schemas)) {
    if (schema.allOf) schemas[name] = mergeAllOf(schema, schemas, name);
  }
};

/**
 * Rewrites a parsed copy of the spec in place for a client generator: drops the
 * common parameters and merges the composed schemas. `heyApiPreset` runs it as
 * hey-api's `parser.patch.input`.
 */
export const prepareSpecForClients = (spec: OpenApiDocument): void => {
  dropCommonParameters(spec);
  mergeComposedSchemas(spec);
};
