import { hmacSha256 } from './hmac-sha256.js';
import { encodeBase64, encodeTlsBase64 } from './tls-base64.js';
import { contentToSign, serializeTlsSigDocument, type TlsSigFields } from './tls-sig-document.js';
import {
  checkIdentifier,
  checkNonNegativeSafeInteger,
  checkPositiveSafeInteger,
  checkSecretString,
} from './validate-options.js';
import { deflate } from './zlib-stream.js';

const utf8 = new TextEncoder();

export interface GenerateUserSigOptions {
  /** The app's SDKAppID from the Chat console, a positive integer. */
  sdkAppId: number;
  /** The UserID the sig is issued to: a non-empty string of at most 32 UTF-8 bytes. */
  identifier: string;
  /** The app's secret key from the Chat console. It signs the sig and is never logged. */
  secretKey: string;
  /** How long the sig is valid, in seconds from `issuedAt` (86400 is one day). */
  expireSeconds: number;
  /**
   * When the sig is issued, in whole seconds since the Unix epoch. Pass it to
   * get a reproducible sig (the output is a pure function of the options).
   * @default Math.floor(Date.now() / 1000)
   */
  issuedAt?: number;
}

/**
 * Issues a TLSSigAPIv2 UserSig: the same signed JSON document, byte for
 * byte, that Tencent's `tls-sig-api-v2` `genUserSig` deflates for the same
 * inputs at the same second. On Node the whole string is identical too; other
 * runtimes' deflate may choose different, equally valid, compressed bytes.
 *
 * Rejects with a `TypeError` naming the option when an option is invalid.
 *
 * @example
 * const userSig = await generateUserSig({ sdkAppId, identifier: 'administrator', secretKey, expireSeconds: 86400 });
 */
export const generateUserSig = async (options: GenerateUserSigOptions): Promise<string> => {
  const {
    sdkAppId,
    identifier,
    secretKey,
    expireSeconds,
    issuedAt = Math.floor(Date.now() / 1000),
  } = options;
  checkPositiveSafeInteger(sdkAppId, 'options.sdkAppId');
  checkIdentifier(identifier, 'options.identifier');
  checkSecretString(secretKey, 'options.secretKey');
  checkPositiveSafeInteger(expireSeconds, 'options.expireSeconds');
  checkNonNegativeSafeInteger(issuedAt, 'options.issuedAt');

  const fields: TlsSigFields = { identifier, sdkAppId, issuedAt, expireSeconds };
  const sig = encodeBase64(await hmacSha256(secretKey, contentToSign(fields)));
  const compressed = await deflate(utf8.encode(serializeTlsSigDocument(fields, sig)));
  return encodeTlsBase64(compressed);
};
