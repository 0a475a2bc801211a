// Property tests of the client's call input: getMembers(params), members(groupId,
// options) (iterated, and its .pages()) and listMembers(groupId, options). Random
// bad values, alone and several at once, must reject with a
// ChatRequestValidationError whose issues name every bad field, before anything
// is sent (README, "Input"), without a synchronous throw, within 2 s, and without
// showing the bad value. A control property proves the fetch spy does see valid
// calls: one request per page.
import fc from 'fast-check';
import { describe, expect } from 'vitest';
import {
  buildBadValue,
  type BadValue as CommonBadValue,
  missing,
  numbers,
  otherTypesWith,
  withBadValues,
} from '../test/helpers/bad-values.js';
import { CANARY, expectNoCanary } from '../test/helpers/canary.js';
import { testOptions } from '../test/helpers/client-options.js';
import { countingFetch, type SpyPage } from '../test/helpers/counting-fetch.js';
import { controlChar, negative, nonFinite, zero } from '../test/helpers/edge-values.js';
import { itHolds } from '../test/helpers/property-test.js';
import { settleWithin } from '../test/helpers/settle-within.js';
import { type ChatClient, createChatClient } from './create-chat-client.js';
import { ChatRequestValidationError } from './errors/chat-errors.js';
import { getMembersLimits } from './generated/limits.gen.js';
import { maxTimeoutMs } from './policies/retry-policy.js';

const NUM_RUNS = 300;
const { MAX_SAFE_INTEGER } = Number;

/** The common bad values, and the signal look-alikes only a signal field meets. */
type BadValue =
  | CommonBadValue
  /** Looks like a signal to duck typing only. */
  | { kind: 'duckSignal' }
  /** Has AbortSignal.prototype, but is no signal: its getters throw. */
  | { kind: 'brandlessSignal' }
  | { kind: 'abortController' };

const build = (bad: BadValue): unknown => {
  switch (bad.kind) {
    case 'duckSignal':
      return {
        aborted: false,
        reason: CANARY,
        addEventListener: () => {},
        removeEventListener: () => {},
        throwIfAborted: () => {},
      };
    case 'brandlessSignal':
      return Object.assign(Object.create(AbortSignal.prototype), { note: CANARY });
    case 'abortController':
      return new AbortController();
    default:
      return buildBadValue(bad);
  }
};

const otherTypes = otherTypesWith(false);
const fraction = fc
  .double({ min: -1e9, max: 1e9, noNaN: true })
  .filter((n) => !Number.isInteger(n));
const beyondSafe = fc.constantFrom(2 ** 53, 2 ** 53 + 2, 2 ** 64, 1e300, Number.MAX_VALUE);

const badGroupId = fc.oneof(
  missing,
  otherTypes('text'),
  numbers(fc.integer(), nonFinite),
  fc.record({
    kind: fc.constant('text' as const),
    before: fc.oneof(fc.constant('@TGS#'), controlChar),
    after: fc.tuple(controlChar, fc.string({ maxLength: 4 })).map(([c, rest]) => c + rest),
  }),
);
/** For timestamp and mark: the spec's non-negative safe integer. */
const badCursor = fc.oneof(numbers(negative, fraction, nonFinite, beyondSafe), otherTypes());
const badSignal = fc.oneof(
  otherTypes(),
  numbers(fc.integer()),
  fc.constantFrom<BadValue>(
    { kind: 'duckSignal' },
    { kind: 'brandlessSignal' },
    { kind: 'abortController' },
  ),
);
const badTimeoutMs = fc.oneof(
  numbers(
    zero,
    negative,
    fraction,
    nonFinite,
    beyondSafe,
    fc.integer({ min: maxTimeoutMs + 1, max: MAX_SAFE_INTEGER }),
  ),
  otherTypes(),
);
const badMaxPages = fc.oneof(
  numbers(zero, negative, fraction, nonFinite, beyondSafe),
  otherTypes(),
);
const anyValue = fc.oneof(otherTypes('throwingGetter'), numbers(fc.integer()));
/** An argument where an object is expected (a function is not one). */
const notAnObject = fc.oneof(
  otherTypes('object', 'array', 'throwingGetter', 'throwingProxy', 'revokedProxy'),
  numbers(fc.integer(), nonFinite),
);
const unreadableObject = fc.constantFrom<BadValue>(
  { kind: 'throwingProxy' },
  { kind: 'revokedProxy' },
);

