// Property tests of createChatClient's and createChatFetch's options: random bad
// values, alone and several at once, must throw a TypeError at construction that
// names every bad option and never shows its value (README, createChatClient).
// Each bad value carries a canary wherever a value can hold text; no message,
// stack or util.inspect of the error may show it.
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
import { controlChar, negative, nonFinite, zero } from '../test/helpers/edge-values.js';
import { itHolds } from '../test/helpers/property-test.js';
import type { ChatClientOptions } from './chat-client-options.js';
import { MAX_RETRIES } from './client-option-checks.js';
import { createChatClient } from './create-chat-client.js';
import { createChatFetch } from './create-chat-fetch.js';
import { chatRegions } from './generated/regions.gen.js';
import { chatLogLevels } from './policies/chat-logger.js';
import { maxTimeoutMs } from './policies/retry-policy.js';
import { USER_SIG_RENEW_BEFORE_SECONDS } from './user-sig/user-sig-provider.js';
import { MAX_IDENTIFIER_BYTES } from './user-sig/validate-options.js';

const NUM_RUNS = 400;
const utf8 = new TextEncoder();
const { MAX_SAFE_INTEGER } = Number;

/** The common bad values, and the ones only rateLimit's and logger's fields meet. */
type BadValue =
  | CommonBadValue
  | { kind: 'rateLimitFields'; fields: Partial<Record<RateLimitField, BadValue>> }
  | { kind: 'loggerMethods'; levels: string[] };

type RateLimitField = 'callsPerSecond' | 'marginMs' | 'burst' | 'store' | 'perSecond';

const build = (bad: BadValue): unknown => {
  switch (bad.kind) {
    case 'rateLimitFields':
      return Object.fromEntries(
        Object.entries(bad.fields).map(([field, value]) => [field, build(value)]),
      );
    case 'loggerMethods':
      return Object.fromEntries(bad.levels.map((level) => [level, CANARY]));
    default:
      return buildBadValue(bad);
  }
};

/**
 * A value of each other kind; each option leaves out the kinds it takes. Its
 * boolean is true: false is a valid rateLimit.
 */
const otherTypes = otherTypesWith(true);
const text = (after: fc.Arbitrary<string> = fc.constant('')): fc.Arbitrary<BadValue> =>
  fc.record({ kind: fc.constant('text' as const), before: fc.constant(''), after });
const fraction = fc
  .double({ min: -1e6, max: 1e6, noNaN: true })
  .filter((n) => !Number.isInteger(n));
const beyondSafe = fc.constantFrom(2 ** 53, 2 ** 64, 1e300, Number.MAX_VALUE);

