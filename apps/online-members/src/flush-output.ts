/**
 * Resolves when everything written to the streams so far has been handed to
 * the OS: a write's callback runs after the writes before it, so an empty
 * write's callback marks the end. An error (a closed pipe) resolves too.
 */
export const flushOutput = (streams: readonly NodeJS.WritableStream[]): Promise<void> =>
  Promise.all(
    streams.map((stream) => new Promise<void>((resolve) => stream.write('', () => resolve()))),
  ).then(() => undefined);
