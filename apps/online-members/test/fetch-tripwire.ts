/**
 * Replaces globalThis.fetch with one that records each call and rejects. The
 * client calls globalThis.fetch when it sends, not when it is created
 * (packages/client/README.md, option `fetch`), so a CLI run that should send
 * nothing (a usage error: README "Exit codes", 2) shows up here if it does, and
 * nothing ever reaches the network, whatever region a test names.
 */
export const installFetchTripwire = () => {
  const original = globalThis.fetch;
  const calls: string[] = [];
  globalThis.fetch = async (input: string | URL | Request) => {
    calls.push(input instanceof Request ? input.url : String(input));
    throw new TypeError('fetch tripwire: this run must not send anything');
  };
  return {
    /** How many requests were attempted so far. */
    count: () => calls.length,
    restore: () => {
      globalThis.fetch = original;
    },
  };
};

export type FetchTripwire = ReturnType<typeof installFetchTripwire>;
