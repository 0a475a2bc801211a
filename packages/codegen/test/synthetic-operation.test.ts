// An operation costs a spec edit: a copy of the spec gains a synthetic paged
// operation (schemas, examples, x-limits, x-requirements, x-pagination, as a
// spec author adds one), `generate --spec --out` regenerates into a temp
// folder, and with no other change the client has a typed method for it, its
// validator checks its answers, its listing pages through the generic
// paginator, and the emulator serves it.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { type RunningEmulator, startEmulator } from '@avchatroom/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBundledSpec } from './bundled-spec.js';

const run = promisify(execFile);
const codegenDir = fileURLToPath(new URL('..', import.meta.url));
const clientDir = resolve(codegenDir, '../client');
const typescript = resolve(codegenDir, 'node_modules/typescript/bin/tsc');

const syntheticPath = '/v4/group_open_avchatroom_http_svc/list_synthetic_things';
const firstPage = {
  ActionStatus: 'OK',
  ErrorCode: 0,
  ErrorInfo: '',
  Things: [
    { Thing_Id: 'alpha', Weight: 1 },
    { Thing_Id: 'beta', Weight: 2 },
  ],
  NextCursor: 0,
};

/** The bundled spec plus one operation, written the way the spec's authors write one. */
const specWithSyntheticOperation = async () => {
  const spec = (await readBundledSpec()) as unknown as {
    paths: Record<string, unknown>;
    components: { schemas: Record<string, unknown> };
  };
  const { post: getMembers } = spec.paths['/v4/group_open_avchatroom_http_svc/get_members'] as {
    post: { tags: string[]; parameters: unknown[] };
  };
  spec.components.schemas.SyntheticThing = {
    type: 'object',
    required: ['Thing_Id'],
    properties: { Thing_Id: { type: 'string', minLength: 1 }, Weight: { type: 'integer' } },
  };
  spec.components.schemas.ListSyntheticThingsRequest = {
    type: 'object',
    additionalProperties: false,
    required: ['GroupId', 'Cursor'],
    properties: {
      GroupId: { type: 'string', minLength: 1, description: 'The group.' },
      Cursor: { type: 'integer', minimum: 0, description: '0 first, then NextCursor.' },
    },
  };
  spec.components.schemas.ListSyntheticThingsResponse = {
    allOf: [
      { $ref: '#/components/schemas/ApiEnvelope' },
      {
        type: 'object',
        properties: {
          Things: {
            type: 'array',
            maxItems: 100,
            items: { $ref: '#/components/schemas/SyntheticThing' },
          },
          NextCursor: { type: 'integer', minimum: 0 },
        },
      },
    ],
  };
  spec.paths[syntheticPath] = {
    post: {
      operationId: 'listSyntheticThings',
      summary: 'List the synthetic things of a group',
      tags: getMembers.tags,
      parameters: getMembers.parameters,
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: { $ref: '#/components/schemas/ListSyntheticThingsRequest' },
            examples: { docSample: { value: { GroupId: '@TGS#aLIVEDEMO', Cursor: 0 } } },
          },
        },
      },
      responses: {
        '200': {
          description: 'The outcome',
          content: {
            'application/json': {
              schema: { $ref: '#/components/schemas/ListSyntheticThingsResponse' },
              examples: {
                docSample: { value: firstPage },
                invalidParameter: {
                  value: { ActionStatus: 'FAIL', ErrorCode: 10004, ErrorInfo: 'bad' },
                },
              },
            },
          },
        },
      },
      'x-limits': { callsPerSecond: 50 },
      'x-requirements': { groupTypes: ['AVChatRoom'], groupTypesDisputed: false },
      'x-error-codes': [],
      'x-pagination': {
        cursor: 'Cursor',
        nextCursor: 'NextCursor',
        items: 'Things',
        stopValue: 0,
        itemKey: 'Thing_Id',
        itemsName: 'things',
        iterate: 'things',
        collect: 'listThings',
      },
    },
  };
  return spec;
};

// The copied client sits inside packages/client, so its imports (zod,
// @avchatroom/types) resolve from that package's node_modules.
let scratch: string;
let copy: string;
let emulator: RunningEmulator;

