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

/** A fresh uint32 from the platform CSPRNG, for the `random` query parameter. */
export const randomUint32 = (): number => crypto.getRandomValues(new Uint32Array(1))[0] ?? 0;

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
