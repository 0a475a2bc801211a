// Looks for secrets in everything a scenario printed. The client README
// ("Secrets") promises the UserSig and the secret key never appear in an error
// (message, stack, cause, JSON.stringify, util.inspect) or a log line.
import { inspect } from 'node:util';

/** Every character as %XX (lower-case hex), as some gateways and HTTP stacks quote a URL. */
export const percentEncodeAll = (text: string): string =>
  [...text].map((char) => `%${char.charCodeAt(0).toString(16).padStart(2, '0')}`).join('');

/**
 * A secret as it may show up in text: raw, in a URL (encoded as usual, or every
 * character, in either case of hex), form-encoded, in JSON, or cut short in an
 * excerpt.
 */
export const secretForms = (secret: string): string[] => {
  const forms = [
    secret,
    encodeURIComponent(secret),
    percentEncodeAll(secret),
    percentEncodeAll(secret).toUpperCase(),
    new URLSearchParams({ s: secret }).toString().slice(2),
    JSON.stringify(secret).slice(1, -1),
  ];
  // A body excerpt is cut at 200 characters (client README, ChatHttpError), so a
  // long secret could leak in part: its middle 24 characters stand for it.
  if (secret.length >= 48) {
    const start = Math.floor(secret.length / 2) - 12;
    forms.push(secret.slice(start, start + 24));
  }
  return [...new Set(forms)];
};

const maxCauseDepth = 10;

/** Every printable form of an error: message, stack, causes, String, JSON, util.inspect. */
export const errorStrings = (error: unknown): string[] => {
  const strings = [
    String(error),
    JSON.stringify(error) ?? '',
    inspect(error, { depth: Infinity, showHidden: true }),
  ];
  let current: unknown = error;
  for (let depth = 0; depth < maxCauseDepth && current !== undefined; depth++) {
    if (current instanceof Error) {
      strings.push(current.message, current.stack ?? '');
      current = current.cause;
    } else {
      strings.push(String(current));
      current = undefined;
    }
  }
  return strings;
};

export interface SecretLeak {
  /** Which captured string (its index) held a secret. */
  where: number;
  /** The first characters of the secret, enough to tell which one. */
  secretStart: string;
}

/** Every (string, secret) pair where some form of the secret appears. */
export const findLeaks = (
  captured: readonly string[],
  secrets: readonly string[],
): SecretLeak[] => {
  const leaks: SecretLeak[] = [];
  for (const secret of new Set(secrets)) {
    const forms = secretForms(secret);
    captured.forEach((text, where) => {
      if (forms.some((form) => text.includes(form)))
        leaks.push({ where, secretStart: secret.slice(0, 6) });
    });
  }
  return leaks;
};

/** Counts scenarios and strings across a test file, for its summary line. */
export class LeakLedger {
  scenarios = 0;
  strings = 0;
  leaks = 0;

  constructor(private readonly label: string) {}

  /** Checks one scenario's captured strings; returns the leaks found. */
  check(captured: readonly string[], secrets: readonly string[]): SecretLeak[] {
    const leaks = findLeaks(captured, secrets);
    this.scenarios += 1;
    this.strings += captured.length;
    this.leaks += leaks.length;
    return leaks;
  }

  summary(): string {
    return `secrets sentinel (${this.label}): ${this.scenarios} scenarios, ${this.strings} strings checked, ${this.leaks} leaks`;
  }
}
