/** The path and the raw (still percent-encoded) query string of a request. */
export interface RequestTarget {
  path: string;
  query: string;
}

// RFC 9112 section 3.2: a request target is a path (origin form) or, from a
// proxy, an absolute URL. The emulator compares the path byte for byte with the
// spec's, without resolving `..` or `//`, so no other spelling reaches the API.
const schemeAndAuthority = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]*/;

/**
 * Splits a request target into its path and query, or returns undefined for
 * one that is neither a path nor an absolute URL (`*`, `host:port`). Never
 * throws: `new URL` does on targets such as `//[`, and a throw in Node's
 * request listener would stop the server.
 */
export const readRequestTarget = (target: string): RequestTarget | undefined => {
  const authority = schemeAndAuthority.exec(target);
  const originForm = target.startsWith('/')
    ? target
    : authority
      ? target.slice(authority[0].length)
      : undefined;
  if (originForm === undefined) return undefined;
  const withoutFragment = originForm.split('#', 1)[0] as string;
  const queryStart = withoutFragment.indexOf('?');
  if (queryStart === -1) return { path: withoutFragment || '/', query: '' };
  return {
    path: withoutFragment.slice(0, queryStart) || '/',
    query: withoutFragment.slice(queryStart + 1),
  };
};
