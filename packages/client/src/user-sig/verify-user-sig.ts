import { verifyHmacSha256 } from './hmac-sha256.js';
import { decodeBase64, decodeTlsBase64 } from './tls-base64.js';
import { contentToSign, TLS_SIG_VERSION, type TlsSigFields } from './tls-sig-document.js';
import { checkPositiveSafeInteger, checkSecretString } from './validate-options.js';
import { inflateCapped } from './zlib-stream.js';

/**
 * Longest UserSig string we try to decode. Real ones are a few hundred
 * characters; the cap keeps base64 decoding of hostile input cheap.
 */
export const MAX_USER_SIG_LENGTH = 8 * 1024;

/** Most bytes a UserSig may inflate to; its JSON is about 200 bytes. */
export const MAX_INFLATED_BYTES = 16 * 1024;

/** Why a UserSig was rejected. */
export type UserSigInvalidReason =
  /** Not a TLSSigAPIv2 UserSig at all: wrong type, encoding, compression, JSON or field types. */
  | 'malformed'
  /** A well-formed document this module cannot check: not `TLS.ver` 2.0, or a PrivateMapKey (`TLS.userbuf`). */
  | 'unsupported-version'
  /** Issued for another app. */
  | 'sdkappid-mismatch'
  /** The signature does not match the fields under this secret key: forged, tampered or another key. */
  | 'bad-signature'
  /** Signed correctly but past its expiry. */
  | 'expired';

export type UserSigVerification =
  | {
      valid: true;
      identifier: string;
      sdkAppId: number;
      /** `TLS.time`, in seconds since the Unix epoch. */
      issuedAt: number;
      /** `TLS.time + TLS.expire`, in seconds since the Unix epoch; still valid at this second. */
      expiresAt: number;
    }
  | { valid: false; reason: UserSigInvalidReason };

export interface VerifyUserSigOptions {
  /** The SDKAppID the sig must have been issued for. */
  sdkAppId: number;
  /** The app's secret key. Never logged. */
  secretKey: string;
  /**
   * The current time in seconds since the Unix epoch (fractions allowed).
   * @default Date.now() / 1000
   */
  now?: number;
}

type Parsed =
  | { ok: true; fields: TlsSigFields; sig: string }
  | { ok: false; reason: 'malformed' | 'unsupported-version' };

const MALFORMED = { ok: false, reason: 'malformed' } as const;
const UNSUPPORTED = { ok: false, reason: 'unsupported-version' } as const;

// fatal: a sig whose JSON is not valid UTF-8 is malformed, not silently repaired.
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isNonNegativeSafeInteger = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

const decodeDocument = async (userSig: unknown): Promise<Record<string, unknown> | undefined> => {
  if (typeof userSig !== 'string' || userSig === '' || userSig.length > MAX_USER_SIG_LENGTH) {
    return undefined;
  }
  const compressed = decodeTlsBase64(userSig);
  if (compressed === undefined) {
    return undefined;
  }
  const json = await inflateCapped(compressed, MAX_INFLATED_BYTES);
  if (json === undefined) {
    return undefined;
  }
  try {
    const document: unknown = JSON.parse(strictUtf8.decode(json));
    return isRecord(document) ? document : undefined;
  } catch {
    return undefined;
  }
};

const readFields = (document: Record<string, unknown>): Parsed => {
  const version = document['TLS.ver'];
  if (version !== TLS_SIG_VERSION) {
    // A string version, or TLSSigAPI v1's `TLS.version`, marks a real sig of
    // another version; anything else is just not a sig.
    return typeof version === 'string' || typeof document['TLS.version'] === 'string'
      ? UNSUPPORTED
      : MALFORMED;
  }
  // A PrivateMapKey also signs `TLS.userbuf`; it is not a UserSig, and
  // reporting it as a bad signature would mislead.
  if ('TLS.userbuf' in document) {
    return UNSUPPORTED;
  }
  const identifier = document['TLS.identifier'];
  const sdkAppId = document['TLS.sdkappid'];
  const issuedAt = document['TLS.time'];
  const expireSeconds = document['TLS.expire'];
  const sig = document['TLS.sig'];
  if (
    typeof identifier !== 'string' ||
    identifier === '' ||
    !isNonNegativeSafeInteger(sdkAppId) ||
    sdkAppId === 0 ||
    !isNonNegativeSafeInteger(issuedAt) ||
    !isNonNegativeSafeInteger(expireSeconds) ||
    typeof sig !== 'string'
  ) {
    return MALFORMED;
  }
  return { ok: true, fields: { identifier, sdkAppId, issuedAt, expireSeconds }, sig };
};

const parseUserSig = async (userSig: unknown): Promise<Parsed> => {
  try {
    const document = await decodeDocument(userSig);
    return document === undefined ? MALFORMED : readFields(document);
  } catch {
    // Belt and braces: whatever the input, verification resolves, never rejects.
    return MALFORMED;
  }
};

/**
 * Checks a TLSSigAPIv2 UserSig: its format, the app, the HMAC under
 * `secretKey`, then its expiry, and reports the first failure. Resolves for
 * every `userSig` value, whatever its type or size; only invalid `options`
 * reject (with a `TypeError` naming the option).
 *
 * @example
 * const result = await verifyUserSig(userSig, { sdkAppId, secretKey });
 * if (result.valid) console.log(result.identifier, new Date(result.expiresAt * 1000));
 */
export const verifyUserSig = async (
  userSig: unknown,
  options: VerifyUserSigOptions,
): Promise<UserSigVerification> => {
  const { sdkAppId, secretKey, now = Date.now() / 1000 } = options;
  checkPositiveSafeInteger(sdkAppId, 'options.sdkAppId');
  checkSecretString(secretKey, 'options.secretKey');
  if (typeof now !== 'number' || !Number.isFinite(now)) {
    throw new TypeError('options.now must be a finite number of seconds');
  }

  const parsed = await parseUserSig(userSig);
  if (!parsed.ok) {
    return { valid: false, reason: parsed.reason };
  }
  const { fields, sig } = parsed;
  if (fields.sdkAppId !== sdkAppId) {
    return { valid: false, reason: 'sdkappid-mismatch' };
  }
  const signature = decodeBase64(sig);
  if (
    signature === undefined ||
    !(await verifyHmacSha256(secretKey, contentToSign(fields), signature))
  ) {
    return { valid: false, reason: 'bad-signature' };
  }
  // Checked last, so an expired sig is only reported as such once it is known
  // to be genuine.
  const expiresAt = fields.issuedAt + fields.expireSeconds;
  if (now > expiresAt) {
    return { valid: false, reason: 'expired' };
  }
  return {
    valid: true,
    identifier: fields.identifier,
    sdkAppId: fields.sdkAppId,
    issuedAt: fields.issuedAt,
    expiresAt,
  };
};
