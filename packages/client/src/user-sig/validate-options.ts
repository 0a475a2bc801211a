// Runtime checks of caller options, for JavaScript callers and values that
// pass the types (NaN, 1.5, ''). Messages name the option but never echo its
// value: a secret key passed in the wrong slot must not reach a log.

const utf8 = new TextEncoder();

/** Tencent Chat's documented UserID limit. */
export const MAX_IDENTIFIER_BYTES = 32;

// In a `u` regex a surrogate pair is one code point, so this matches only
// lone surrogates, which have no UTF-8 encoding.
const LONE_SURROGATE = /\p{Surrogate}/u;

export const checkPositiveSafeInteger = (value: unknown, name: string): void => {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0) {
    throw new TypeError(`${name} must be a positive safe integer`);
  }
};

export const checkNonNegativeSafeInteger = (value: unknown, name: string): void => {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new TypeError(`${name} must be a non-negative safe integer`);
  }
};

/** A UserID Tencent accepts: a non-empty, well-formed string of at most 32 UTF-8 bytes. */
export const isValidIdentifier = (value: unknown): value is string =>
  typeof value === 'string' &&
  value !== '' &&
  !LONE_SURROGATE.test(value) &&
  utf8.encode(value).byteLength <= MAX_IDENTIFIER_BYTES;

export const checkIdentifier = (value: unknown, name: string): void => {
  if (isValidIdentifier(value)) return;
  if (typeof value !== 'string' || value === '') {
    throw new TypeError(`${name} must be a non-empty string`);
  }
  if (LONE_SURROGATE.test(value)) {
    throw new TypeError(`${name} must be well-formed Unicode (it has a lone surrogate)`);
  }
  const bytes = utf8.encode(value).byteLength;
  if (bytes > MAX_IDENTIFIER_BYTES) {
    throw new TypeError(
      `${name} must be at most ${MAX_IDENTIFIER_BYTES} UTF-8 bytes (got ${bytes})`,
    );
  }
};

/** For the secret key and for UserSigs: checked for shape only, never quoted. */
export const checkSecretString = (value: unknown, name: string): void => {
  if (typeof value !== 'string' || value === '') {
    throw new TypeError(`${name} must be a non-empty string`);
  }
};
