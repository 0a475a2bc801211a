import { describe, expect, it } from 'vitest';
import { commonQueryString, randomUint32 } from './common-query.js';

describe('randomUint32', () => {
  it('gives uint32 values that do not repeat across refills of its pool', () => {
    const values = Array.from({ length: 1000 }, () => randomUint32());
    for (const value of values) {
      expect(Number.isInteger(value) && value >= 0 && value <= 0xffffffff).toBe(true);
    }
    // 1,000 draws from 2^32: a repeat is a one-in-8,600 chance; a pool handed
    // out twice would repeat 256 values.
    expect(new Set(values).size).toBeGreaterThanOrEqual(999);
  });
});

describe('commonQueryString', () => {
  it('carries the credentials, the random and contenttype=json', () => {
    const query = new URLSearchParams(
      commonQueryString({ sdkAppId: 1400000001, identifier: 'admin', userSig: 's+/=' }, 42),
    );
    expect(Object.fromEntries(query)).toEqual({
      sdkappid: '1400000001',
      identifier: 'admin',
      usersig: 's+/=',
      random: '42',
      contenttype: 'json',
    });
  });
});
