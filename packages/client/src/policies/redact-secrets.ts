// Keeps the admin UserSig and the secret key out of every message, log line and
// error cause. None of the other server SDKs for this API redacts `usersig` from
// URLs (see the facts sheet's survey), which is how such secrets end up in logs.
//
// What is masked, in the text as given and in its percent-decoded and
// form-decoded readings (a URL quoted by a fetch error or echoed by a gateway
// page arrives encoded):
// - every secret the client holds or has held: the secret key, the configured
//   UserSig and each UserSig it issued (the newest `maxIssuedSecrets`), whole,
//   and any fragment of one at least `secretFragmentLength` characters long;
// - the value of any `usersig=` query parameter;
// - anything shaped like a UserSig, held or not (e.g. another app's).

const mask = '***';

/** A piece of a held secret this long or longer is masked wherever it appears. */
export const secretFragmentLength = 16;

/** Issued UserSigs remembered for masking; the oldest are forgotten first. */
export const maxIssuedSecrets = 64;

// A UserSig is zlib data (first byte 0x78, hence base64 "e" then "A", "F", "J"
// or "N" by compression level) in TLSSigAPIv2's URL-safe base64 (`*`, `-`, `_`),
// and at least about 100 characters long.
const userSigShape = /\be[AFJN][A-Za-z0-9*_-]{60,}/g;
const userSigQuery = /usersig=([^&#\s"'<>]*)/gi;

/** Replaces the secrets, any `usersig=` value and anything shaped like a UserSig. */
export type Redactor = (text: string) => string;

/** A redactor that can be told of new secrets, e.g. each UserSig the client issues. */
export interface SecretRedactor extends Redactor {
  /** Masks this secret from now on. */
  hold(secret: string): void;
}

/** A reading of a text: `origin[i]` is where its character i starts in the text as given. */
interface Reading {
  text: string;
  origin: number[] | undefined;
}

const hexPair = /^[0-9A-Fa-f]{2}$/;

/** The text with `%XX` decoded (byte by byte) and, for form encoding, `+` as a space. */
const decodedReading = (text: string, plusIsSpace: boolean): Reading | undefined => {
  if (!text.includes('%') && !(plusIsSpace && text.includes('+'))) return undefined;
  let decoded = '';
  const origin: number[] = [];
  for (let index = 0; index < text.length; ) {
    origin.push(index);
    const char = text[index] as string;
    const hex = text.slice(index + 1, index + 3);
    if (char === '%' && hexPair.test(hex)) {
      decoded += String.fromCharCode(Number.parseInt(hex, 16));
      index += 3;
    } else {
      decoded += plusIsSpace && char === '+' ? ' ' : char;
      index += 1;
    }
  }
  origin.push(text.length);
  return { text: decoded, origin };
};

type Range = [start: number, end: number];

const patternRanges = (text: string, pattern: RegExp, group: 0 | 1): Range[] => {
  const ranges: Range[] = [];
  for (const match of text.matchAll(pattern)) {
    const value = match[group] ?? '';
    const start = (match.index ?? 0) + match[0].length - value.length;
    if (value.length > 0) ranges.push([start, start + value.length]);
  }
  return ranges;
};

const occurrenceRanges = (text: string, secret: string): Range[] => {
  const ranges: Range[] = [];
  for (let at = text.indexOf(secret); at !== -1; at = text.indexOf(secret, at + 1)) {
    ranges.push([at, at + secret.length]);
  }
  return ranges;
};

/** Ranges of the text whose every window of `secretFragmentLength` is a piece of a secret. */
const fragmentRanges = (text: string, fragments: ReadonlySet<string>): Range[] => {
  const ranges: Range[] = [];
  for (let start = 0; start + secretFragmentLength <= text.length; start += 1) {
    if (fragments.has(text.slice(start, start + secretFragmentLength))) {
      ranges.push([start, start + secretFragmentLength]);
    }
  }
  return ranges;
};

const maskRanges = (text: string, ranges: Range[]): string => {
  if (ranges.length === 0) return text;
  ranges.sort((a, b) => a[0] - b[0]);
  let result = '';
  let copiedUpTo = 0;
  let current: Range | undefined;
  const flush = (range: Range) => {
    result += `${text.slice(copiedUpTo, range[0])}${mask}`;
    copiedUpTo = range[1];
  };
  for (const [start, end] of ranges) {
    if (current !== undefined && start <= current[1]) {
      current[1] = Math.max(current[1], end);
      continue;
    }
    if (current !== undefined) flush(current);
    current = [start, end];
  }
  if (current !== undefined) flush(current);
  return result + text.slice(copiedUpTo);
};

/**
 * @param secrets the secrets known from the start (the secret key, a
 *   configured UserSig); more are added with `hold`
 */
export const createRedactor = (secrets: Iterable<string>): SecretRedactor => {
  const configured = [...secrets].filter((secret) => secret !== '');
  const issued: string[] = [];
  let short: string[] = [];
  let fragments = new Set<string>();

  // Secrets shorter than a fragment are matched whole; longer ones by their fragments.
  const rebuild = () => {
    const all = [...configured, ...issued];
    short = all.filter((secret) => secret.length < secretFragmentLength);
    fragments = new Set();
    for (const secret of all) {
      for (let start = 0; start + secretFragmentLength <= secret.length; start += 1) {
        fragments.add(secret.slice(start, start + secretFragmentLength));
      }
    }
  };
  rebuild();

  const rangesIn = (text: string): Range[] => [
    ...patternRanges(text, userSigQuery, 1),
    ...patternRanges(text, userSigShape, 0),
    ...short.flatMap((secret) => occurrenceRanges(text, secret)),
    ...(fragments.size > 0 ? fragmentRanges(text, fragments) : []),
  ];

  const redact = (text: string): string => {
    const ranges = rangesIn(text);
    for (const plusIsSpace of [false, true]) {
      const reading = decodedReading(text, plusIsSpace);
      if (reading === undefined) continue;
      const origin = reading.origin as number[];
      for (const [start, end] of rangesIn(reading.text)) {
        ranges.push([origin[start] as number, origin[end] as number]);
      }
    }
    return maskRanges(text, ranges);
  };

  const hold = (secret: string) => {
    if (secret === '' || configured.includes(secret) || issued.includes(secret)) return;
    issued.push(secret);
    if (issued.length > maxIssuedSecrets) issued.shift();
    rebuild();
  };

  return Object.assign(redact, { hold });
};

const userSigParameter = /(usersig=)[^&#\s"'<>]*/gi;

/** The URL as it may be logged: `usersig=***`. */
export const redactUrl = (url: string): string => url.replace(userSigParameter, `$1${mask}`);

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
