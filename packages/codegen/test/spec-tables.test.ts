import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { writeSpecTables } from '../src/spec-tables.mjs';
import {
  type BundledSpec,
  firstPublicCode,
  getMembersOperation,
  readBundledSpec,
} from './bundled-spec.js';

const scratch = await mkdtemp(join(tmpdir(), 'avchatroom-tables-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

const changed = async (change: (spec: BundledSpec) => void) => {
  const spec = await readBundledSpec();
  change(spec);
  return spec;
};

it.each([
  {
    given: 'an error code listed twice',
    change: (spec: BundledSpec) => {
      spec['x-public-error-codes'].push(firstPublicCode(spec));
    },
    want: 'error code 60002 (public) is listed twice',
  },
  {
    given: 'a retry class outside x-retry-classes',
    change: (spec: BundledSpec) => {
      firstPublicCode(spec).retry = 'sometimes';
    },
    want: 'has retry "sometimes", not one of x-retry-classes',
  },
  {
    given: 'an unknown field on an error code',
    change: (spec: BundledSpec) => {
      firstPublicCode(spec).retryable = true;
    },
    want: 'has an unknown field "retryable"',
  },
  {
    given: 'a region without a standby server',
    change: (spec: BundledSpec) => {
      spec.servers = spec.servers.filter(({ url }) => url !== 'https://adminapi.my-imcloud.com');
    },
    want: 'region china needs a main and a standby server',
  },
])('refuses a spec with $given', async ({ change, want }) => {
  await expect(writeSpecTables(await changed(change), scratch)).rejects.toThrow(want);
});

it('writes every error code of the spec, with its retry class', async () => {
  const spec = await readBundledSpec();
  await writeSpecTables(spec, scratch);
  const table = await readFile(join(scratch, 'error-codes.gen.ts'), 'utf8');
  const operations = Object.values(spec.paths).flatMap((pathItem) => Object.values(pathItem));
  const codes = [
    ...operations.flatMap((operation) => operation['x-error-codes'] ?? []),
    ...spec['x-public-error-codes'],
  ];
  for (const entry of codes) {
    expect(table).toContain(`${entry.code}: { code: ${entry.code}, name: "${entry.name}"`);
  }
  // One entry per code, however many operations list it.
  expect(table.match(/retry: "/g)).toHaveLength(new Set(codes.map((entry) => entry.code)).size);
});

it('writes the method and path of every operation', async () => {
  const spec = await readBundledSpec();
  await writeSpecTables(spec, scratch);
  const table = await readFile(join(scratch, 'operations.gen.ts'), 'utf8');
  expect(table).toContain(
    'getMembers: { operationId: "getMembers", method: "POST", path: "/v4/group_open_avchatroom_http_svc/get_members" }',
  );
});

it('refuses an operation without an operationId', async () => {
  const spec = await changed((spec) => {
    delete getMembersOperation(spec).operationId;
  });
  await expect(writeSpecTables(spec, scratch)).rejects.toThrow('has no operationId');
});
