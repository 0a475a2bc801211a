// Base64 codecs for UserSigs. TLSSigAPIv2 uses its own URL-safe flavour of
// standard (padded) base64: `+` -> `*`, `/` -> `-`, `=` -> `_`. It is not
// RFC 4648 base64url (there `-` stands for `+` and `_` for `/`), so a stock
// base64url codec would silently corrupt a UserSig.

// Strict alphabets: `atob` alone would also accept ASCII whitespace, and we
// want exactly one spelling of each UserSig to pass.
const STANDARD_BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const TLS_BASE64 = /^[A-Za-z0-9*-]*_{0,2}$/;

/** Standard base64 with padding, as Node's `Buffer#toString('base64')` writes it. */
export const encodeBase64 = (bytes: Uint8Array): string => {
  // btoa takes a "binary string" (one char per byte); built byte by byte so
  // no spread argument list can overflow the stack.
  let binary = '';
  for (const byte of bytes) {
    binary += String.fromCharCode(byte);
  }
  return btoa(binary);
};

/** Decodes standard base64; `undefined` for anything that is not base64. */
export const decodeBase64 = (text: string): Uint8Array<ArrayBuffer> | undefined => {
  if (!STANDARD_BASE64.test(text)) {
    return undefined;
  }
  let binary: string;
  try {
    // Still throws on a bad length or misplaced padding.
    binary = atob(text);
  } catch {
    return undefined;
  }
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) {
    bytes[index] = binary.charCodeAt(index);
  }
  return bytes;
};

/** TLSSigAPIv2's URL-safe base64: standard base64, then `+/=` -> `*-_`. */
export const encodeTlsBase64 = (bytes: Uint8Array): string =>
  encodeBase64(bytes).replaceAll('+', '*').replaceAll('/', '-').replaceAll('=', '_');

/** Decodes TLSSigAPIv2's URL-safe base64; `undefined` for anything else. */
export const decodeTlsBase64 = (text: string): Uint8Array<ArrayBuffer> | undefined => {
  // Checked before mapping back, so a `+`, `/` or `=` in the input (a sig
  // that was never escaped) is rejected instead of being decoded.
  if (!TLS_BASE64.test(text)) {
    return undefined;
  }
  return decodeBase64(text.replaceAll('*', '+').replaceAll('-', '/').replaceAll('_', '='));
};
