// Compiles the spec's component schemas into plain TypeScript validators
// (`validators.gen.ts`). The client validates every response with them: Zod
// Mini, which keeps a bundle small, has no compiled fast path and costs about as
// much as JSON.parse on a 500-member page, while full zod (which has one) is
// 26 kB gzipped. Ajv's standalone code, the library's ahead-of-time compile
// step, was measured side by side (bench/validator-choice.mjs, in `pnpm
// bench`): 1.8x to 2.8x this compiler's time on the 500-member page across
// runs here, and 2.3x the gzipped bytes of getMembers' two validators, with a
// runtime import of ajv. The compiler knows a small subset of JSON Schema
// (allOf of object schemas included, merged at compile time) and refuses any
// other keyword, so a spec change can never be skipped silently.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { mergeAllOf } from '@avchatroom/openapi/hey-api';
import { generatedHeader } from './generated-header.mjs';

const header = generatedHeader('@avchatroom/codegen');

const fail = (message) => {
  throw new Error(`validators: ${message}`);
};

const literal = (value) => JSON.stringify(value);

// Keywords that only describe a schema; they do not constrain values.
const annotations = new Set(['title', 'description', 'examples', 'example', 'default', '$comment']);
const constraints = new Set([
  '$ref',
  'type',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'maxItems',
  'minItems',
  'minimum',
  'maximum',
  'minLength',
  'maxLength',
  'pattern',
  'enum',
  'allOf',
]);

const refName = (ref) =>
  ref.startsWith('#/components/schemas/')
    ? ref.slice('#/components/schemas/'.length)
    : fail(`unsupported $ref ${ref}`);

const checkKeywords = (schema, where) => {
  for (const keyword of Object.keys(schema)) {
    if (annotations.has(keyword) || keyword.startsWith('x-')) continue;
    if (!constraints.has(keyword)) fail(`unsupported keyword "${keyword}" in ${where}`);
  }
  if (schema.$ref && Object.keys(schema).some((k) => constraints.has(k) && k !== '$ref')) {
    fail(`${where} combines $ref with other constraints`);
  }
};

const typeChecks = {
  string: { test: (v) => `typeof ${v} !== 'string'`, message: 'must be a string' },
  integer: {
    test: (v) => `typeof ${v} !== 'number' || !Number.isInteger(${v})`,
    message: 'must be an integer',
  },
  number: {
    test: (v) => `typeof ${v} !== 'number' || !Number.isFinite(${v})`,
    message: 'must be a number',
  },
  boolean: { test: (v) => `typeof ${v} !== 'boolean'`, message: 'must be a boolean' },
  object: { test: (v) => `!isObject(${v})`, message: 'must be an object' },
  array: { test: (v) => `!Array.isArray(${v})`, message: 'must be an array' },
};

