// Whether a caller's `signal` is a real AbortSignal. `instanceof` is not enough:
// Object.create(AbortSignal.prototype) passes it and then throws a TypeError at
// its first use, and `instanceof` itself throws on a revoked Proxy. The
// `aborted` getter runs only on a real signal (its brand check), so it decides.
const abortedGetter = Object.getOwnPropertyDescriptor(AbortSignal.prototype, 'aborted')?.get;

export const isAbortSignal = (value: unknown): value is AbortSignal => {
  if (typeof value !== 'object' || value === null) return false;
  try {
    if (abortedGetter) abortedGetter.call(value);
    return abortedGetter !== undefined || value instanceof AbortSignal;
  } catch {
    return false;
  }
};
