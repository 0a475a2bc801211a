import { generateUserSig } from './generate-user-sig.js';
import {
  checkIdentifier,
  checkNonNegativeSafeInteger,
  checkPositiveSafeInteger,
  checkSecretString,
} from './validate-options.js';

export type UserSigProviderOptions = {
  /** The app's SDKAppID, a positive integer. */
  sdkAppId: number;
  /** The UserID the sigs are for (at most 32 UTF-8 bytes). */
  identifier: string;
} & (
  | {
      /** The app's secret key: the provider issues and renews sigs itself. */
      secretKey: string;
      userSig?: never;
    }
  | {
      /** A sig issued elsewhere: the provider hands it out and cannot renew it. */
      userSig: string;
      secretKey?: never;
    }
) & {
    /**
     * Lifetime of each issued sig, in seconds. Ignored with a fixed `userSig`.
     * @default 86400
     */
    expireSeconds?: number;
    /**
     * `current()` issues a new sig once fewer than this many seconds of the
     * cached one remain, so a sig never expires in flight. Must be less than
     * `expireSeconds`. Ignored with a fixed `userSig`.
     * @default 300
     */
    renewBeforeSeconds?: number;
    /**
     * The clock, in seconds since the Unix epoch (fractions allowed). For tests.
     * @default () => Date.now() / 1000
     */
    now?: () => number;
    /** Told of each sig the provider issues, before anyone else sees it (the redactor). */
    onIssue?: (userSig: string) => void;
  };

export interface UserSigProvider {
  /** True when the provider holds a secret key and can issue new sigs. */
  readonly canRenew: boolean;
  /** A sig that is valid for at least `renewBeforeSeconds` more (or the fixed sig). */
  current(): Promise<string>;
  /**
   * A freshly issued sig that replaces the cached one, e.g. after the server
   * rejected a sig. Issued in the same second it equals the previous one (the
   * sig is deterministic). Resolves to the fixed sig when `canRenew` is false.
   */
  renew(): Promise<string>;
}

const DEFAULT_EXPIRE_SECONDS = 86_400;
/** How long before expiry an issued sig is renewed by default: 5 minutes (README, createChatClient). */
export const USER_SIG_RENEW_BEFORE_SECONDS = 300;

/**
 * A source of UserSigs for one account. With `secretKey` it issues sigs,
 * caches them and renews them before they expire; concurrent callers share a
 * single generation. With `userSig` it returns that sig.
 *
 * The secret and the sigs live in closures, not on the returned object, so
 * logging or serializing the provider reveals neither.
 *
 * @example
 * const userSigs = createUserSigProvider({ sdkAppId, identifier: 'administrator', secretKey });
 * const userSig = await userSigs.current();
 */
export const createUserSigProvider = (options: UserSigProviderOptions): UserSigProvider => {
  const { sdkAppId, identifier, secretKey, userSig } = options;
  checkPositiveSafeInteger(sdkAppId, 'options.sdkAppId');
  checkIdentifier(identifier, 'options.identifier');
  if ((secretKey === undefined) === (userSig === undefined)) {
    throw new TypeError('options must have exactly one of secretKey and userSig');
  }

  if (userSig !== undefined) {
    checkSecretString(userSig, 'options.userSig');
    const fixed = async (): Promise<string> => userSig;
    return Object.freeze({ canRenew: false, current: fixed, renew: fixed });
  }

  const {
    expireSeconds = DEFAULT_EXPIRE_SECONDS,
    renewBeforeSeconds = USER_SIG_RENEW_BEFORE_SECONDS,
    now = () => Date.now() / 1000,
    onIssue,
  } = options;
  checkSecretString(secretKey, 'options.secretKey');
  checkPositiveSafeInteger(expireSeconds, 'options.expireSeconds');
  checkNonNegativeSafeInteger(renewBeforeSeconds, 'options.renewBeforeSeconds');
  if (renewBeforeSeconds >= expireSeconds) {
    // Otherwise every current() call would issue a new sig.
    throw new TypeError('options.renewBeforeSeconds must be less than options.expireSeconds');
  }
  if (typeof now !== 'function') {
    throw new TypeError('options.now must be a function');
  }

  let cached: { userSig: string; expiresAt: number } | undefined;
  let inFlight: Promise<string> | undefined;

  const generate = async (): Promise<string> => {
    const issuedAt = Math.floor(now());
    const fresh = await generateUserSig({
      sdkAppId,
      identifier,
      secretKey,
      expireSeconds,
      issuedAt,
    });
    onIssue?.(fresh);
    cached = { userSig: fresh, expiresAt: issuedAt + expireSeconds };
    return fresh;
  };

  // One generation at a time: callers arriving while one runs share it. A
  // failed generation is not cached, so the next call tries again.
  const issue = (): Promise<string> => {
    if (inFlight === undefined) {
      const pending = generate().finally(() => {
        inFlight = undefined;
      });
      inFlight = pending;
    }
    return inFlight;
  };

  const current = async (): Promise<string> => {
    // A generation in flight (maybe a renew() after a rejected sig) wins over
    // the cache.
    if (inFlight !== undefined) {
      return inFlight;
    }
    if (cached !== undefined && cached.expiresAt - now() >= renewBeforeSeconds) {
      return cached.userSig;
    }
    return issue();
  };

  return Object.freeze({ canRenew: true, current, renew: async () => issue() });
};
