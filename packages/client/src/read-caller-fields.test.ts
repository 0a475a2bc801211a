import { describe, expect, it } from 'vitest';
import { readCallerFields } from './read-caller-fields.js';

describe('readCallerFields', () => {
  it('reads each known field once and lists the unknown keys', () => {
    let reads = 0;
    const object = {
      get a() {
        reads += 1;
        return reads;
      },
      extra: 1,
    };
    const read = readCallerFields(object, ['a', 'b'] as const);
    expect(read).toEqual({
      values: { a: 1, b: undefined },
      unknownKeys: ['extra'],
      unreadable: [],
      keysUnreadable: false,
    });
    expect(reads).toBe(1);
  });

  it('reads inherited fields, as plain property access does', () => {
    expect(readCallerFields(Object.create({ a: 5 }), ['a'] as const).values).toEqual({ a: 5 });
  });

  it('turns a throwing getter or Proxy trap into a name, dropping the error', () => {
    const throwing = new Proxy(
      {},
      {
        get: () => {
          throw new Error('SENTINEL');
        },
        ownKeys: () => {
          throw new Error('SENTINEL');
        },
      },
    );
    expect(readCallerFields(throwing, ['a', 'b'] as const)).toEqual({
      values: {},
      unknownKeys: [],
      unreadable: ['a', 'b'],
      keysUnreadable: true,
    });
  });
});
