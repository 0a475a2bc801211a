// The TLSSigAPIv2 document: what is signed, and the JSON that carries it.
// Both follow tls-sig-api-v2@1.0.2 (tencentyun/tls-sig-api-v2-node) exactly.

/** The only `TLS.ver` this module issues and accepts. */
export const TLS_SIG_VERSION = '2.0';

/** The signed fields of a UserSig, all times in whole seconds. */
export interface TlsSigFields {
  identifier: string;
  sdkAppId: number;
  /** `TLS.time`: when the sig was issued, seconds since the Unix epoch. */
  issuedAt: number;
  /** `TLS.expire`: lifetime in seconds, relative to `issuedAt`. */
  expireSeconds: number;
}

/**
 * The string the HMAC covers: one `key:value` line per field, each ending in
 * `\n` (the last one too), in this fixed order. Numbers are plain decimals.
 */
export const contentToSign = ({
  identifier,
  sdkAppId,
  issuedAt,
  expireSeconds,
}: TlsSigFields): string =>
  `TLS.identifier:${identifier}\nTLS.sdkappid:${sdkAppId}\nTLS.time:${issuedAt}\nTLS.expire:${expireSeconds}\n`;

/**
 * The JSON document that is deflated into the UserSig. The key order is the
 * official one (ver, identifier, sdkappid, time, expire, sig), so our output
 * inflates to the same bytes as the official library's. Numbers stay numbers.
 */
export const serializeTlsSigDocument = (fields: TlsSigFields, sig: string): string =>
  JSON.stringify({
    'TLS.ver': TLS_SIG_VERSION,
    'TLS.identifier': fields.identifier,
    'TLS.sdkappid': fields.sdkAppId,
    'TLS.time': fields.issuedAt,
    'TLS.expire': fields.expireSeconds,
    'TLS.sig': sig,
  });
