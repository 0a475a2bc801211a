import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { specJsonPath } from '../spec-path.js';
import { mergeAllOf } from './merge-all-of.js';
import type { OpenApiDocument, ParameterObject, SchemaObject } from './openapi-document.js';
import { prepareSpecForClients } from './prepare-spec.js';
import { heyApiDefaultPlugins, heyApiPreset } from './preset.js';

const bundledSpec = (): OpenApiDocument => JSON.parse(readFileSync(specJsonPath, 'utf8'));

const operations = (spec: OpenApiDocument) =>
  Object.values(spec.paths ?? {}).flatMap(
    (pathItem) =>
      Object.values(pathItem) as { operationId: string; parameters?: ParameterObject[] }[],
  );

it('drops random and contenttype from every operation and merges every composed schema', () => {
  const spec = bundledSpec();
  const before = operations(spec);
  expect(before.length).toBeGreaterThan(0);
  for (const operation of before) expect(operation.parameters?.length).toBe(2);

  prepareSpecForClients(spec);

  for (const operation of operations(spec)) expect(operation.parameters).toEqual([]);
  const schemas = spec.components?.schemas ?? {};
  expect(Object.values(schemas).filter((schema) => schema.allOf)).toEqual([]);
  expect(Object.keys(schemas.GetMembersResponse?.properties ?? {})).toEqual([
    'ActionStatus',
    'ErrorCode',
    'ErrorInfo',
    'MemberList',
    'NextTimestamp',
  ]);
  expect(schemas.GetMembersResponse?.required).toEqual(['ActionStatus', 'ErrorCode']);
});

it('keeps a parameter that is not marked x-common-parameter', () => {
  const own: ParameterObject = { name: 'GroupId', in: 'query' };
  const spec: OpenApiDocument = {
    paths: { '/a': { post: { parameters: [own, { $ref: '#/components/parameters/random' }] } } },
    components: { parameters: { random: { name: 'random', 'x-common-parameter': true } } },
  };
  prepareSpecForClients(spec);
  expect(operations(spec)[0]?.parameters).toEqual([own]);
});

it('refuses an allOf whose members would constrain each other', () => {
  const envelope: SchemaObject = { type: 'object', properties: { ErrorCode: { type: 'integer' } } };
  const schemas = { ApiEnvelope: envelope };
  const twice = { allOf: [{ $ref: '#/components/schemas/ApiEnvelope' }, envelope] };
  expect(() => mergeAllOf(twice, schemas, 'Twice')).toThrow(
    'mergeAllOf: Twice.allOf[1] declares ErrorCode again',
  );
  const closed = { allOf: [{ type: 'object', additionalProperties: false }] };
  expect(() => mergeAllOf(closed, schemas, 'Closed')).toThrow(/additionalProperties false/);
  const missing = { allOf: [{ $ref: '#/components/schemas/Nope' }] };
  expect(() => mergeAllOf(missing, schemas, 'Missing')).toThrow(/names a missing schema/);
  expect(() => mergeAllOf({ ...twice, minProperties: 1 }, schemas, 'Mixed')).toThrow(
    /combines allOf with "minProperties"/,
  );
});

it('builds a hey-api config for an output folder, with the bundled spec unless given another', () => {
  const config = heyApiPreset({ output: 'src/chat-api' });
  expect(config).toEqual({
    input: specJsonPath,
    output: { path: 'src/chat-api', module: { extension: '.js' } },
    parser: { patch: { input: prepareSpecForClients } },
    plugins: heyApiDefaultPlugins,
  });
  expect(heyApiPreset({ output: 'out', input: 'spec.json', plugins: ['x'] })).toMatchObject({
    input: 'spec.json',
    plugins: ['x'],
  });
  expect(() => heyApiPreset({ output: ' ' })).toThrow(TypeError);
  expect(() => heyApiPreset(undefined as never)).toThrow(/`output` must be the folder/);
});
