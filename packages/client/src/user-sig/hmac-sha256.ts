// HMAC-SHA256 with Web Crypto (`globalThis.crypto.subtle`), available in
// Node 20+, Bun, Deno and browsers. The key is the secret key's UTF-8 bytes,
// as in the official library (`crypto.createHmac('sha256', key)` with a string key).

const utf8 = new TextEncoder();

const importHmacKey = (secretKey: string, usage: 'sign' | 'verify'): Promise<CryptoKey> =>
  globalThis.crypto.subtle.importKey(
    'raw',
    utf8.encode(secretKey),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    [usage],
  );

/** HMAC-SHA256 of the UTF-8 bytes of `content`, keyed by the UTF-8 bytes of `secretKey`. */
export const hmacSha256 = async (
  secretKey: string,
  content: string,
): Promise<Uint8Array<ArrayBuffer>> => {
  const key = await importHmacKey(secretKey, 'sign');
  return new Uint8Array(await globalThis.crypto.subtle.sign('HMAC', key, utf8.encode(content)));
};

/**
 * Whether `signature` is the HMAC-SHA256 of `content`. Web Crypto's verify
 * compares in constant time natively (a JS loop gives no such guarantee under
 * a JIT), so a forger learns nothing from how long a rejection takes.
 */
export const verifyHmacSha256 = async (
  secretKey: string,
  content: string,
  signature: Uint8Array<ArrayBuffer>,
): Promise<boolean> => {
  const key = await importHmacKey(secretKey, 'verify');
  return globalThis.crypto.subtle.verify('HMAC', key, signature, utf8.encode(content));
};
