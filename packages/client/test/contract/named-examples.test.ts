import { describe, expect, inject, it } from 'vitest';
import { createFetchClient } from '../../src/fetch.js';
import { createClient, getMembers, withCommonQuery } from '../../src/index.js';
import { namedExamples, operationPath } from './spec-examples.js';

const credentials = { sdkAppId: 88888888, identifier: 'admin', userSig: 'contract-test-usersig' };
const path = '/v4/group_open_avchatroom_http_svc/get_members';
const examples = namedExamples('getMembers');

interface Outcome {
  status: number;
  violations: string | null;
  data: unknown;
  error: unknown;
}

type CallStyle = (baseUrl: string, example: (typeof examples)[number]) => Promise<Outcome>;

const callStyles: Record<string, CallStyle> = {
  'hey-api SDK': async (baseUrl, { name, request }) => {
    const client = createClient({ baseUrl, fetch: withCommonQuery(credentials) });
    const result = await getMembers({
      client,
      body: request,
      headers: { Prefer: `example=${name}` },
    });
    const { response } = result;
    const violations = response.headers.get('sl-violations');
    return { status: response.status, violations, data: result.data, error: result.error };
  },
  'openapi-fetch': async (baseUrl, { name, request }) => {
    const client = createFetchClient({ baseUrl, fetch: withCommonQuery(credentials) });
    const result = await client.POST(path, {
      body: request,
      headers: { Prefer: `example=${name}` },
    });
    const { response } = result;
    const violations = response.headers.get('sl-violations');
    return { status: response.status, violations, data: result.data, error: result.error };
  },
};

it('reads the operation path from the spec', () => {
  expect(operationPath('getMembers')).toBe(path);
});

it('finds every named example in the spec', () => {
  expect(examples.length).toBeGreaterThanOrEqual(14);
});

describe.each(Object.entries(callStyles))('%s against the Prism mock', (_style, call) => {
  it.each(examples)('example $name comes back exactly, without violations', async (example) => {
    const outcome = await call(inject('prismUrl'), example);
    // A 422 carries Prism's `validation` list: show it when the request was refused.
    expect(outcome.status, JSON.stringify(outcome.error, null, 2)).toBe(200);
    expect(outcome.violations).toBeNull();
    expect(outcome.data).toEqual(example.response);
  });
});
