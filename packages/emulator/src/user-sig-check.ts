import { createHmac, timingSafeEqual } from 'node:crypto';
import { inflateSync } from 'node:zlib';

// TLSSigAPIv2 verification, written from the algorithm in the project's facts
// sheet ("UserSig (TLSSigAPIv2)") with node:crypto and node:zlib, independently
// of @avchatroom/client, so the client's signer is checked by a second
// implementation rather than by itself.

/** Why a UserSig is refused, with the public error code the API answers. */
export type UserSigRefusal =
  | { code: 70003; reason: 'unreadable' }
  | { code: 70014; reason: 'sdkAppIdMismatch' }
  | { code: 70013; reason: 'identifierMismatch' }
  | { code: 70009; reason: 'badSignature' }
  | { code: 70001; reason: 'expired' };

interface SigDocument {
  'TLS.ver'?: unknown;
  'TLS.identifier'?: unknown;
  'TLS.sdkappid'?: unknown;
  'TLS.time'?: unknown;
  'TLS.expire'?: unknown;
  'TLS.sig'?: unknown;
  'TLS.userbuf'?: unknown;
}

// The same caps as the client's verifier (MAX_USER_SIG_LENGTH, MAX_INFLATED_BYTES
// in @avchatroom/client): a real UserSig is a few hundred characters of about
// 200 bytes of JSON, and a deflate bomb must cost no more than a real sig.
/** The longest UserSig string the emulator decodes. */
export const maxUserSigLength = 8 * 1024;
/** The most bytes a UserSig may inflate to; zlib stops there. */
export const maxInflatedUserSigBytes = 16 * 1024;

const readSigDocument = (userSig: string): SigDocument | undefined => {
  if (userSig.length > maxUserSigLength) return undefined;
  try {
    const base64 = userSig.replaceAll('*', '+').replaceAll('-', '/').replaceAll('_', '=');
    const compressed = Buffer.from(base64, 'base64');
    // Past maxOutputLength inflateSync throws a RangeError instead of inflating on.
    const inflated = inflateSync(compressed, { maxOutputLength: maxInflatedUserSigBytes });
    const document = JSON.parse(inflated.toString('utf8'));
    return typeof document === 'object' && document !== null ? document : undefined;
  } catch {
    return undefined;
  }
};

const expectedSignature = (document: SigDocument, secretKey: string): Buffer => {
  let content = `TLS.identifier:${document['TLS.identifier']}\nTLS.sdkappid:${document['TLS.sdkappid']}\n`;
  content += `TLS.time:${document['TLS.time']}\nTLS.expire:${document['TLS.expire']}\n`;
  if (typeof document['TLS.userbuf'] === 'string')
    content += `TLS.userbuf:${document['TLS.userbuf']}\n`;
  return createHmac('sha256', Buffer.from(secretKey, 'utf8')).update(content, 'utf8').digest();
};

export interface UserSigCheck {
  userSig: string;
  sdkAppId: number;
  identifier: string;
  secretKey: string;
  /** Seconds since the epoch. */
  nowSeconds: number;
}

/** Checks a UserSig; returns why it is refused, or undefined when it is good. */
export const checkUserSig = (check: UserSigCheck): UserSigRefusal | undefined => {
  const document = readSigDocument(check.userSig);
  const time = document?.['TLS.time'];
  const expire = document?.['TLS.expire'];
  const sig = document?.['TLS.sig'];
  if (
    document?.['TLS.ver'] !== '2.0' ||
    typeof document['TLS.identifier'] !== 'string' ||
    !Number.isSafeInteger(document['TLS.sdkappid']) ||
    !Number.isSafeInteger(time) ||
    !Number.isSafeInteger(expire) ||
    typeof sig !== 'string'
  ) {
    return { code: 70003, reason: 'unreadable' };
  }
  if (document['TLS.sdkappid'] !== check.sdkAppId)
    return { code: 70014, reason: 'sdkAppIdMismatch' };
  if (document['TLS.identifier'] !== check.identifier)
    return { code: 70013, reason: 'identifierMismatch' };
  const expected = expectedSignature(document, check.secretKey);
  const given = Buffer.from(sig, 'base64');
  // Node's base64 decoder skips what follows the padding and ignores unused low
  // bits, so only a canonical encoding of the right bytes counts as the signature.
  if (
    given.length !== expected.length ||
    given.toString('base64') !== sig ||
    !timingSafeEqual(given, expected)
  ) {
    return { code: 70009, reason: 'badSignature' };
  }
  if (check.nowSeconds > (time as number) + (expire as number))
    return { code: 70001, reason: 'expired' };
  return undefined;
};
