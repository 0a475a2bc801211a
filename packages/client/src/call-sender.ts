// The one place where a call is sent: credentials, request id, rate limit,
// timeout, retries, typed errors and redaction. Both client styles go through it
// (createChatClient directly, the generated SDK and openapi-fetch through
// createChatFetch), so each policy exists once.
import { commonQueryString, randomUint32 } from './common-query.js';
import type { ChatError, ChatFieldIssue } from './errors/chat-error.js';
import { ChatConnectionError, ChatHttpError, ChatTimeoutError } from './errors/chat-errors.js';
import { type ChatOperationId, chatOperations } from './generated/operations.gen.js';
import { abortableSleep } from './policies/abortable-sleep.js';
import type { ChatLog } from './policies/chat-logger.js';
import { noteRateLimitAnswer } from './policies/rate-limit-caution.js';
import { waitForPlace } from './policies/rate-limit-line.js';
import type { RateLimitStore, RateLimitWindow } from './policies/rate-limit-store.js';
import { type Redactor, redactUrl } from './policies/redact-secrets.js';
import { retryDelayMs } from './policies/retry-policy.js';
import { sendAttempt } from './send-attempt.js';
import type { UserSigProvider } from './user-sig/index.js';

/** Everything a client was configured with, checked (see resolve-client-options.ts). */
export interface CallSettings {
  baseUrl: string;
  /**
   * The region's standby domain (the spec's `x-standby` server). After a
   * failure on the way to the API (connection, timeout, HTTP 5xx) the next
   * attempt goes to the other domain of the pair.
   */
  standbyBaseUrl?: string | undefined;
  sdkAppId: number;
  identifier: string;
  userSigs: UserSigProvider;
  fetch: typeof fetch;
  timeoutMs: number;
  /** The largest response body read; see ChatClientOptionsBase.maxResponseBytes. */
  maxResponseBytes: number;
  maxRetries: number;
  rateLimit:
    | { store: RateLimitStore; window: (operation: ChatOperationId) => RateLimitWindow }
    | undefined;
  log: ChatLog;
  redact: Redactor;
  /** Source of jitter, injectable for tests. */
  random: () => number;
}

export interface CallRequest {
  operation: ChatOperationId;
  /** Headers of the caller's own request (createChatFetch), sent along. */
  headers?: Headers | undefined;
  /** Where to send it, when not the client's base URL (createChatFetch). */
  baseUrl?: string | undefined;
  /** The JSON body, already validated. */
  body: string;
  signal?: AbortSignal | undefined;
  /** Per-call override of the attempt timeout. */
  timeoutMs?: number | undefined;
  /** Checks a successful body against the spec's schema; returns its issues, if any. */
  validate?: ((data: unknown) => ChatFieldIssue[]) | undefined;
}

export interface CallResult {
  /** The parsed body, ErrorCode 0. */
  data: Record<string, unknown>;
  /** The body as received, for adapters that hand back a Response. */
  bodyText: string;
  requestId: number;
  attempts: number;
}

// Failures before the API answered: the other domain of the region may get through.
const isNetworkFailure = (error: ChatError): boolean =>
  error instanceof ChatConnectionError ||
  error instanceof ChatTimeoutError ||
  (error instanceof ChatHttpError && error.status >= 500);

/** Sends calls with every policy applied. */
export type CallSender = (request: CallRequest) => Promise<CallResult>;

export const createCallSender = (settings: CallSettings): CallSender => {
  const { log } = settings;

  // A place is taken when the call leaves, so a late timer or a slow UserSig
  // never lets a call jump the window.
  const waitForRateLimit = async (operation: ChatOperationId, signal?: AbortSignal) => {
    if (!settings.rateLimit) return;
    const { store, window } = settings.rateLimit;
    await waitForPlace(store, window(operation), signal);
  };

  return async (request) => {
    const { operation, signal } = request;
    const path = chatOperations[operation].path;
    // One random per logical call, kept across retries: it is the request id.
    const requestId = randomUint32();
    let attempts = 0;
    let retryIndex = 0;
    let renewedUserSig = false;
    let onStandby = false;
    for (;;) {
      signal?.throwIfAborted();
      // The UserSig first: issuing one takes milliseconds the window must not see.
      const userSig = await settings.userSigs.current();
      await waitForRateLimit(operation, signal);
      const query = commonQueryString(
        { sdkAppId: settings.sdkAppId, identifier: settings.identifier, userSig },
        requestId,
      );
      const base =
        request.baseUrl ??
        (onStandby && settings.standbyBaseUrl ? settings.standbyBaseUrl : settings.baseUrl);
      const url = `${base}${path}?${query}`;
      attempts += 1;
      const context = { operation, requestId, attempts };
      if (log.enabled('debug')) {
        log('debug', `${operation} attempt ${attempts}`, { requestId, url: redactUrl(url) });
      }
      const outcome = await sendAttempt(settings, request, url, context);
      if (outcome.ok) {
        log('debug', `${operation} succeeded`, { requestId, attempts });
        return outcome.result;
      }
      const { error, retryClass } = outcome;
      // The server refused for the rate: the client spaces its calls further for a while.
      if (retryClass === 'backOff' && settings.rateLimit) {
        noteRateLimitAnswer(settings.rateLimit.store, settings.rateLimit.window(operation));
      }
      if (retryClass === 'renewUserSig' && settings.userSigs.canRenew && !renewedUserSig) {
        // 70001: the UserSig expired (clock skew, or a sig cached too long).
        // Issue a new one and try again, once; this is not a back-off retry.
        renewedUserSig = true;
        log('warn', `${operation} renewing the expired UserSig`, { requestId });
        await settings.userSigs.renew();
        continue;
      }
      const delayMs = retryDelayMs(
        {
          retryClass,
          retryAfterSeconds: outcome.retryAfterSeconds,
          retryIndex,
          maxRetries: settings.maxRetries,
        },
        settings.random,
      );
      if (delayMs === undefined) {
        log('error', error.message, { requestId, attempts });
        throw error;
      }
      retryIndex += 1;
      if (settings.standbyBaseUrl && request.baseUrl === undefined && isNetworkFailure(error)) {
        onStandby = !onStandby;
      }
      log('warn', `${operation} retrying in ${Math.round(delayMs)} ms: ${error.message}`, {
        requestId,
        attempts,
      });
      await abortableSleep(delayMs, signal);
    }
  };
};
