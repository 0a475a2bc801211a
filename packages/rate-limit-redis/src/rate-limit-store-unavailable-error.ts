/** Why the store could not reserve a place. */
export type RateLimitStoreFailure = 'not-ready' | 'timeout' | 'command-failed';

/**
 * Thrown by the store (and so by the client's call, which is then not sent)
 * when Redis cannot reserve a place: the client is not connected, Redis did
 * not answer within `timeoutMs`, or the command failed. The call was not sent;
 * retry it later. `cause` holds the Redis client's error, if any.
 */
export class RateLimitStoreUnavailableError extends Error {
  override readonly name = 'RateLimitStoreUnavailableError';
  readonly failure: RateLimitStoreFailure;
  /** The rate-limit window's key (operation and SDKAppID). */
  readonly windowKey: string;

  constructor(
    failure: RateLimitStoreFailure,
    windowKey: string,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(
      `the Redis rate-limit store could not reserve a place for ${windowKey} (${detail}); the call was not sent`,
      options,
    );
    this.failure = failure;
    this.windowKey = windowKey;
  }
}
