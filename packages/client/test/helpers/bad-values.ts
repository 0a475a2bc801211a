// Bad values for property tests of the client's input checks, described as data
// so fast-check can print and shrink them; each carries the canary wherever a
// value can hold text.
import fc from 'fast-check';
import { CANARY, CANARY_BIGINT } from './canary.js';

/** The kinds every input check meets; a test adds its own kinds and builds them itself. */
export type BadValue =
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
  | { kind: 'throwingGetter' };

const throwingProxy = () => {
  const fail = () => {
    throw new Error(CANARY);
  };
  return new Proxy(
    {},
    { get: fail, has: fail, ownKeys: fail, getOwnPropertyDescriptor: fail, getPrototypeOf: fail },
  );
};

/** Makes the value `bad` describes, with the canary wherever it can hold text. */
export const buildBadValue = (bad: BadValue): unknown => {
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
  }
};

/**
 * A copy of `fields` with the bad ones in place: a missing one left out, a
 * throwing getter installed, any other made by `build`.
 */
export const withBadValues = <Bad extends { kind: string }>(
  fields: Record<string, unknown>,
  bad: Partial<Record<string, Bad>>,
  build: (bad: Bad) => unknown,
): Record<string, unknown> => {
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

/**
 * A value of each kind but `except` (the kinds a field takes). Its one boolean
 * is the caller's choice: `boolean` must be bad wherever the test uses it.
 */
export const otherTypesWith =
  (boolean: boolean) =>
  (...except: BadValue['kind'][]): fc.Arbitrary<BadValue> =>
    fc.constantFrom<BadValue>(
      ...(
        [
          { kind: 'null' },
          { kind: 'boolean', value: boolean },
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

export const missing = fc.constant<BadValue>({ kind: 'missing' });
export const numbers = (...values: fc.Arbitrary<number>[]): fc.Arbitrary<BadValue> =>
  fc.oneof(...values).map((value) => ({ kind: 'number' as const, value }));
