// Property tests of createChatFetch's request checks: random bad bodies (GroupId,
// Timestamp, Mark, unknown fields, not an object, not JSON), alone and combined,
// sent through the fetch itself, the openapi-fetch client and the generated SDK,
// never reach the network: the fetch rejects with a ChatRequestValidationError
// naming every bad field (README, createChatFetch and "Input"), within 2 s, and
// without showing the bad value. A control property proves the spy sees valid
// calls.
import { inspect } from 'node:util';
import fc from 'fast-check';
import { describe, expect } from 'vitest';
import { CANARY } from '../test/helpers/canary.js';
import { countingFetch } from '../test/helpers/counting-fetch.js';
import { controlChar } from '../test/helpers/edge-values.js';
import { itHolds } from '../test/helpers/property-test.js';
import { settleWithin } from '../test/helpers/settle-within.js';
import { createChatFetch } from './create-chat-fetch.js';
import { ChatRequestValidationError } from './errors/chat-errors.js';
import { createFetchClient } from './fetch.js';
import { createClient } from './generated/client/index.js';
import { chatOperations } from './generated/operations.gen.js';
import { getMembers } from './generated/sdk.gen.js';

const NUM_RUNS = 250;
const { MAX_SAFE_INTEGER } = Number;
const baseUrl = 'https://chat.test';
const { path } = chatOperations.getMembers;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
/** A bad field value: JSON only, since the body goes over the wire as text. */
type BadField =
  | { kind: 'missing' }
  | { kind: 'json'; value: Json }
  | { kind: 'text'; after: string };

const buildField = (bad: BadField): Json | undefined => {
  if (bad.kind === 'missing') return undefined;
  if (bad.kind === 'text') return `${CANARY}${bad.after}`;
  return bad.value;
};

const json = (...values: fc.Arbitrary<Json>[]): fc.Arbitrary<BadField> =>
  fc.oneof(...values).map((value) => ({ kind: 'json' as const, value }));
/** Other JSON types, each carrying the canary where it can. */
const otherJson = json(
  fc.constantFrom<Json>(null, true, false, '', [CANARY], { [CANARY]: CANARY }),
);
const missing = fc.constant<BadField>({ kind: 'missing' });

const badGroupId = fc.oneof(
  missing,
  otherJson,
  json(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })),
  fc.record({ kind: fc.constant('text' as const), after: controlChar }),
);
/** For Timestamp and Mark: the spec's non-negative safe integer. */
const badCursor = fc.oneof(
  otherJson,
  json(
    fc.integer({ min: -MAX_SAFE_INTEGER, max: -1 }),
    fc.double({ min: -1e9, max: 1e9, noNaN: true }).filter((n) => !Number.isInteger(n)),
    fc.constantFrom(2 ** 53, 2 ** 64, 1e300),
  ),
  fc.constant<BadField>({ kind: 'text', after: '' }),
);
const unknownField = fc.constantFrom('groupId', 'timestamp', 'mark', 'Limit', 'Cursor');

const badBody = fc
  .record(
    { GroupId: badGroupId, Timestamp: fc.oneof(missing, badCursor), Mark: badCursor },
    { requiredKeys: [] },
  )
  .chain((fields) =>
    fc.record({
      fields: fc.constant(fields),
      unknown: Object.keys(fields).length > 0 ? fc.option(unknownField) : unknownField,
    }),
  );

/** What the spec's GroupId pattern (^[^\x00-\x1F\x7F]+$) forbids. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
const CONTROL_CHARACTER = /[\x00-\x1F\x7F]/;
const validGroupId = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 48 })
  .filter((id) => !CONTROL_CHARACTER.test(id));
const cursor = fc.integer({ min: 0, max: MAX_SAFE_INTEGER });

/** createChatFetch over a fetch spy that counts every call before anything else. */
const spyChatFetch = () => {
  const { fetch, ...spy } = countingFetch();
  const chatFetch = createChatFetch({
    sdkAppId: 1400000001,
    identifier: 'admin',
    userSig: 'test-usersig',
    rateLimit: false,
    fetch,
  });
  return { chatFetch, ...spy };
};

type Door = 'chatFetch' | 'openapi-fetch' | 'sdk';
const doors: Door[] = ['chatFetch', 'openapi-fetch', 'sdk'];

