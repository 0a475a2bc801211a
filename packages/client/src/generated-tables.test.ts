import { readFileSync } from 'node:fs';
import { specJsonPath } from '@avchatroom/openapi';
import { expect, it } from 'vitest';
import {
  commonQueryParameters,
  credentialQueryParameters,
} from './generated/query-parameters.gen.js';
import { chatErrorCodes, chatRegions, getMembersLimits } from './index.js';

// The generated tables must say what the spec says, entry for entry.
const spec = JSON.parse(readFileSync(specJsonPath, 'utf8'));
const operations = Object.values<Record<string, Record<string, unknown>>>(spec.paths).flatMap(
  (pathItem) => Object.values(pathItem),
);
const specCodes: { code: number; name: string; retry: string }[] = [
  ...operations.flatMap((operation) => operation['x-error-codes'] as never[]),
  ...spec['x-public-error-codes'],
];

it('has one entry per error code of the spec, with its name and retry class', () => {
  expect(Object.keys(chatErrorCodes)).toHaveLength(new Set(specCodes.map(({ code }) => code)).size);
  for (const { code, name, retry } of specCodes) {
    expect(chatErrorCodes[code as keyof typeof chatErrorCodes]).toMatchObject({ name, retry });
  }
});

it('names every operation that lists a code', () => {
  for (const operation of operations) {
    for (const { code } of operation['x-error-codes'] as { code: number }[]) {
      const entry = chatErrorCodes[code as keyof typeof chatErrorCodes];
      expect(entry.scopes).toContain(operation.operationId);
    }
  }
});

it('covers the API-specific and the public codes', () => {
  expect(chatErrorCodes[10010]).toMatchObject({ name: 'GroupNotFound', retry: 'never' });
  expect(chatErrorCodes[10002].retry).toBe('transient');
  expect(chatErrorCodes[70001].retry).toBe('renewUserSig');
  expect(chatErrorCodes[60020]).toMatchObject({ retry: 'waitLong', retryAfterSeconds: 300 });
});

it('has a main and a standby domain for each of the seven regions', () => {
  expect(Object.keys(chatRegions)).toEqual([
    'china',
    'singapore',
    'seoul',
    'tokyo',
    'frankfurt',
    'silicon-valley',
    'jakarta',
  ]);
  const serverUrls = spec.servers.map((server: { url: string }) => server.url).sort();
  const tableUrls = Object.values(chatRegions).flatMap((region) => [region.main, region.standby]);
  expect(tableUrls.sort()).toEqual(serverUrls);
});

it('carries the limits of x-limits', () => {
  const getMembers = operations.find((operation) => operation.operationId === 'getMembers');
  expect(getMembersLimits).toEqual(getMembers?.['x-limits']);
  expect(getMembersLimits.callsPerSecond).toBe(200);
  expect(getMembersLimits.snapshotRefreshSeconds).toBe(40);
});

it('names the query parameters of the security schemes and the common parameters', () => {
  expect(credentialQueryParameters).toEqual(['sdkappid', 'identifier', 'usersig']);
  expect(commonQueryParameters).toEqual(['random', 'contenttype']);
  for (const name of commonQueryParameters) {
    expect(spec.components.parameters[name]).toMatchObject({ in: 'query', required: true });
  }
});
