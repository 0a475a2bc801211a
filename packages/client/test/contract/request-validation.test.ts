import { expect, inject, it } from 'vitest';
import { operationPath } from './spec-examples.js';

// Raw requests, built by hand so they can break the rules the clients enforce:
// each proves the spec constrains what it should (Prism refuses with 422, or
// 401 for missing credentials).
const validQuery = {
  sdkappid: '88888888',
  identifier: 'admin',
  usersig: 'contract-test-usersig',
  random: '99999999',
  contenttype: 'json',
};
const validBody = { GroupId: '@TGS#a6I4ZUUGO', Timestamp: 0 };

interface Case {
  name: string;
  query?: Partial<Record<keyof typeof validQuery, string | undefined>>;
  body?: unknown;
  wantStatus: number;
  /** A `validation[].location` Prism must report, joined with dots. */
  wantLocation?: string;
}

const cases: Case[] = [
  { name: 'a valid request', wantStatus: 200 },
  { name: 'missing GroupId', body: { Timestamp: 0 }, wantStatus: 422, wantLocation: 'body' },
  {
    name: 'empty GroupId',
    body: { GroupId: '', Timestamp: 0 },
    wantStatus: 422,
    wantLocation: 'body.GroupId',
  },
  {
    name: 'missing Timestamp',
    body: { GroupId: '@TGS#a6I4ZUUGO' },
    wantStatus: 422,
    wantLocation: 'body',
  },
  {
    name: 'negative Timestamp',
    body: { ...validBody, Timestamp: -1 },
    wantStatus: 422,
    wantLocation: 'body.Timestamp',
  },
  {
    name: 'an unknown body field (requests are strict)',
    body: { ...validBody, groupId: 'typo' },
    wantStatus: 422,
    wantLocation: 'body',
  },
  {
    name: 'random above 4294967295',
    query: { random: '4294967296' },
    wantStatus: 422,
    wantLocation: 'query.random',
  },
  {
    name: 'negative random',
    query: { random: '-1' },
    wantStatus: 422,
    wantLocation: 'query.random',
  },
  {
    name: 'missing random',
    query: { random: undefined },
    wantStatus: 422,
    wantLocation: 'query',
  },
  {
    name: 'wrong contenttype',
    query: { contenttype: 'xml' },
    wantStatus: 422,
    wantLocation: 'query.contenttype',
  },
  { name: 'missing usersig', query: { usersig: undefined }, wantStatus: 401 },
];

it.each(cases)('$name: HTTP $wantStatus', async ({ query, body, wantStatus, wantLocation }) => {
  const url = new URL(operationPath('getMembers'), inject('prismUrl'));
  for (const [name, value] of Object.entries({ ...validQuery, ...query })) {
    if (value !== undefined) url.searchParams.set(name, value);
  }
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body ?? validBody),
    signal: AbortSignal.timeout(5000),
  });
  const answer = (await response.json()) as { validation?: { location: string[] }[] };
  expect(response.status, JSON.stringify(answer, null, 2)).toBe(wantStatus);
  if (wantLocation) {
    const locations = (answer.validation ?? []).map((entry) => entry.location.join('.'));
    expect(locations).toContain(wantLocation);
  }
});