/** Sends `body` (already JSON text for the fetch itself) through one door; resolves to its error, if any. */
const send = async (
  door: Door,
  chatFetch: typeof fetch,
  body: unknown,
): Promise<{ error?: unknown; data?: unknown }> => {
  if (door === 'chatFetch') {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    const response = await chatFetch(`${baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: text,
    });
    return { data: await response.json() };
  }
  if (door === 'openapi-fetch') {
    const api = createFetchClient({ baseUrl, fetch: chatFetch });
    return api.POST(path, { body: body as never });
  }
  return getMembers({ client: createClient({ baseUrl, fetch: chatFetch }), body: body as never });
};

/** The error a call failed with (a rejection, or the SDK's `{ error }`), or 'hung' / 'succeeded'. */
const failureOf = async (call: Promise<{ error?: unknown }>): Promise<unknown> => {
  const settled = await settleWithin(call);
  if (settled.status === 'hung') return 'hung';
  if (settled.status === 'rejected') return settled.reason;
  return (settled.value as { error?: unknown }).error ?? 'succeeded';
};

const expectNoCanary = (error: unknown) => {
  const shown = [inspect(error, { showHidden: true, depth: 6 })];
  if (error instanceof Error) shown.push(error.message, error.stack ?? '');
  for (const text of shown) expect(text).not.toContain(CANARY);
};

describe.concurrent('createChatFetch with bad request bodies (property)', () => {
  itHolds(
    'the fetch and openapi-fetch reject with ChatRequestValidationError naming every bad field',
    NUM_RUNS,
    () =>
      fc.asyncProperty(
        fc.constantFrom<Door>('chatFetch', 'openapi-fetch'),
        validGroupId,
        badBody,
        async (door, groupId, { fields, unknown }) => {
          const body: Record<string, Json | undefined> = { GroupId: groupId, Timestamp: 0 };
          for (const [name, bad] of Object.entries(fields)) body[name] = buildField(bad);
          if (unknown) body[unknown] = CANARY;
          const { chatFetch, calls } = spyChatFetch();
          const error = await failureOf(send(door, chatFetch, body));
          expect(error).toBeInstanceOf(ChatRequestValidationError);
          const paths = (error as ChatRequestValidationError).issues.map((issue) => issue.path);
          for (const name of [...Object.keys(fields), ...(unknown ? [unknown] : [])]) {
            expect(paths).toContain(name);
          }
          expect(calls()).toBe(0);
          expectNoCanary(error);
        },
      ),
  );

  itHolds('the fetch rejects a body that is not a JSON object', NUM_RUNS / 5, () => {
    const notAnObject = fc.oneof(
      fc.constantFrom<Json>(null, true, 0, CANARY, [CANARY]).map((value) => JSON.stringify(value)),
      fc.constantFrom('', `{${CANARY}`, `${CANARY}`, `{"GroupId":"${CANARY}"`),
    );
    return fc.asyncProperty(notAnObject, async (text) => {
      const { chatFetch, calls } = spyChatFetch();
      const error = await failureOf(send('chatFetch', chatFetch, text));
      expect(error).toBeInstanceOf(ChatRequestValidationError);
      expect(calls()).toBe(0);
      expectNoCanary(error);
    });
  });

  itHolds(
    'the generated SDK fails without a request: its own Zod check answers first',
    NUM_RUNS / 2,
    () =>
      fc.asyncProperty(validGroupId, badBody, async (groupId, { fields, unknown }) => {
        const body: Record<string, Json | undefined> = { GroupId: groupId, Timestamp: 0 };
        for (const [name, bad] of Object.entries(fields)) body[name] = buildField(bad);
        if (unknown) body[unknown] = CANARY;
        const { chatFetch, calls } = spyChatFetch();
        const error = await failureOf(send('sdk', chatFetch, body));
        expect(error).not.toBe('succeeded');
        expect(error).not.toBe('hung');
        expect(calls()).toBe(0);
        expectNoCanary(error);
      }),
  );
});

describe.concurrent('valid bodies do reach the fetch spy (control property)', () => {
  itHolds('each door sends exactly one request with the body as given', NUM_RUNS, () => {
    const validBody = fc.record(
      { GroupId: validGroupId, Timestamp: cursor, Mark: cursor },
      { requiredKeys: ['GroupId', 'Timestamp'] },
    );
    return fc.asyncProperty(fc.constantFrom(...doors), validBody, async (door, body) => {
      const { chatFetch, bodies, calls } = spyChatFetch();
      expect(await failureOf(send(door, chatFetch, body))).toBe('succeeded');
      expect(calls()).toBe(1);
      expect(bodies).toEqual([body]);
    });
  });
});
