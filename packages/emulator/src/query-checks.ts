import { ApiFailure } from './api-answer.js';

/** The five query parameters of every REST call (REST API overview). */
export interface CallQuery {
  sdkAppId: number;
  identifier: string;
  userSig: string;
  random: number;
}

const uint32 = /^(0|[1-9]\d{0,9})$/;

const single = (params: URLSearchParams, name: string): string | undefined => {
  const values = params.getAll(name);
  // A parameter given twice is ambiguous: the emulator refuses it rather than guess.
  if (values.length > 1)
    throw new ApiFailure(60002, `query parameter ${name} is given ${values.length} times`);
  return values[0];
};

/**
 * Reads a raw query string. A malformed percent-escape (`%zz`, `%`) or escapes
 * whose bytes are not UTF-8 (`%ff`, overlong forms, surrogates) get 60002 (HTTP
 * parse error, check the request URL): URLSearchParams would keep the first as
 * text and turn the second into U+FFFD, and a UserSig or identifier so mangled
 * would get a misleading 70003 or 70013.
 */
export const readQueryString = (query: string): URLSearchParams => {
  try {
    decodeURIComponent(query);
  } catch {
    throw new ApiFailure(60002, 'the query string is not percent-encoded UTF-8');
  }
  return new URLSearchParams(query);
};

/**
 * Reads the query parameters, answering with the public error codes of the REST
 * API overview. The docs do not say which code each missing or malformed
 * parameter gets; the emulator's choice is the code whose meaning names it:
 * - sdkappid missing: 60012 (SDKAppID required); not a positive 32-bit integer: 60006;
 * - identifier missing: 60004 (incorrect account or signature in the URL);
 * - usersig missing: 70002 (UserSig empty);
 * - random not a 32-bit unsigned integer, contenttype not `json`, or any of the
 *   five given twice: 60002 (HTTP parse error, check the request URL).
 */
export const readCallQuery = (params: URLSearchParams): CallQuery => {
  const sdkAppIdText = single(params, 'sdkappid');
  const identifier = single(params, 'identifier');
  const userSig = single(params, 'usersig');
  const randomText = single(params, 'random');
  const contentType = single(params, 'contenttype');
  if (sdkAppIdText === undefined || sdkAppIdText === '')
    throw new ApiFailure(60012, 'sdkappid is missing');
  const sdkAppId = Number(sdkAppIdText);
  if (!uint32.test(sdkAppIdText) || sdkAppId < 1 || sdkAppId > 0xffffffff) {
    throw new ApiFailure(60006, 'sdkappid must be a positive 32-bit integer');
  }
  if (identifier === undefined || identifier === '')
    throw new ApiFailure(60004, 'identifier is missing');
  if (userSig === undefined || userSig === '') throw new ApiFailure(70002, 'usersig is missing');
  const random = Number(randomText);
  if (randomText === undefined || !uint32.test(randomText) || random > 0xffffffff) {
    throw new ApiFailure(60002, 'random must be an integer from 0 to 4294967295');
  }
  if (contentType !== 'json') throw new ApiFailure(60002, 'contenttype must be json');
  return { sdkAppId, identifier, userSig, random };
};
