/** A call that has not settled by then hangs. */
export const SETTLE_LIMIT_MS = 2000;

export type Settled =
  | { status: 'fulfilled'; value: unknown }
  | { status: 'rejected'; reason: unknown }
  | { status: 'hung' };

/** How a promise settles within `limitMs` ('hung' if it does not); the timer never outlives it. */
export const settleWithin = async (
  promise: Promise<unknown>,
  limitMs = SETTLE_LIMIT_MS,
): Promise<Settled> => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hung = new Promise<Settled>((resolve) => {
    timer = setTimeout(() => resolve({ status: 'hung' }), limitMs);
  });
  try {
    return await Promise.race([
      promise.then(
        (value): Settled => ({ status: 'fulfilled', value }),
        (reason): Settled => ({ status: 'rejected', reason }),
      ),
      hung,
    ]);
  } finally {
    clearTimeout(timer);
  }
};
