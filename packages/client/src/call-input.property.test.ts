// Property tests of the client's call input: getMembers(params), members(groupId,
// options) (iterated, and its .pages()) and listMembers(groupId, options). Random
// bad values, alone and several at once, must reject with a
// ChatRequestValidationError whose issues name every bad field, before anything
// is sent (README, "Input"), without a synchronous throw, within 2 s, and without
// showing the bad value. A control property proves the fetch spy does see valid
// calls: one request per page.
import { inspect } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ChatClient, createChatClient } from './create-chat-client.js';
import { ChatRequestValidationError } from './errors/chat-errors.js';
import { getMembersLimits } from './generated/limits.gen.js';
import { maxTimeoutMs } from './policies/retry-policy.js';

const CANARY = 'CANARY-83e0';
const CANARY_BIGINT = 55120042424242424242n;
const NUM_RUNS = 300;
/**
 * A whole property's time limit: a few seconds on an idle machine; generous,
 * since the machine is shared (each call has its own 2 s bound).
 */
const PROPERTY_TIMEOUT_MS = 30_000;
/** A call that has not settled by then hangs. */
const SETTLE_LIMIT_MS = 2000;
const { MAX_SAFE_INTEGER } = Number;

/** A bad value, described as data so fast-check can print and shrink it; `build` makes it. */
type BadValue =
  | { kind: 'missing' }
  | { kind: 'null' }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'number'; value: number }
  | { kind: 'text'; before: string; after: string }
  | { kind: 'empty' }
  | { kind: 'bigint' }
  | { kind: 'symbol' }
  | { kind: 'function' }
  | { kind: 'array' }
  | { kind: 'object' }
  | { kind: 'throwingProxy' }
  | { kind: 'revokedProxy' }
  /** The containing object's getter for the field throws. */
  | { kind: 'throwingGetter' }
  /** Looks like a signal to duck typing only. */
  | { kind: 'duckSignal' }
  /** Has AbortSignal.prototype, but is no signal: its getters throw. */
  | { kind: 'brandlessSignal' }
  | { kind: 'abortController' };

const throwingProxy = () => {
  const fail = () => {
    throw new Error(CANARY);
  };
  return new Proxy(
    {},
    { get: fail, has: fail, ownKeys: fail, getOwnPropertyDescriptor: fail, getPrototypeOf: fail },
  );
};

const build = (bad: BadValue): unknown => {
  switch (bad.kind) {
    case 'missing':
      return undefined;
    case 'null':
      return null;
    case 'boolean':
    case 'number':
      return bad.value;
    case 'text':
      return `${bad.before}${CANARY}${bad.after}`;
    case 'empty':
      return '';
    case 'bigint':
      return CANARY_BIGINT;
    case 'symbol':
      return Symbol(CANARY);
    case 'function':
      return Object.defineProperty(() => CANARY, 'name', { value: CANARY });
    case 'array':
      return [CANARY];
    case 'object':
      return { [CANARY]: CANARY };
    case 'throwingProxy':
      return throwingProxy();
    case 'revokedProxy': {
      const { proxy, revoke } = Proxy.revocable({ note: CANARY }, {});
      revoke();
      return proxy;
    }
    case 'throwingGetter':
      throw new Error('a throwing getter is installed on the containing object, not built');
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
  }
};

/** An object with these fields, bad ones built (a throwing getter installed, a missing one left out). */
const objectWith = (fields: Record<string, unknown>, bad: Partial<Record<string, BadValue>>) => {
  const object: Record<string, unknown> = { ...fields };
  for (const [name, value] of Object.entries(bad)) {
    if (value === undefined) continue;
    if (value.kind === 'missing') delete object[name];
    else if (value.kind === 'throwingGetter') {
      Object.defineProperty(object, name, {
        enumerable: true,
        get: () => {
          throw new Error(CANARY);
        },
      });
    } else object[name] = build(value);
  }
  return object;
};

const otherTypes = (...except: BadValue['kind'][]): fc.Arbitrary<BadValue> =>
  fc.constantFrom<BadValue>(
    ...(
      [
        { kind: 'null' },
        { kind: 'boolean', value: false },
        { kind: 'text', before: '', after: '' },
        { kind: 'empty' },
        { kind: 'bigint' },
        { kind: 'symbol' },
        { kind: 'function' },
        { kind: 'array' },
        { kind: 'object' },
        { kind: 'throwingProxy' },
        { kind: 'revokedProxy' },
        { kind: 'throwingGetter' },
      ] satisfies BadValue[]
    ).filter((bad) => !except.includes(bad.kind)),
  );
const numbers = (...values: fc.Arbitrary<number>[]): fc.Arbitrary<BadValue> =>
  fc.oneof(...values).map((value) => ({ kind: 'number' as const, value }));
const nonFinite = fc.constantFrom(Number.NaN, Infinity, -Infinity);
const fraction = fc
  .double({ min: -1e9, max: 1e9, noNaN: true })
  .filter((n) => !Number.isInteger(n));
const negative = fc.integer({ min: -MAX_SAFE_INTEGER, max: -1 });
const beyondSafe = fc.constantFrom(2 ** 53, 2 ** 53 + 2, 2 ** 64, 1e300, Number.MAX_VALUE);
const zero = fc.constantFrom(0, -0);
/** A character the spec's GroupId pattern forbids (^[^\x00-\x1F\x7F]+$). */
const controlChar = fc
  .oneof(fc.integer({ min: 0, max: 0x1f }), fc.constant(0x7f))
  .map((code) => String.fromCharCode(code));