beforeAll(async () => {
  scratch = await mkdtemp(join(codegenDir, '.codegen-synthetic-'));
  const specPath = join(scratch, 'spec.json');
  await writeFile(specPath, JSON.stringify(await specWithSyntheticOperation()));
  await run(
    process.execPath,
    ['src/generate.mjs', '--spec', specPath, '--out', join(scratch, 'out')],
    {
      cwd: codegenDir,
    },
  );
  copy = await mkdtemp(join(clientDir, '.codegen-synthetic-'));
  await cp(join(clientDir, 'src'), join(copy, 'src'), {
    recursive: true,
    filter: (source) => !source.endsWith('.test.ts'),
  });
  await rm(join(copy, 'src/generated'), { recursive: true });
  await cp(join(scratch, 'out/client'), join(copy, 'src/generated'), { recursive: true });
  emulator = await startEmulator({ specPath, host: '127.0.0.1', port: 0 });
}, 120_000);

afterAll(async () => {
  await emulator?.stop();
  await rm(scratch, { recursive: true, force: true });
  await rm(copy, { recursive: true, force: true });
});

describe('a synthetic paged operation added to the spec', () => {
  it('gets typed client methods: its call, its listing pair and its types', async () => {
    const probe = `
import { createChatClient, type ListSyntheticThingsResult, type ListSyntheticThingsListing } from './src/index.js';
declare const client: ReturnType<typeof createChatClient>;
const page: Promise<ListSyntheticThingsResult> = client.listSyntheticThings({ groupId: 'g' });
const things: Promise<{ things: { Thing_Id: string; Weight?: number }[] }> = client.listThings('g');
const listing: Promise<ListSyntheticThingsListing> = client.listThings({ groupId: 'g' });
const pages = client.things('g').pages();
// @ts-expect-error the group ID is a string
client.listSyntheticThings({ groupId: 1 });
// @ts-expect-error the listing takes no cursor
client.listThings({ groupId: 'g', cursor: 5 });
export { page, things, listing, pages };
`;
    await writeFile(join(copy, 'probe.ts'), probe);
    await writeFile(
      join(copy, 'tsconfig.json'),
      JSON.stringify({ extends: '../../../tsconfig.base.json', include: ['probe.ts'] }),
    );
    const typecheck = await run(process.execPath, [typescript, '--noEmit', '-p', copy]).then(
      () => 'ok',
      (error: { stdout?: string }) => error.stdout ?? String(error),
    );
    expect(typecheck).toBe('ok');
  }, 120_000);

  it('is served by the emulator and called, validated and paged by the client', async () => {
    const { createChatClient } = await import(join(copy, 'src/index.ts'));
    const client = createChatClient({
      sdkAppId: 1400000001,
      identifier: 'administrator',
      secretKey: 'demo-only-secret-key-of-the-avchatroom-emulator',
      baseUrl: emulator.url,
    });
    const page = await client.listSyntheticThings({ groupId: '@TGS#aLIVEDEMO' });
    expect(page).toMatchObject({ things: firstPage.Things, nextCursor: 0, response: firstPage });
    const listing = await client.listThings('@TGS#aLIVEDEMO');
    expect(listing).toMatchObject({ things: firstPage.Things, pages: 1, truncated: false });
    const ids: string[] = [];
    for await (const thing of client.things({ groupId: '@TGS#aLIVEDEMO' }))
      ids.push(thing.Thing_Id);
    expect(ids).toEqual(['alpha', 'beta']);
    // The rate limit comes from its x-limits, bad input from its request schema.
    await expect(client.listSyntheticThings({ groupId: '' })).rejects.toMatchObject({
      name: 'ChatRequestValidationError',
      issues: [{ path: 'groupId', message: 'must not be empty' }],
    });
  });

  it('has a validator compiled from its composed response schema', async () => {
    const { operationValidators } = await import(join(copy, 'src/generated/validators.gen.ts'));
    const check = operationValidators.listSyntheticThings.response;
    expect(check(firstPage)).toEqual([]);
    expect(check({ ...firstPage, Things: [{ Weight: 1 }] })).toEqual([
      { path: 'Things[0].Thing_Id', message: 'is required' },
    ]);
    expect(check({ Things: [] })).toEqual([
      { path: 'ActionStatus', message: 'is required' },
      { path: 'ErrorCode', message: 'is required' },
    ]);
    const table = await readFile(join(copy, 'src/generated/operation-layer.gen.ts'), 'utf8');
    expect(table).toContain('callsPerSecond: 50');
  });
});
