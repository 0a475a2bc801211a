import type {
  CommonQueryParameter,
  CredentialQueryParameter,
} from './generated/query-parameters.gen.js';

/**
 * The admin credentials every Chat REST call carries in its query string
 * (the spec's `sdkappid`, `identifier` and `usersig` security schemes).
 */
export interface ChatCredentials {
  /** The app's SDKAppID, a positive integer. */
  sdkAppId: number;
  /** UserID of an App admin account. */
  identifier: string;
  /** The admin's UserSig. A secret: it is sent in the query and never logged. */
  userSig: string;
}

/** A fresh uint32 from the platform CSPRNG, for the `random` query parameter. */
export const randomUint32 = (): number => crypto.getRandomValues(new Uint32Array(1))[0] ?? 0;

const checkCredentials = ({ sdkAppId, identifier, userSig }: ChatCredentials): void => {
  if (!Number.isSafeInteger(sdkAppId) || sdkAppId <= 0) {
    throw new TypeError('credentials.sdkAppId must be a positive integer');
  }
  if (typeof identifier !== 'string' || identifier === '') {
    throw new TypeError('credentials.identifier must be a non-empty string');
  }
  if (typeof userSig !== 'string' || userSig === '') {
    throw new TypeError('credentials.userSig must be a non-empty string');
  }
};

/**
 * Wraps `fetch` so every request carries the five common query parameters:
 * the credentials, a fresh `random` and `contenttype=json` (spec: the security
 * schemes and the parameters marked `x-common-parameter`). Both client styles
 * take the result as their `fetch`, which keeps this policy in one place.
 *
 * @example
 * const client = createClient({ baseUrl, fetch: withCommonQuery(credentials) });
 */
export const withCommonQuery = (
  credentials: ChatCredentials,
  baseFetch: typeof fetch = globalThis.fetch,
): typeof fetch => {
  checkCredentials(credentials);
  // Typed by the generated lists: a parameter added to the spec fails to
  // compile here until it is given a value.
  const credentialValues: Record<CredentialQueryParameter, string> = {
    sdkappid: String(credentials.sdkAppId),
    identifier: credentials.identifier,
    usersig: credentials.userSig,
  };
  const commonValues: Record<CommonQueryParameter, () => string> = {
    random: () => String(randomUint32()),
    contenttype: () => 'json',
  };
  return (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    for (const [name, value] of Object.entries(credentialValues)) url.searchParams.set(name, value);
    for (const [name, value] of Object.entries(commonValues)) url.searchParams.set(name, value());
    return baseFetch(new Request(url, request));
  };
};