/** What the spec's GroupId pattern (^[^\x00-\x1F\x7F]+$) forbids. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
const CONTROL_CHARACTER = /[\x00-\x1F\x7F]/;
const validGroupId = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 48 })
  .filter((id) => !CONTROL_CHARACTER.test(id));
const cursor = fc.integer({ min: 0, max: MAX_SAFE_INTEGER });

/** A client over a fetch spy that counts every call before anything else and answers from `pages`. */
const spyClient = (pages?: SpyPage[]) => {
  const { fetch, ...spy } = countingFetch(pages);
  return { client: createChatClient(testOptions(fetch)), ...spy };
};

/** Starts an async call; a synchronous throw is a failure of its own. */
const start = (call: () => Promise<unknown>): Promise<unknown> => {
  let promise: Promise<unknown> | undefined;
  expect(() => {
    promise = call();
  }, 'the call threw synchronously instead of rejecting').not.toThrow();
  return promise as Promise<unknown>;
};

/** Rejected with a ChatRequestValidationError naming every path in `paths`, nothing sent, no canary. */
const expectRefused = async (
  promise: Promise<unknown>,
  paths: string[],
  calls: () => number,
): Promise<void> => {
  const settled = await settleWithin(promise);
  expect(settled.status).toBe('rejected');
  const error = (settled as { reason: ChatRequestValidationError }).reason;
  expect(error).toBeInstanceOf(ChatRequestValidationError);
  const named = error.issues.map((issue) => issue.path);
  for (const path of paths) expect(named).toContain(path);
  expect(calls()).toBe(0);
  expectNoCanary(error);
};

/** The request paths a set of bad fields must produce, an unknown field by its own name. */
const badPaths = (bad: Record<string, BadValue | undefined>, unknown?: string) =>
  Object.keys(bad).map((name) => (name === 'unknown' && unknown ? unknown : name));

const collect = async (iterable: AsyncIterable<unknown>) => {
  const items: unknown[] = [];
  for await (const item of iterable) items.push(item);
  return items;
};

const nonEmpty = <T extends object>(record: fc.Arbitrary<T>) =>
  record.filter((fields) => Object.keys(fields).length > 0);

describe.concurrent('getMembers(params) with bad input (property)', () => {
  itHolds(
    'rejects with ChatRequestValidationError naming every bad field, sending nothing',
    NUM_RUNS,
    () => {
      const badFields = nonEmpty(
        fc.record(
          {
            groupId: badGroupId,
            timestamp: badCursor,
            mark: badCursor,
            signal: badSignal,
            timeoutMs: badTimeoutMs,
            unknown: anyValue,
          },
          { requiredKeys: [] },
        ),
      );
      const unknownName = fc.constantFrom('groupID', 'GroupId', 'Timestamp', 'cursor', 'limit');
      return fc.asyncProperty(
        validGroupId,
        badFields,
        unknownName,
        async (groupId, bad, unknown) => {
          const { unknown: unknownValue, ...fields } = bad;
          const params = withBadValues(
            { groupId, timestamp: 0 },
            { ...fields, ...(unknownValue ? { [unknown]: unknownValue } : {}) },
            build,
          );
          const { client, calls } = spyClient();
          await expectRefused(
            start(() => client.getMembers(params as never)),
            badPaths(bad, unknown),
            calls,
          );
        },
      );
    },
  );

  itHolds('rejects params that are not an object, or cannot be read', NUM_RUNS / 3, () =>
    fc.asyncProperty(fc.oneof(notAnObject, missing, unreadableObject), async (bad) => {
      const { client, calls } = spyClient();
      await expectRefused(
        start(() => client.getMembers(build(bad) as never)),
        [''],
        calls,
      );
    }),
  );
});

type ListingMode = 'members' | 'pages' | 'listMembers';
const listingModes: ListingMode[] = ['members', 'pages', 'listMembers'];

/** The listing's first result: the first next() of an iteration, or listMembers' promise. */
const firstResult = (
  client: ChatClient,
  mode: ListingMode,
  groupId: unknown,
  options: unknown,
): Promise<unknown> =>
  start(() => {
    if (mode === 'listMembers') return client.listMembers(groupId as string, options as never);
    const iterable = client.members(groupId as string, options as never);
    const source = mode === 'pages' ? iterable.pages() : iterable;
    return source[Symbol.asyncIterator]().next();
  });