const missing = fc.constant<BadValue>({ kind: 'missing' });
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

/** A client whose fetch spy counts every call before anything else and answers from `pages`. */
const spyClient = (pages: { accounts: string[]; next: number }[] = [{ accounts: [], next: 0 }]) => {
  const bodies: unknown[] = [];
  let calls = 0;
  const fetch: typeof globalThis.fetch = async (input, init) => {
    calls += 1;
    const page = pages[Math.min(calls, pages.length) - 1];
    bodies.push(await new Request(input, init).json());
    return Response.json({
      ActionStatus: 'OK',
      ErrorCode: 0,
      ErrorInfo: '',
      MemberList: (page?.accounts ?? []).map((account) => ({
        Member_Account: account,
        JoinTime: 1_700_000_000,
      })),
      NextTimestamp: page?.next ?? 0,
    });
  };
  const client = createChatClient({
    sdkAppId: 1400000001,
    identifier: 'admin',
    userSig: 'test-usersig',
    baseUrl: 'https://chat.test',
    rateLimit: false,
    fetch,
  });
  return { client, bodies, calls: () => calls };
};

type Settled =
  | { status: 'fulfilled'; value: unknown }
  | { status: 'rejected'; reason: unknown }
  | { status: 'hung' };

/** How a promise settles within SETTLE_LIMIT_MS ('hung' if it does not). */
const settleWithin = async (promise: Promise<unknown>): Promise<Settled> => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hung = new Promise<Settled>((resolve) => {
    timer = setTimeout(() => resolve({ status: 'hung' }), SETTLE_LIMIT_MS);
  });
  try {
    return await Promise.race([
      promise.then(
        (value): Settled => ({ status: 'fulfilled', value }),
        (reason): Settled => ({ status: 'rejected', reason }),
      ),
      hung,
    ]);
  } finally {
    clearTimeout(timer);
  }
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
  for (const shown of [error.message, error.stack ?? '', inspect(error, { showHidden: true })]) {
    expect(shown).not.toContain(CANARY);
    expect(shown).not.toContain(String(CANARY_BIGINT));
  }
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
  it(
    'rejects with ChatRequestValidationError naming every bad field, sending nothing',
    async () => {
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
      await fc.assert(
        fc.asyncProperty(validGroupId, badFields, unknownName, async (groupId, bad, unknown) => {
          const { unknown: unknownValue, ...fields } = bad;
          const params = objectWith(
            { groupId, timestamp: 0 },
            { ...fields, ...(unknownValue ? { [unknown]: unknownValue } : {}) },
          );
          const { client, calls } = spyClient();
          await expectRefused(
            start(() => client.getMembers(params as never)),
            badPaths(bad, unknown),
            calls,
          );
        }),
        { numRuns: NUM_RUNS },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'rejects params that are not an object, or cannot be read',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.oneof(notAnObject, missing, unreadableObject), async (bad) => {
          const { client, calls } = spyClient();
          await expectRefused(
            start(() => client.getMembers(build(bad) as never)),
            [''],
            calls,
          );
        }),
        { numRuns: NUM_RUNS / 3 },
      );
    },
    PROPERTY_TIMEOUT_MS,
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

  it(
    'rejects with ChatRequestValidationError naming every bad field, sending nothing',
    async () => {
      const badGroupIdOrNone = fc.option(
        badGroupId.filter((bad) => bad.kind !== 'throwingGetter'),
        {
          nil: undefined,
        },
      );
      const input = fc
        .record({ groupId: badGroupIdOrNone, options: badOptionFields })
        .filter(({ groupId, options }) => groupId !== undefined || Object.keys(options).length > 0);
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...listingModes),
          validGroupId,
          input,
          unknownName,
          async (mode, validId, { groupId, options: bad }, unknown) => {
            const { unknown: unknownValue, ...fields } = bad;
            const options = objectWith(
              {},
              { ...fields, ...(unknownValue ? { [unknown]: unknownValue } : {}) },
            );
            const { client, calls } = spyClient();
            await expectRefused(
              firstResult(client, mode, groupId ? build(groupId) : validId, options),
              [...(groupId ? ['groupId'] : []), ...badPaths(bad, unknown)],
              calls,
            );
          },
        ),
        { numRuns: NUM_RUNS },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'rejects listing options that are not an object, or cannot be read',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...listingModes),
          validGroupId,
          fc.oneof(notAnObject, unreadableObject),
          async (mode, groupId, bad) => {
            const { client, calls } = spyClient();
            await expectRefused(firstResult(client, mode, groupId, build(bad)), [''], calls);
          },
        ),
        { numRuns: NUM_RUNS / 3 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});

describe.concurrent('valid input does reach the fetch spy (control property)', () => {
  it(
    'getMembers sends exactly one request with the body the params describe',
    async () => {
      const params = fc.record(
        {
          groupId: validGroupId,
          timestamp: cursor,
          mark: cursor,
          timeoutMs: fc.integer({ min: 1, max: maxTimeoutMs }),
        },
        { requiredKeys: ['groupId'] },
      );
      await fc.assert(
        fc.asyncProperty(params, fc.boolean(), async (rest, withSignal) => {
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
        }),
        { numRuns: NUM_RUNS },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'a listing sends one request per page, following the cursors',
    async () => {
      const pageCursors = fc.uniqueArray(fc.integer({ min: 1, max: MAX_SAFE_INTEGER }), {
        maxLength: 3,
      });
      await fc.assert(
        fc.asyncProperty(
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
        ),
        { numRuns: NUM_RUNS / 2 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});
