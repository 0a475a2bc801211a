// Keeps the admin UserSig and the secret key out of every message, log line and
// error cause. None of the other server SDKs for this API redacts `usersig` from
// URLs (see the facts sheet's survey), which is how such secrets end up in logs.

const mask = '***';

// A UserSig is zlib data (first byte 0x78, hence base64 "e" then "A", "F", "J"
// or "N" by compression level) in TLSSigAPIv2's URL-safe base64 (`*`, `-`, `_`),
// and at least about 100 characters long. Masking that shape also catches a sig
// the client never held, such as one echoed in a gateway page.
const userSigShape = /\be[AFJN][A-Za-z0-9*_-]{60,}/g;
const userSigQuery = /(usersig=)[^&#\s"'<>]*/gi;

/** Replaces the given secrets, any `usersig=` value and anything shaped like a UserSig. */
export type Redactor = (text: string) => string;

/**
 * @param secrets returns the secrets to mask right now (the secret key, the
 *   current and previous UserSigs), read at each call because sigs are renewed
 */
export const createRedactor =
  (secrets: () => Iterable<string>): Redactor =>
  (text) => {
    let redacted = text.replace(userSigQuery, `$1${mask}`).replace(userSigShape, mask);
    for (const secret of secrets()) {
      if (secret !== '' && redacted.includes(secret)) redacted = redacted.replaceAll(secret, mask);
    }
    return redacted;
  };

/** The URL as it may be logged: `usersig=***`. */
export const redactUrl = (url: string): string => url.replace(userSigQuery, `$1${mask}`);

const maxCauseDepth = 5;

/**
 * A copy of an error (and its causes) with every string redacted, so a `cause`
 * from a custom `fetch` that printed the URL cannot leak the UserSig.
 */
export const redactCause = (cause: unknown, redact: Redactor, depth = 0): unknown => {
  if (!(cause instanceof Error)) {
    return typeof cause === 'string'
      ? redact(cause)
      : cause === undefined
        ? undefined
        : redact(String(cause));
  }
  const copy = new Error(redact(cause.message), {
    cause: depth < maxCauseDepth ? redactCause(cause.cause, redact, depth + 1) : undefined,
  });
  copy.name = cause.name;
  copy.stack = cause.stack === undefined ? undefined : redact(cause.stack);
  const code = (cause as { code?: unknown }).code;
  if (typeof code === 'string' || typeof code === 'number') Object.assign(copy, { code });
  return copy;
};
