// Plain values at the edges input checks guard, for building bad values from.
import fc from 'fast-check';

const { MAX_SAFE_INTEGER } = Number;

export const nonFinite = fc.constantFrom(Number.NaN, Infinity, -Infinity);
export const negative = fc.integer({ min: -MAX_SAFE_INTEGER, max: -1 });
export const zero = fc.constantFrom(0, -0);
/** A control character: what the spec's GroupId pattern (^[^\x00-\x1F\x7F]+$) forbids. */
export const controlChar = fc
  .oneof(fc.integer({ min: 0, max: 0x1f }), fc.constant(0x7f))
  .map((code) => String.fromCharCode(code));
