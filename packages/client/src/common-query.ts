import type {
  CommonQueryParameter,
  CredentialQueryParameter,
} from './generated/query-parameters.gen.js';

/** The values behind the credential query parameters of one attempt. */
export interface QueryCredentials {
  sdkAppId: number;
  identifier: string;
  /** A secret: sent in the query, never logged. */
  userSig: string;
}

// Filled 256 at a time: one CSPRNG call per call was a measurable share of a
// small page's cost (`pnpm bench`, pagination cost). Each value is used once.
const randomPool = new Uint32Array(256);
let randomPoolNext = randomPool.length;

/** A fresh uint32 from the platform CSPRNG, for the `random` query parameter. */
export const randomUint32 = (): number => {
  if (randomPoolNext === randomPool.length) {
    crypto.getRandomValues(randomPool);
    randomPoolNext = 0;
  }
  const value = randomPool[randomPoolNext] as number;
  randomPool[randomPoolNext] = 0;
  randomPoolNext += 1;
  return value;
};

/**
 * The query string every call carries: the credentials (the spec's apiKey
 * security schemes), the call's `random` and `contenttype=json` (the parameters
 * marked `x-common-parameter`). Typed by the generated lists, so a parameter
 * added to the spec fails to compile here until it is given a value.
 */
export const commonQueryString = (credentials: QueryCredentials, random: number): string => {
  const values: Record<CredentialQueryParameter | CommonQueryParameter, string> = {
    sdkappid: String(credentials.sdkAppId),
    identifier: credentials.identifier,
    usersig: credentials.userSig,
    random: String(random),
    contenttype: 'json',
  };
  return new URLSearchParams(values).toString();
};
