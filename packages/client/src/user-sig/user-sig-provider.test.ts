import { inspect } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createUserSigProvider, type UserSigProviderOptions } from './user-sig-provider.js';
import { verifyUserSig } from './verify-user-sig.js';

const sdkAppId = 1400000000;
const identifier = 'administrator';
const secretKey = 'fake-provider-secret-0c1d2e3f';
const t0 = 1_700_000_000;

/** A hand-driven clock, in seconds. */
const manualClock = (start = t0) => {
  let seconds = start;
  return {
    now: () => seconds,
    set: (value: number) => {
      seconds = value;
    },
  };
};

/** Counts HMAC signatures, i.e. sig generations. */
const countSignatures = () => vi.spyOn(globalThis.crypto.subtle, 'sign');

const issuedAtOf = async (userSig: string): Promise<number | undefined> => {
  const result = await verifyUserSig(userSig, { sdkAppId, secretKey, now: t0 });
  return result.valid ? result.issuedAt : undefined;
};

afterEach(() => {
  vi.restoreAllMocks();
});

describe('createUserSigProvider with a secret key', () => {
  it('issues a valid sig and caches it', async () => {
    const clock = manualClock();
    const sign = countSignatures();
    const provider = createUserSigProvider({ sdkAppId, identifier, secretKey, now: clock.now });
    expect(provider.canRenew).toBe(true);

    const userSig = await provider.current();
    await expect(verifyUserSig(userSig, { sdkAppId, secretKey, now: t0 })).resolves.toEqual({
      valid: true,
      identifier,
      sdkAppId,
      issuedAt: t0,
      expiresAt: t0 + 86_400,
    });
    clock.set(t0 + 3600);
    expect(await provider.current()).toBe(userSig);
    expect(sign).toHaveBeenCalledTimes(1);
  });

  it.each([
    { name: 'long before the window', at: t0 + 1000, renewed: false },
    { name: 'one second before the window', at: t0 + 3299, renewed: false },
    { name: 'exactly renewBeforeSeconds left', at: t0 + 3300, renewed: false },
    { name: 'inside the window', at: t0 + 3301, renewed: true },
    { name: 'at expiry', at: t0 + 3600, renewed: true },
    { name: 'long after expiry', at: t0 + 100_000.5, renewed: true },
  ])('renews in current() only inside the renew window: $name', async ({ at, renewed }) => {
    const clock = manualClock();
    const provider = createUserSigProvider({
      sdkAppId,
      identifier,
      secretKey,
      expireSeconds: 3600,
      renewBeforeSeconds: 300,
      now: clock.now,
    });
    const first = await provider.current();
    clock.set(at);
    const next = await provider.current();
    expect(next !== first).toBe(renewed);
    expect(await issuedAtOf(next)).toBe(renewed ? Math.floor(at) : t0);
  });

  it('shares one generation among concurrent current() calls', async () => {
    // A clock that moves on every read: separate generations would differ.
    let seconds = t0;
    const sign = countSignatures();
    const provider = createUserSigProvider({
      sdkAppId,
      identifier,
      secretKey,
      now: () => seconds++,
    });
    const sigs = await Promise.all(Array.from({ length: 10 }, () => provider.current()));
    expect(new Set(sigs).size).toBe(1);
    expect(sign).toHaveBeenCalledTimes(1);
  });

  it('renew() issues a fresh sig that current() then returns', async () => {
    const clock = manualClock();
    const provider = createUserSigProvider({ sdkAppId, identifier, secretKey, now: clock.now });
    const first = await provider.current();
    clock.set(t0 + 10);
    const renewed = await provider.renew();
    expect(renewed).not.toBe(first);
    expect(await issuedAtOf(renewed)).toBe(t0 + 10);
    expect(await provider.current()).toBe(renewed);
  });

  it('shares one generation among concurrent renew() and current() calls', async () => {
    const clock = manualClock();
    const provider = createUserSigProvider({ sdkAppId, identifier, secretKey, now: clock.now });
    const first = await provider.current();
    clock.set(t0 + 10);
    const sign = countSignatures();
    const sigs = await Promise.all([provider.renew(), provider.renew(), provider.current()]);
    expect(new Set(sigs).size).toBe(1);
    expect(sigs[0]).not.toBe(first);
    expect(sign).toHaveBeenCalledTimes(1);
  });

  it('does not cache a failed generation', async () => {
    const clock = manualClock(-5); // a negative issuedAt fails validation
    const provider = createUserSigProvider({ sdkAppId, identifier, secretKey, now: clock.now });
    await expect(provider.current()).rejects.toThrow(TypeError);
    clock.set(t0);
    expect(await issuedAtOf(await provider.current())).toBe(t0);
  });

  it('defaults the clock to Date.now', async () => {
    vi.spyOn(Date, 'now').mockReturnValue(t0 * 1000 + 999);
    const provider = createUserSigProvider({ sdkAppId, identifier, secretKey });
    expect(await issuedAtOf(await provider.current())).toBe(t0);
  });
});

