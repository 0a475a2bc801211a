import type { SchemaObject } from './openapi-document.js';

// Keywords that only describe a schema; they do not constrain values.
const annotations = new Set(['title', 'description', 'examples', 'example', 'default', '$comment']);

const fail = (message: string): never => {
  throw new Error(`mergeAllOf: ${message}`);
};

const schemaRefPrefix = '#/components/schemas/';

/**
 * An `allOf` of object schemas (the response envelope composed with each
 * operation's fields) as one object schema: the members' properties and
 * required fields together. Members that would constrain each other (a
 * property in two members, `additionalProperties: false`, a non-object type)
 * are refused rather than half-checked. A schema without `allOf` is returned as is.
 *
 * @param schema - the schema to merge
 * @param schemas - `components.schemas`, to resolve `$ref` members
 * @param where - where the schema is, for error messages (such as its name)
 */
export const mergeAllOf = (
  schema: SchemaObject,
  schemas: Record<string, SchemaObject>,
  where: string,
): SchemaObject => {
  if (schema.allOf === undefined) return schema;
  const { allOf, ...outer } = schema;
  for (const keyword of Object.keys(outer)) {
    if (!annotations.has(keyword) && !keyword.startsWith('x-')) {
      fail(`${where} combines allOf with "${keyword}"`);
    }
  }
  const properties: Record<string, SchemaObject> = {};
  const required: string[] = [];
  allOf.forEach((member, index) => {
    const memberWhere = `${where}.allOf[${index}]`;
    const resolved = mergeAllOf(resolveMember(member, schemas, memberWhere), schemas, memberWhere);
    if (resolved.type !== undefined && resolved.type !== 'object') {
      fail(`${memberWhere} is not an object schema`);
    }
    if (resolved.additionalProperties === false) {
      fail(
        `${memberWhere} has additionalProperties false, which would refuse the other members' fields`,
      );
    }
    for (const [name, property] of Object.entries(resolved.properties ?? {})) {
      if (Object.hasOwn(properties, name)) fail(`${memberWhere} declares ${name} again`);
      properties[name] = property;
    }
    required.push(...(resolved.required ?? []));
  });
  return { ...outer, type: 'object', properties, required };
};

const resolveMember = (
  member: SchemaObject,
  schemas: Record<string, SchemaObject>,
  where: string,
): SchemaObject => {
  if (member.$ref === undefined) return member;
  if (!member.$ref.startsWith(schemaRefPrefix)) return fail(`unsupported $ref ${member.$ref}`);
  return (
    schemas[member.$ref.slice(schemaRefPrefix.length)] ?? fail(`${where} names a missing schema`)
  );
};
