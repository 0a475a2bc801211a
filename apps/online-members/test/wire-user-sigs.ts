/**
 * Wraps globalThis.fetch to note the `usersig` query parameter of every request
 * the app sends (packages/client/README.md "Request": the query carries it),
 * then sends the request unchanged. The client calls globalThis.fetch at send
 * time, so this sees the UserSigs it issued from a secret key, which no test
 * could know otherwise, and every attempt, even to a closed port.
 */
export const recordWireUserSigs = () => {
  const original = globalThis.fetch;
  const userSigs = new Set<string>();
  let requests = 0;
  globalThis.fetch = (input: string | URL | Request, init?: RequestInit) => {
    requests++;
    const url = new URL(input instanceof Request ? input.url : String(input));
    const userSig = url.searchParams.get('usersig');
    if (userSig !== null && userSig !== '') userSigs.add(userSig);
    return original(input, init);
  };
  return {
    userSigs,
    requests: () => requests,
    restore: () => {
      globalThis.fetch = original;
    },
  };
};
