import { describe, expect, it } from 'vitest';
import { isAbortSignal } from './is-abort-signal.js';

const revokedProxy = () => {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
};

describe('isAbortSignal', () => {
  it('accepts real signals, aborted or not', () => {
    expect(isAbortSignal(new AbortController().signal)).toBe(true);
    expect(isAbortSignal(AbortSignal.abort())).toBe(true);
    expect(isAbortSignal(AbortSignal.timeout(1_000))).toBe(true);
  });

  it.each([
    {
      given: 'an object made from AbortSignal.prototype',
      value: Object.create(AbortSignal.prototype),
    },
    { given: 'a duck-typed signal', value: { aborted: false, addEventListener: () => {} } },
    { given: 'an AbortController', value: new AbortController() },
    { given: 'a revoked Proxy', value: revokedProxy() },
    { given: 'null', value: null },
    { given: 'a string', value: 'signal' },
  ])('refuses $given without throwing', ({ value }) => {
    expect(isAbortSignal(value)).toBe(false);
  });
});
