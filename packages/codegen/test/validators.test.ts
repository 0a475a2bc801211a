import { expect, it } from 'vitest';
import { renderValidators } from '../src/validators.mjs';

const specWith = (schemas: Record<string, unknown>) => ({
  paths: {
    '/op': {
      post: {
        operationId: 'op',
        requestBody: {
          content: { 'application/json': { schema: { $ref: '#/components/schemas/A' } } },
        },
        responses: {
          200: { content: { 'application/json': { schema: { $ref: '#/components/schemas/A' } } } },
        },
      },
    },
  },
  components: { schemas },
});

it.each([
  {
    given: 'an unsupported keyword',
    schema: { type: 'string', format: 'date-time' },
    want: 'unsupported keyword "format" in A',
  },
  {
    given: 'a combinator',
    schema: { oneOf: [{ type: 'string' }] },
    want: 'unsupported keyword "oneOf" in A',
  },
  { given: 'an unsupported type', schema: { type: 'null' }, want: 'unsupported type "null" in A' },
  {
    given: 'a list of types',
    schema: { type: ['string', 'null'] },
    want: 'unsupported type ["string","null"] in A',
  },
  {
    given: 'a $ref outside the components',
    schema: { $ref: 'other.yaml#/X' },
    want: 'unsupported $ref other.yaml#/X',
  },
  {
    given: 'a $ref with siblings',
    schema: { $ref: '#/components/schemas/B', minLength: 1 },
    want: 'A combines $ref with other constraints',
  },
  {
    given: 'an array without items',
    schema: { type: 'array' },
    want: 'A is an array without items',
  },
  {
    given: 'a schema for additionalProperties',
    schema: { type: 'object', additionalProperties: { type: 'string' } },
    want: 'A has additionalProperties other than true or false',
  },
  {
    given: 'a required property that is not declared',
    schema: { type: 'object', required: ['x'], properties: {} },
    want: 'A requires undeclared property x',
  },
  {
    given: 'an unsupported keyword deep inside',
    schema: {
      type: 'object',
      properties: { list: { type: 'array', items: { type: 'string', uniqueItems: true } } },
    },
    want: 'unsupported keyword "uniqueItems" in A.list.items',
  },
])('refuses $given, so no constraint is skipped silently', ({ schema, want }) => {
  expect(() => renderValidators(specWith({ A: schema }))).toThrow(want);
});

it('ignores annotations and x- extensions', () => {
  const source = renderValidators(
    specWith({ A: { type: 'string', title: 'A', description: 'd', examples: ['x'], 'x-note': 1 } }),
  );
  expect(source).toContain('export const validateA = (value: unknown): SchemaIssue[]');
  expect(source).toContain('op: { request: validateA, response: validateA },');
});

it('refuses an operation whose body is not a $ref', () => {
  const spec = specWith({ A: { type: 'string' } });
  spec.paths['/op'].post.requestBody.content['application/json'].schema = {
    type: 'string',
  } as never;
  expect(() => renderValidators(spec)).toThrow('op request body is not a $ref');
});
