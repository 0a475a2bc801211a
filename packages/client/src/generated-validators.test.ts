import { readFileSync } from 'node:fs';
import { specJsonPath } from '@avchatroom/openapi';
import { describe, expect, it } from 'vitest';
import {
  operationValidators,
  validateGetMembersRequest,
  validateGetMembersResponse,
} from './generated/validators.gen.js';
import { zGetMembersRequest, zGetMembersResponse } from './generated/zod.gen.js';

// The validators compiled by packages/codegen must agree with the spec, and so
// with the zod schemas hey-api generates from the same spec.
const spec = JSON.parse(readFileSync(specJsonPath, 'utf8'));
type Example = { value?: unknown; $ref?: string };
type Examples = Record<string, Example> | undefined;
const exampleValue = (example: Example): unknown =>
  example.$ref
    ? spec.components.examples[example.$ref.replace('#/components/examples/', '')].value
    : example.value;
/** Every named example of every operation, with the validator it must pass. */
const examplesOfTheSpec = Object.values<Record<string, Record<string, unknown>>>(
  spec.paths,
).flatMap((pathItem) =>
  Object.values(pathItem).flatMap((operation) => {
    const id = operation.operationId as keyof typeof operationValidators;
    const json = (content: unknown) =>
      (content as { 'application/json'?: { examples?: Examples } })['application/json']?.examples ??
      {};
    const requestExamples = json((operation.requestBody as { content: unknown }).content);
    const responseExamples = json(
      (operation.responses as Record<string, { content: unknown }>)['200']?.content ?? {},
    );
    return [
      ...Object.entries(requestExamples).map(([name, example]) => ({
        name: `${id} request ${name}`,
        value: exampleValue(example),
        validate: operationValidators[id].request,
      })),
      ...Object.entries(responseExamples).map(([name, example]) => ({
        name: `${id} response ${name}`,
        value: exampleValue(example),
        validate: operationValidators[id].response,
      })),
    ];
  }),
);
const member = { Member_Account: 'u1', JoinTime: 1_700_000_000, NickName: 'n', Avatar: 'a' };
const page = {
  ActionStatus: 'OK',
  ErrorCode: 0,
  ErrorInfo: '',
  MemberList: [member],
  NextTimestamp: 0,
};

describe('validateGetMembersResponse', () => {
  it('accepts every example of every operation of the spec', () => {
    expect(examplesOfTheSpec.length).toBeGreaterThanOrEqual(40);
    for (const { name, value, validate } of examplesOfTheSpec) {
      expect([name, validate(value)]).toEqual([name, []]);
    }
  });

  it.each([
    {
      given: 'a body that is not an object',
      body: [page],
      want: [{ path: '', message: 'must be an object' }],
    },
    {
      given: 'no ErrorCode',
      body: { ActionStatus: 'OK' },
      want: [{ path: 'ErrorCode', message: 'is required' }],
    },
    {
      given: 'an unknown ActionStatus',
      body: { ...page, ActionStatus: 'MAYBE' },
      want: [{ path: 'ActionStatus', message: 'must be one of "OK", "FAIL"' }],
    },
    {
      given: 'a negative ErrorCode',
      body: { ...page, ErrorCode: -1 },
      want: [{ path: 'ErrorCode', message: 'must be at least 0' }],
    },
    {
      given: 'MemberList as an object',
      body: { ...page, MemberList: {} },
      want: [{ path: 'MemberList', message: 'must be an array' }],
    },
    {
      given: 'a member without an account, third in the list',
      body: { ...page, MemberList: [member, member, { JoinTime: 1 }] },
      want: [{ path: 'MemberList[2].Member_Account', message: 'is required' }],
    },
    {
      given: 'a member that is not an object',
      body: { ...page, MemberList: [member, 'u2'] },
      want: [{ path: 'MemberList[1]', message: 'must be an object' }],
    },
    {
      given: 'a fractional JoinTime and a numeric NickName',
      body: { ...page, MemberList: [{ ...member, JoinTime: 1.5, NickName: 7 }] },
      want: [
        { path: 'MemberList[0].JoinTime', message: 'must be an integer' },
        { path: 'MemberList[0].NickName', message: 'must be a string' },
      ],
    },
    {
      given: 'a string NextTimestamp',
      body: { ...page, NextTimestamp: '5' },
      want: [{ path: 'NextTimestamp', message: 'must be an integer' }],
    },
  ])('reports $given', ({ body, want }) => {
    expect(validateGetMembersResponse(body)).toEqual(want);
    expect(zGetMembersResponse.safeParse(body).success).toBe(false);
  });

  it('allows fields the API may add later (the response is open)', () => {
    expect(
      validateGetMembersResponse({ ...page, Extra: 1, MemberList: [{ ...member, Role: 'x' }] }),
    ).toEqual([]);
  });
});

describe('agreement with the zod schemas', () => {
  const requests = [
    { GroupId: 'g', Timestamp: 0 },
    { GroupId: '@TGS#a6I4ZUUGO', Timestamp: 1700000000, Mark: 1000 },
    { GroupId: '', Timestamp: 0 },
    { GroupId: 'a\u0000b', Timestamp: 0 },
    { GroupId: 'g', Timestamp: -1 },
    { GroupId: 'g', Timestamp: 2 ** 53 },
    { GroupId: 'g', Timestamp: 0.5 },
    { GroupId: 'g' },
    { GroupId: 'g', Timestamp: 0, Mark: -1 },
    { GroupId: 'g', Timestamp: 0, groupId: 'g' },
    { GroupId: 7, Timestamp: 0 },
    { GroupId: 'g', Timestamp: Number.NaN },
    { GroupId: 'g', Timestamp: Number.POSITIVE_INFINITY },
    { GroupId: '组😀', Timestamp: 0 },
    null,
    'g',
  ];
  it.each(requests.map((request) => [JSON.stringify(request) ?? String(request), request]))(
    'request %s: same verdict as zGetMembersRequest',
    (_label, request) => {
      expect(validateGetMembersRequest(request).length === 0).toBe(
        zGetMembersRequest.safeParse(request).success,
      );
    },
  );

  const responses = [
    page,
    { ...page, ErrorCode: 4294967296 },
    { ...page, ErrorCode: 4294967295 },
    { ActionStatus: 'FAIL', ErrorCode: 10010, ErrorInfo: 'x' },
    { ...page, MemberList: [{ ...member, Member_Account: '' }] },
    { ...page, MemberList: [{ ...member, JoinTime: -1 }] },
    { ...page, MemberList: [{ ...member, Avatar: null }] },
    { ...page, NextTimestamp: null },
    { ...page, ErrorInfo: 5 },
    {},
  ];
  it.each(responses.map((response) => [JSON.stringify(response), response]))(
    'response %s: same verdict as zGetMembersResponse',
    (_label, response) => {
      expect(validateGetMembersResponse(response).length === 0).toBe(
        zGetMembersResponse.safeParse(response).success,
      );
    },
  );
});