describe.concurrent('members(), .pages() and listMembers() with bad input (property)', () => {
  const badOptionFields = fc.record(
    {
      mark: badCursor,
      signal: badSignal,
      maxPages: badMaxPages,
      unknown: anyValue,
    },
    { requiredKeys: [] },
  );
  const unknownName = fc.constantFrom('marks', 'timestamp', 'groupId', 'pageSize');

  itHolds(
    'rejects with ChatRequestValidationError naming every bad field, sending nothing',
    NUM_RUNS,
    () => {
      // A plain object in the first place is the parameters object (members({ groupId })),
      // which the getMembers properties above cover.
      const badGroupIdOrNone = fc.option(
        badGroupId.filter((bad) => bad.kind !== 'throwingGetter' && bad.kind !== 'object'),
        {
          nil: undefined,
        },
      );
      const input = fc
        .record({ groupId: badGroupIdOrNone, options: badOptionFields })
        .filter(({ groupId, options }) => groupId !== undefined || Object.keys(options).length > 0);
      return fc.asyncProperty(
        fc.constantFrom(...listingModes),
        validGroupId,
        input,
        unknownName,
        async (mode, validId, { groupId, options: bad }, unknown) => {
          const { unknown: unknownValue, ...fields } = bad;
          const options = withBadValues(
            {},
            { ...fields, ...(unknownValue ? { [unknown]: unknownValue } : {}) },
            build,
          );
          const { client, calls } = spyClient();
          await expectRefused(
            firstResult(client, mode, groupId ? build(groupId) : validId, options),
            [...(groupId ? ['groupId'] : []), ...badPaths(bad, unknown)],
            calls,
          );
        },
      );
    },
  );

  itHolds('rejects listing options that are not an object, or cannot be read', NUM_RUNS / 3, () =>
    fc.asyncProperty(
      fc.constantFrom(...listingModes),
      validGroupId,
      fc.oneof(notAnObject, unreadableObject),
      async (mode, groupId, bad) => {
        const { client, calls } = spyClient();
        await expectRefused(firstResult(client, mode, groupId, build(bad)), [''], calls);
      },
    ),
  );
});

describe.concurrent('valid input does reach the fetch spy (control property)', () => {
  itHolds(
    'getMembers sends exactly one request with the body the params describe',
    NUM_RUNS,
    () => {
      const params = fc.record(
        {
          groupId: validGroupId,
          timestamp: cursor,
          mark: cursor,
          timeoutMs: fc.integer({ min: 1, max: maxTimeoutMs }),
        },
        { requiredKeys: ['groupId'] },
      );
      return fc.asyncProperty(params, fc.boolean(), async (rest, withSignal) => {
        const { client, bodies, calls } = spyClient();
        const call = { ...rest, ...(withSignal ? { signal: new AbortController().signal } : {}) };
        expect((await settleWithin(client.getMembers(call))).status).toBe('fulfilled');
        expect(calls()).toBe(1);
        expect(bodies).toEqual([
          {
            GroupId: rest.groupId,
            Timestamp: rest.timestamp ?? 0,
            ...(rest.mark === undefined ? {} : { Mark: rest.mark }),
          },
        ]);
      });
    },
  );

  itHolds('a listing sends one request per page, following the cursors', NUM_RUNS / 2, () => {
    const pageCursors = fc.uniqueArray(fc.integer({ min: 1, max: MAX_SAFE_INTEGER }), {
      maxLength: 3,
    });
    return fc.asyncProperty(
      fc.constantFrom(...listingModes),
      validGroupId,
      pageCursors,
      fc.option(cursor, { nil: undefined }),
      fc.option(fc.integer({ min: 4, max: getMembersLimits.maxMembers }), { nil: undefined }),
      async (mode, groupId, cursors, mark, maxPages) => {
        const pages = [...cursors, 0].map((next, index) => ({
          accounts: [`page${index}-a`, `page${index}-b`],
          next,
        }));
        const { client, bodies, calls } = spyClient(pages);
        const options = {
          signal: new AbortController().signal,
          ...(mark === undefined ? {} : { mark }),
          ...(maxPages === undefined ? {} : { maxPages }),
        };
        const listing =
          mode === 'listMembers'
            ? client.listMembers(groupId, options)
            : collect(
                mode === 'pages'
                  ? client.members(groupId, options).pages()
                  : client.members(groupId, options),
              );
        expect((await settleWithin(listing)).status).toBe('fulfilled');
        expect(calls()).toBe(pages.length);
        expect(bodies).toEqual(
          [0, ...cursors].map((timestamp) => ({
            GroupId: groupId,
            Timestamp: timestamp,
            ...(mark === undefined ? {} : { Mark: mark }),
          })),
        );
      },
    );
  });
});
