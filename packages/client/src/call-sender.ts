// The one place where a call is sent: credentials, request id, rate limit,
// timeout, retries, typed errors and redaction. Both client styles go through it
// (createChatClient directly, the generated SDK and openapi-fetch through
// createChatFetch), so each policy exists once.
import type { CallSender, CallSettings } from './call-types.js';
import { commonQueryString, randomUint32 } from './common-query.js';
import { type ChatOperationId, chatOperations } from './generated/operations.gen.js';
import { abortableSleep } from './policies/abortable-sleep.js';
import { noteRateLimitAnswer } from './policies/rate-limit-caution.js';
import { waitForPlace } from './policies/rate-limit-line.js';
import { redactUrl } from './policies/redact-secrets.js';
import { isNetworkFailure, retryClassOf, retryDelayMs } from './policies/retry-policy.js';
import { sendAttempt } from './send-attempt.js';

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
    const requestId = request.requestId ?? randomUint32();
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
      const { error, failure } = outcome;
      const retryClass = retryClassOf(failure);
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
      if (settings.standbyBaseUrl && request.baseUrl === undefined && isNetworkFailure(failure)) {
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