/** Compiles schemas into check functions, collecting module-level constants. */
const createCompiler = (schemas) => {
  const constants = [];
  const functions = [];
  let counter = 0;

  const byCode = new Map();
  const constant = (prefix, code) => {
    const known = byCode.get(code);
    if (known) return known;
    counter += 1;
    const name = `${prefix}${counter}`;
    constants.push(`const ${name} = /* @__PURE__ */ ${code};`);
    byCode.set(code, name);
    return name;
  };

  // Returns the `if / else if` chain that checks value expression `v` whose path
  // expression is `p` (evaluated only when an issue is pushed).
  const valueChecks = (given, v, p, where) => {
    checkKeywords(given, where);
    const schema = mergeAllOf(given, schemas, where);
    if (schema.$ref) return [`check${refName(schema.$ref)}(${v}, ${p}, issues);`];
    const push = (message) => `issues.push({ path: ${p}, message: ${literal(message)} });`;
    const branches = [];
    if (schema.type !== undefined) {
      const type =
        typeChecks[schema.type] ?? fail(`unsupported type ${literal(schema.type)} in ${where}`);
      branches.push([type.test(v), push(type.message)]);
    }
    if (schema.enum !== undefined) {
      const tests = schema.enum.map((option) => `${v} !== ${literal(option)}`).join(' && ');
      branches.push([tests, push(`must be one of ${schema.enum.map(literal).join(', ')}`)]);
    }
    if (schema.minLength !== undefined) {
      branches.push(
        schema.minLength === 1
          ? [`${v}.length === 0`, push('must not be empty')]
          : [
              `codePoints(${v}) < ${schema.minLength}`,
              push(`must be at least ${schema.minLength} characters`),
            ],
      );
    }
    if (schema.maxLength !== undefined) {
      branches.push([
        `codePoints(${v}) > ${schema.maxLength}`,
        push(`must be at most ${schema.maxLength} characters`),
      ]);
    }
    if (schema.minItems !== undefined) {
      branches.push([
        `${v}.length < ${schema.minItems}`,
        push(
          schema.minItems === 1
            ? 'must not be empty'
            : `must have at least ${schema.minItems} items`,
        ),
      ]);
    }
    if (schema.maxItems !== undefined) {
      // Before the items: a list past its cap is not checked item by item.
      branches.push([
        `${v}.length > ${schema.maxItems}`,
        push(`must have at most ${schema.maxItems} items`),
      ]);
    }
    if (schema.pattern !== undefined) {
      const regex = constant('pattern', `new RegExp(${literal(schema.pattern)}, 'u')`);
      branches.push([`!${regex}.test(${v})`, push(`must match /${schema.pattern}/`)]);
    }
    if (schema.minimum !== undefined) {
      branches.push([`${v} < ${schema.minimum}`, push(`must be at least ${schema.minimum}`)]);
    }
    if (schema.maximum !== undefined) {
      branches.push([`${v} > ${schema.maximum}`, push(`must be at most ${schema.maximum}`)]);
    }
    const lines = branches.map(
      ([test, action], index) => `${index === 0 ? 'if' : '} else if'} (${test}) {\n${action}`,
    );
    const nested = nestedChecks(schema, v, p, where);
    if (lines.length === 0) return nested;
    if (nested.length > 0) lines.push(`} else {\n${nested.join('\n')}`);
    lines.push('}');
    return lines;
  };

  const nestedChecks = (schema, v, p, where) => {
    if (schema.type === 'array') {
      if (!schema.items) fail(`${where} is an array without items`);
      // Items are checked with an empty path and their issues prefixed
      // afterwards, so a valid 500-member page builds no path strings.
      return [
        `for (let index = 0; index < ${v}.length; index += 1) {`,
        'const first = issues.length;',
        `const item = ${v}[index];`,
        ...valueChecks(schema.items, 'item', "''", `${where}.items`),
        'if (issues.length > first) {',
        `for (const issue of issues.slice(first)) issue.path = prefixed(\`\${${p}}[\${index}]\`, issue.path);`,
        '}',
        '}',
      ];
    }
    if (schema.type !== 'object') {
      if (schema.properties || schema.required || schema.additionalProperties !== undefined) {
        fail(`${where} has object keywords but type ${literal(schema.type)}`);
      }
      return [];
    }
    const properties = schema.properties ?? {};
    const required = new Set(schema.required ?? []);
    for (const name of required) {
      if (!Object.hasOwn(properties, name)) fail(`${where} requires undeclared property ${name}`);
    }
    const lines = [];
    for (const [name, propertySchema] of Object.entries(properties)) {
      const valueName = `field${Object.keys(properties).indexOf(name)}`;
      const path = `at(${p}, ${literal(name)})`;
      lines.push('{', `const ${valueName} = ${v}[${literal(name)}];`);
      const checks = valueChecks(propertySchema, valueName, path, `${where}.${name}`);
      if (required.has(name)) {
        lines.push(
          `if (${valueName} === undefined) {`,
          `issues.push({ path: ${path}, message: 'is required' });`,
          '} else {',
          ...checks,
          '}',
        );
      } else {
        lines.push(`if (${valueName} !== undefined) {`, ...checks, '}');
      }
      lines.push('}');
    }
    const closed = schema.additionalProperties;
    if (closed === false) {
      const known = constant('fields', `new Set(${literal(Object.keys(properties))})`);
      lines.push(
        `for (const key of Object.keys(${v})) {`,
        `if (!${known}.has(key)) issues.push({ path: at(${p}, key), message: 'is not a field of ${where.split('.')[0]}' });`,
        '}',
      );
    } else if (closed !== undefined && closed !== true) {
      fail(`${where} has additionalProperties other than true or false`);
    }
    return lines;
  };

  const addSchema = (name, schema) => {
    functions.push(
      `const check${name} = (value: unknown, path: string, issues: SchemaIssue[]): void => {`,
      ...valueChecks(schema, 'value', 'path', name),
      '};',
      '',
      `/** Checks a value against the spec's \`${name}\` schema; returns every problem found (none when valid). */`,
      `export const validate${name} = (value: unknown): SchemaIssue[] => {`,
      'const issues: SchemaIssue[] = [];',
      `check${name}(value, '', issues);`,
      'return issues;',
      '};',
      '',
    );
  };

  const uses = (helper) => functions.join('\n').includes(`${helper}(`);
  return { constants, functions, addSchema, uses };
};

const operationValidators = (spec) => {
  const lines = [];
  for (const pathItem of Object.values(spec.paths)) {
    for (const operation of Object.values(pathItem)) {
      if (typeof operation !== 'object' || !operation.operationId) continue;
      const request = operation.requestBody?.content?.['application/json']?.schema;
      const response = operation.responses?.['200']?.content?.['application/json']?.schema;
      const name = (schema, what) =>
        schema?.$ref
          ? refName(schema.$ref)
          : fail(`${operation.operationId} ${what} is not a $ref`);
      lines.push(
        `${operation.operationId}: { request: validate${name(request, 'request body')}, response: validate${name(response, '200 response')} },`,
      );
    }
  }
  return lines;
};

// Helpers emitted only when the compiled checks use them.
const prefixedHelper = [
  '',
  'const prefixed = (prefix: string, inner: string): string =>',
  "  inner === '' || inner.startsWith('[') ? prefix + inner : prefix + '.' + inner;",
  '',
].join('\n');
const codePointsHelper = [
  '/** Length in code points, as JSON Schema counts it. */',
  'const codePoints = (text: string): number => [...text].length;',
  '',
].join('\n');

export const renderValidators = (spec) => {
  const compiler = createCompiler(spec.components?.schemas ?? {});
  for (const [name, schema] of Object.entries(spec.components?.schemas ?? {})) {
    if (!/^[A-Za-z][A-Za-z0-9]*$/.test(name))
      fail(`schema name ${literal(name)} is not an identifier`);
    compiler.addSchema(name, schema);
  }
  return `${header}
/** One problem found by a generated validator: where (\`MemberList[3].JoinTime\`) and what. */
export interface SchemaIssue {
  path: string;
  message: string;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const at = (path: string, key: string): string => (path === '' ? key : \`\${path}.\${key}\`);
${compiler.uses('prefixed') ? prefixedHelper : ''}
${compiler.uses('codePoints') ? codePointsHelper : ''}
${compiler.constants.join('\n')}

${compiler.functions.join('\n')}
/** The request-body and 200-response validators of each operation. */
export const operationValidators = {
${operationValidators(spec).join('\n')}
} as const;
`;
};

/** Writes `validators.gen.ts` into `folder`. */
export const writeValidators = async (spec, folder) => {
  await writeFile(join(folder, 'validators.gen.ts'), renderValidators(spec));
};