describe('createUserSigProvider with a fixed userSig', () => {
  it('hands out that sig and cannot renew', async () => {
    const sign = countSignatures();
    const provider = createUserSigProvider({ sdkAppId, identifier, userSig: 'fixed-sig-value' });
    expect(provider.canRenew).toBe(false);
    expect(await provider.current()).toBe('fixed-sig-value');
    expect(await provider.renew()).toBe('fixed-sig-value');
    expect(sign).not.toHaveBeenCalled();
  });
});

describe('createUserSigProvider keeps its secrets out of sight', () => {
  it.each([
    { name: 'secret key', options: { sdkAppId, identifier, secretKey, now: () => t0 } },
    { name: 'fixed userSig', options: { sdkAppId, identifier, userSig: 'fixed-sig-4f3e2d1c' } },
  ])('$name: inspect and JSON.stringify show neither secret nor sig', async ({ options }) => {
    const provider = createUserSigProvider(options as UserSigProviderOptions);
    const userSig = await provider.current();
    const shown = [
      inspect(provider, { showHidden: true, depth: Number.POSITIVE_INFINITY }),
      JSON.stringify(provider),
      String(Object.values(provider)),
    ].join('\n');
    expect(shown).not.toContain(secretKey);
    expect(shown).not.toContain(userSig);
    expect(Object.keys(provider).sort()).toEqual(['canRenew', 'current', 'renew']);
    expect(Object.isFrozen(provider)).toBe(true);
  });
});

describe('createUserSigProvider options', () => {
  it.each([
    { option: 'sdkAppId', patch: { sdkAppId: 0 } },
    { option: 'identifier', patch: { identifier: '' } },
    { option: 'identifier', patch: { identifier: 'x'.repeat(33) } },
    { option: 'secretKey', patch: { secretKey: '' } },
    { option: 'secretKey and userSig', patch: { userSig: 'also-a-sig' } },
    { option: 'secretKey and userSig', patch: { secretKey: undefined } },
    { option: 'userSig', patch: { secretKey: undefined, userSig: '' } },
    { option: 'expireSeconds', patch: { expireSeconds: 0 } },
    { option: 'renewBeforeSeconds', patch: { renewBeforeSeconds: -1 } },
    { option: 'renewBeforeSeconds', patch: { expireSeconds: 300, renewBeforeSeconds: 300 } },
    { option: 'now', patch: { now: 5 } },
  ])('throws a TypeError naming $option', ({ option, patch }) => {
    const options = { sdkAppId, identifier, secretKey, ...patch } as UserSigProviderOptions;
    const create = () => createUserSigProvider(options);
    expect(create).toThrow(TypeError);
    expect(create).toThrow(option);
    expect(create).not.toThrow(secretKey);
  });
});
