import { generateUserSig } from '@avchatroom/client';

import { apiPath } from '../../src/spec-facts.js';

export interface CallCredentials {
  sdkAppId: number;
  identifier: string;
  secretKey: string;
}

/** A UserSig for `credentials`, issued `issuedAgoSeconds` before `nowMs`. */
export const userSigFor = (
  credentials: CallCredentials,
  nowMs: number,
  { expireSeconds = 86_400, issuedAgoSeconds = 0 } = {},
): Promise<string> =>
  generateUserSig({
    ...credentials,
    expireSeconds,
    issuedAt: Math.floor(nowMs / 1000) - issuedAgoSeconds,
  });

/** The five query parameters of a call; `undefined` values are left out. */
export const callQuery = (params: Record<string, string | number | undefined>): string =>
  new URLSearchParams(
    Object.entries(params)
      .filter(([, value]) => value !== undefined)
      .map(([name, value]) => [name, String(value)]),
  ).toString();

export interface RawAnswer {
  status: number;
  contentType: string;
  /** Prism's `sl-violations` header, parsed (lenient proxy only). */
  violations: { location: string[]; code: string | number; message: string }[];
  text: string;
  json: () => Record<string, unknown>;
}

/** POSTs a raw body to an operation's path (get_members by default) at `baseUrl`, with a time limit. */
export const postRaw = async (
  baseUrl: string,
  query: string,
  body: string,
  path = apiPath,
): Promise<RawAnswer> => {
  const response = await fetch(`${baseUrl}${path}?${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  const header = response.headers.get('sl-violations');
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    violations: header ? JSON.parse(header) : [],
    text,
    json: () => JSON.parse(text),
  };
};