const badPositiveInteger = fc.oneof(
  numbers(zero, negative, fraction, nonFinite, beyondSafe),
  otherTypes(),
);
// Every non-string, and '' (the only bad string).
const badString = otherTypes('text');
const identifierOverLimit = fc.oneof(
  // ASCII: the canary plus padding past the limit.
  fc.integer({ min: MAX_IDENTIFIER_BYTES + 1, max: 200 }).map((length) => 'x'.repeat(length)),
  // Few characters, many bytes: 3 bytes each in UTF-8.
  fc.integer({ min: 11, max: 40 }).map((count) => '管'.repeat(count)),
  // 4 bytes each (a surrogate pair in UTF-16).
  fc.integer({ min: 8, max: 20 }).map((count) => '😀'.repeat(count)),
);
const badIdentifier = fc.oneof(
  text(identifierOverLimit),
  // A lone surrogate has no UTF-8 form.
  text(fc.constantFrom('\uD800', '\uDFFF', 'a\uDC00b')),
  otherTypes('text'),
  missing,
);
const badRegion = fc.oneof(text(fc.constantFrom('', ' ', '\n', 'singapore')), otherTypes('text'));
const badBaseUrl = fc.oneof(
  fc.record({
    kind: fc.constant('text' as const),
    before: fc.constantFrom(
      'ftp://',
      'file:///',
      'ws://',
      'javascript:',
      'mailto:',
      '/',
      'http//',
      'http://deploy:pw@127.0.0.1:1',
      'https://user@chat.test',
    ),
    after: fc.constantFrom('', '/path', '.test'),
  }),
  fc.record({
    kind: fc.constant('text' as const),
    before: fc.constantFrom('http://exa mple.test/', 'https://[::1/', 'http://'),
    after: controlChar,
  }),
  otherTypes('text'),
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
const badMaxRetries = fc.oneof(
  numbers(negative, fraction, nonFinite, beyondSafe, fc.integer({ min: MAX_RETRIES + 1 })),
  otherTypes(),
);
const badRateLimitFields = fc
  .record(
    {
      callsPerSecond: fc.oneof(
        numbers(zero, negative, fraction, nonFinite, beyondSafe),
        otherTypes('throwingGetter'),
      ),
      marginMs: fc.oneof(
        numbers(negative, fraction, nonFinite, fc.integer({ min: 1001 })),
        otherTypes('throwingGetter'),
      ),
      burst: fc.oneof(
        numbers(zero, negative, fraction, nonFinite, beyondSafe),
        otherTypes('throwingGetter'),
      ),
      store: fc.oneof(
        otherTypes('throwingGetter'),
        fc.constant<BadValue>({ kind: 'object' }), // no reservePlace()
      ),
      perSecond: fc.constant<BadValue>({ kind: 'number', value: 5 }), // not a field
    },
    { requiredKeys: [] },
  )
  .filter((fields) => Object.keys(fields).length > 0)
  .map((fields): BadValue => ({ kind: 'rateLimitFields', fields }));
const badRateLimit = fc.oneof(
  badRateLimitFields,
  otherTypes('object', 'array'),
  numbers(fc.integer(), nonFinite),
);
const badBoolean = fc.oneof(numbers(fc.constantFrom(0, 1, Number.NaN)), otherTypes('boolean'));
const badUserSigExpireSeconds = fc.oneof(
  badPositiveInteger,
  // Issued sigs are renewed 5 minutes before expiry (README, createChatClient).
  numbers(fc.integer({ min: 1, max: USER_SIG_RENEW_BEFORE_SECONDS })),
);
const badFetch = otherTypes('function');
const badLogger = fc.oneof(
  otherTypes('object', 'array'),
  numbers(fc.integer(), nonFinite),
  fc
    .subarray([...chatLogLevels], { minLength: 1 })
    .map((levels): BadValue => ({ kind: 'loggerMethods', levels })),
);
const badLogLevel = fc.oneof(
  text(fc.constantFrom('', 'verbose', 'INFO', 'info ')),
  otherTypes('text'),
);

// A record is valid headers; a list of other than pairs, a proxy that throws and any non-object are not.
const badHeaders = otherTypes('object');

type OptionName = keyof ChatClientOptions;
/** One generator of bad values per option: a new option fails to type-check until it has one. */
const badValues = {
  sdkAppId: fc.oneof(badPositiveInteger, missing),
  identifier: badIdentifier,
  secretKey: badString,
  userSig: badString,
  region: badRegion,
  baseUrl: badBaseUrl,
  timeoutMs: badTimeoutMs,
  maxResponseBytes: badPositiveInteger,
  maxRetries: badMaxRetries,
  rateLimit: badRateLimit,
  validateResponses: badBoolean,
  userSigExpireSeconds: badUserSigExpireSeconds,
  fetch: badFetch,
  logger: badLogger,
  logLevel: badLogLevel,
  headers: badHeaders,
} satisfies Record<OptionName, fc.Arbitrary<BadValue>>;

/** Names the message must hold for this bad value of this option. */
const namesFor = (option: string, bad: BadValue): string[] => {
  if (bad.kind === 'rateLimitFields') {
    return Object.keys(bad.fields).map((field) =>
      field === 'perSecond'
        ? 'options.rateLimit has unknown fields: perSecond'
        : `options.rateLimit.${field}`,
    );
  }
  if (bad.kind === 'loggerMethods') return bad.levels.map((level) => `options.logger.${level}`);
  return [`options.${option}`];
};

const validIdentifier = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: MAX_IDENTIFIER_BYTES })
  .filter((id) => utf8.encode(id).byteLength <= MAX_IDENTIFIER_BYTES);
const canaryString = fc.string({ unit: 'grapheme', maxLength: 16 }).map((s) => `${CANARY}${s}`);
const fakeFetch: typeof fetch = async () => Response.json({});
const validRest = fc.record(
  {
    timeoutMs: fc.integer({ min: 1, max: maxTimeoutMs }),
    maxRetries: fc.integer({ min: 0, max: MAX_RETRIES }),
    rateLimit: fc.oneof(
      fc.constant(false as const),
      fc.record(
        {
          callsPerSecond: fc.integer({ min: 1, max: MAX_SAFE_INTEGER }),
          marginMs: fc.integer({ min: 0, max: 1000 }),
          burst: fc.integer({ min: 1, max: MAX_SAFE_INTEGER }),
          store: fc.constant({ reservePlace: () => 0 }),
        },
        { requiredKeys: [] },
      ),
    ),
    validateResponses: fc.boolean(),
    userSigExpireSeconds: fc.integer({
      min: USER_SIG_RENEW_BEFORE_SECONDS + 1,
      max: MAX_SAFE_INTEGER,
    }),
    fetch: fc.constant(fakeFetch),
    logger: fc.constantFrom<object>(console, {}, { warn: () => {} }),
    logLevel: fc.constantFrom(...chatLogLevels),
  },
  { requiredKeys: [] },
);
const validCommon = fc
  .tuple(
    fc.integer({ min: 1, max: MAX_SAFE_INTEGER }),
    validIdentifier,
    // Valid secrets carry the canary too: a message about another option must not show them.
    fc.oneof(
      canaryString.map((secretKey) => ({ secretKey })),
      canaryString.map((userSig) => ({ userSig })),
    ),
    validRest,
  )
  .map(([sdkAppId, identifier, credential, rest]) => ({
    sdkAppId,
    identifier,
    ...credential,
    ...rest,
  }));
