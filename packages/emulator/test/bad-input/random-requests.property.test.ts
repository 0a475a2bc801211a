import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apiPath, bundledSpec } from '../../src/spec-facts.js';
import { fromRawAnswer, postAnswer } from './api-answer-checks.js';
import { useBadInputSuite } from './bad-input-suite.js';
import { firstPageBody, roomId } from './bad-input-target.js';
import { exchangeRaw } from './raw-exchange.js';

// Random bodies, random query strings and random request heads: every answer
// is the API's failure shape or a page valid under the spec's schema, within
// a time limit (postAnswer and exchangeRaw give up after 10 s), and the
// emulator keeps serving after each one.

const { target, post, readBody, expectStillServing } = useBadInputSuite();
const numRuns = 200;

const asBytes = (text: string) => new Uint8Array(Buffer.from(text));

/** Fields near the real ones, so runs reach the checks past JSON parsing. */
const nearValidBody = fc
  .record(
    {
      GroupId: fc.oneof(fc.constant(roomId), fc.string(), fc.jsonValue()),
      Timestamp: fc.oneof(fc.nat(), fc.integer(), fc.double(), fc.jsonValue()),
      Mark: fc.oneof(fc.nat(), fc.double(), fc.jsonValue()),
      Extra: fc.jsonValue(),
    },
    { requiredKeys: [] },
  )
  .map((body) => asBytes(JSON.stringify(body)));

const randomBody = fc.oneof(
  fc.uint8Array({ maxLength: 512 }).map((bytes) => new Uint8Array(bytes)),
  fc.string({ unit: 'binary', maxLength: 256 }).map(asBytes),
  fc.json().map(asBytes),
  fc.anything().map((value) => asBytes(JSON.stringify(value) ?? '')),
  nearValidBody,
);

const parameterNames = ['sdkappid', 'identifier', 'usersig', 'random', 'contenttype'];

/** A value as it goes on the wire: a good one, a number, any text encoded, or a bad escape. */
const wireValue = (name: string) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constant(`GOOD:${name}`) },
    fc.integer().map(String),
    fc.nat().map(String),
    fc.string().map(encodeURIComponent),
    fc.constantFrom('', '%', '%zz', '%ff%fe', '%C0%AF', '%ED%A0%80', '4294967296', '1.5', 'JSON'),
  );

const wirePair = fc
  .oneof(
    { weight: 4, arbitrary: fc.constantFrom(...parameterNames) },
    fc.string({ minLength: 1, maxLength: 12 }).map(encodeURIComponent),
  )
  .chain((name) => wireValue(name).map((value): [string, string] => [name, value]));

/** Random subsets, orders and repeats of the parameters, with random values. */
const randomQuery = fc
  .tuple(fc.shuffledSubarray(parameterNames), fc.array(wirePair, { maxLength: 4 }))
  .chain(([names, extras]) =>
    fc
      .tuple(
        ...names.map((name) => wireValue(name).map((value): [string, string] => [name, value])),
      )
      .map((pairs) => [...pairs, ...extras]),
  );

const toWire = (pairs: [string, string][]): string => {
  const good = new Map(target().goodParams);
  return pairs
    .map(([name, value]) => {
      const text = value.startsWith('GOOD:') ? (good.get(value.slice(5)) ?? '') : undefined;
      return `${name}=${text === undefined ? value : encodeURIComponent(text)}`;
    })
    .join('&');
};

/** An operation and a body near its first request example: each field kept, replaced or left out. */
const nearExampleCall = fc.constantFrom(...bundledSpec.operations).chain((operation) => {
  const example = Object.values(operation.requestExamples)[0] as Record<string, unknown>;
  const fields = Object.fromEntries(
    Object.entries(example).map(([name, value]) => [
      name,
      name === 'GroupId'
        ? fc.oneof(fc.constant(roomId), fc.constant(value), fc.string(), fc.jsonValue())
        : fc.oneof(fc.constant(value), fc.jsonValue()),
    ]),
  );
  return fc
    .record(fields, { requiredKeys: [] })
    .map((body) => ({ operation, body: asBytes(JSON.stringify(body)) }));
});

describe('random requests', () => {
  it('random bodies near each operation of the spec, to that operation', async () => {
    const codes = new Set<number>();
    await fc.assert(
      fc.asyncProperty(nearExampleCall, async ({ operation, body }) => {
        const url = `${target().emulator.url}${operation.path}?${target().goodQuery}`;
        const answer = readBody(await postAnswer(url, body), {
          operationId: operation.operationId,
        });
        codes.add(answer.ErrorCode);
        await expectStillServing();
      }),
      { numRuns },
    );
    // The runs reached the field checks and the group checks, and some succeeded.
    expect([...codes]).toEqual(expect.arrayContaining([10004, 0]));
  });

  it('random bodies with a valid query', async () => {
    const codes = new Set<number>();
    await fc.assert(
      fc.asyncProperty(randomBody, async (body) => {
        const answer = readBody(await post(body));
        codes.add(answer.ErrorCode);
        if (answer.ErrorCode === 0) expect(answer.MemberList?.length).toBeLessThanOrEqual(2);
        await expectStillServing();
      }),
      { numRuns },
    );
    // The runs reached both the JSON parser's refusal and the field checks.
    expect([...codes]).toEqual(expect.arrayContaining([60003, 10004]));
  });

  it('random query strings with a valid body', async () => {
    const codes = new Set<number>();
    await fc.assert(
      fc.asyncProperty(randomQuery, async (pairs) => {
        const url = `${target().emulator.url}${apiPath}?${toWire(pairs)}`;
        codes.add(readBody(await postAnswer(url, firstPageBody)).ErrorCode);
        await expectStillServing();
      }),
      { numRuns },
    );
    // The runs reached several of the query checks, not one refusal over and over.
    expect(codes.size).toBeGreaterThanOrEqual(4);
  });

  // Heads built from plausible pieces and random bytes. The client closes its side
  // after writing, so a complete request may go unanswered (Node aborts it, as it
  // does for any client gone before the answer); whatever does come back is
  // API-shaped: 200 for a request, 400 or 431 for one Node could not read.
  it('random request heads', async () => {
    const statuses = new Set<number>();
    const method = fc.constantFrom('POST', 'GET', 'HEAD', 'BREW', 'CONNECT', '', 'post');
    const path = fc.oneof(
      fc.constantFrom(apiPath, '/', '*', '//[', ''),
      fc.string({ maxLength: 40 }),
    );
    const version = fc.constantFrom('HTTP/1.1', 'HTTP/1.0', 'HTTP/2.0', '', 'HTTP/1.1\r\nhost: x');
    const tail = fc.oneof(fc.constant('\r\n\r\n'), fc.string({ maxLength: 40 }), fc.constant(''));
    const head = fc.oneof(
      fc.tuple(method, path, version, tail).map(([m, p, v, t]) => `${m} ${p} ${v}${t}`),
      fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes)),
    );
    await fc.assert(
      fc.asyncProperty(head, async (bytes) => {
        const answer = await exchangeRaw(target().port, bytes, { endAfterWriting: true });
        statuses.add(answer.status);
        // The answer to HEAD has no body (RFC 9110 section 9.3.2).
        const bodiless = typeof bytes === 'string' && bytes.startsWith('HEAD ');
        if (answer.status !== 0 && !(bodiless && answer.body.length === 0)) {
          readBody(fromRawAnswer(answer), { status: answer.status });
          expect([200, 400, 431]).toContain(answer.status);
        }
        await expectStillServing();
      }),
      { numRuns },
    );
    expect(statuses.has(400), 'no run reached the HTTP-level refusal').toBe(true);
  });
});