const validEndpoint = fc.oneof(
  fc.constantFrom(...Object.keys(chatRegions)).map((region) => ({ region })),
  fc.webUrl({ validSchemes: ['http', 'https'] }).map((baseUrl) => ({ baseUrl })),
);

/** The TypeError construction throws: never showing a canary. */
const typeErrorFrom = (construct: () => unknown): Error => {
  try {
    construct();
  } catch (thrown) {
    const error = thrown as Error;
    expect(error).toBeInstanceOf(TypeError);
    expectNoCanary(error);
    return error;
  }
  throw new Error('construction did not throw');
};

type Factory = {
  name: string;
  construct: (options: unknown) => unknown;
  endpoint: fc.Arbitrary<Record<string, unknown>>;
};
const factories: Factory[] = [
  {
    name: 'createChatClient',
    construct: (options) => createChatClient(options as ChatClientOptions),
    endpoint: validEndpoint,
  },
  {
    name: 'createChatFetch',
    construct: (options) => createChatFetch(options as never),
    endpoint: fc.constant({}),
  },
];

describe.each(factories)('$name options (property)', ({ name, construct, endpoint }) => {
  const validOptions = fc
    .tuple(validCommon, endpoint)
    .map(([common, where]) => ({ ...common, ...where }));

  itHolds('constructs with any valid options', NUM_RUNS, () =>
    fc.property(validOptions, (options) => {
      expect(() => construct(options)).not.toThrow();
    }),
  );

  itHolds('throws a TypeError naming every bad option, never its value', NUM_RUNS, () => {
    const someBadValues = fc
      .record(badValues, { requiredKeys: [] })
      .filter((bad) => Object.keys(bad).length > 0);
    return fc.property(validOptions, someBadValues, (valid, bad) => {
      const error = typeErrorFrom(() => construct(withBadValues(valid, bad, build)));
      expect(error.message).toMatch(new RegExp(`^${name}: bad options: `));
      for (const [option, value] of Object.entries(bad)) {
        if (value === undefined) continue;
        for (const named of namesFor(option, value)) expect(error.message).toContain(named);
      }
    });
  });

  itHolds(
    'names an unknown option (with a hint for a misspelling), never its value',
    NUM_RUNS / 4,
    () => {
      const unknownName = fc.constantFrom('sdkappid', 'Identifier', 'retries', 'apiKey', 'timeout');
      const anyValue = fc.oneof(otherTypes('throwingGetter'), numbers(fc.integer(), nonFinite));
      return fc.property(validOptions, unknownName, anyValue, (valid, unknown, value) => {
        const error = typeErrorFrom(() => construct({ ...valid, [unknown]: build(value) }));
        expect(error.message).toContain(`options.${unknown} is not an option`);
        const meant = Object.keys(badValues).find(
          (known) => known.toLowerCase() === unknown.toLowerCase(),
        );
        if (meant) expect(error.message).toContain(`(did you mean ${meant}?)`);
      });
    },
  );

  itHolds('asks for exactly one credential when both or neither are given', NUM_RUNS / 4, () => {
    const credentials = fc.oneof(
      fc.constant({}),
      fc.record({ secretKey: canaryString, userSig: canaryString }),
    );
    return fc.property(validOptions, credentials, (valid, given) => {
      const { secretKey: _key, userSig: _sig, ...rest } = valid as Record<string, unknown>;
      const error = typeErrorFrom(() => construct({ ...rest, ...given }));
      expect(error.message).toContain('give exactly one of secretKey and userSig');
    });
  });

  itHolds('refuses options that are not an object or cannot be read', NUM_RUNS / 4, () => {
    const notOptions = fc.oneof(
      missing,
      otherTypes('throwingGetter', 'object', 'array'),
      numbers(fc.integer(), nonFinite),
    );
    return fc.property(notOptions, (bad) => {
      const error = typeErrorFrom(() => construct(build(bad)));
      expect(error.message).toMatch(new RegExp(`^${name}: `));
    });
  });
});

describe('createChatClient endpoint (property)', () => {
  itHolds(
    'asks for exactly one of region and baseUrl when both or neither are given',
    NUM_RUNS / 4,
    () => {
      const endpoints = fc.oneof(
        fc.constant({}),
        fc.record({
          region: fc.constantFrom(...Object.keys(chatRegions)),
          baseUrl: fc.webUrl({ validSchemes: ['http', 'https'] }),
        }),
      );
      return fc.property(validCommon, endpoints, (valid, endpoint) => {
        const error = typeErrorFrom(() =>
          createChatClient({ ...valid, ...endpoint } as ChatClientOptions),
        );
        expect(error.message).toContain('give exactly one of region and baseUrl');
      });
    },
  );
});

describe('createChatFetch endpoint (property)', () => {
  itHolds(
    'refuses region and baseUrl, even valid ones: each request goes to its own URL',
    NUM_RUNS / 4,
    () =>
      fc.property(validCommon, validEndpoint, (valid, endpoint) => {
        const error = typeErrorFrom(() => createChatFetch({ ...valid, ...endpoint } as never));
        expect(error.message).toContain(`options.${Object.keys(endpoint)[0]} is not used`);
      }),
  );
});
