import type { CallSettings } from './call-types.js';
import type { ChatClientOptions } from './chat-client-options.js';
import { type ClientTarget, checkClientOptions } from './client-option-checks.js';
import type { ChatOperationId } from './generated/operations.gen.js';
import { chatRegions } from './generated/regions.gen.js';
import { operationEntry } from './operation-call.js';
import { createChatLog } from './policies/chat-logger.js';
import { processRateLimitStore, rateLimitDefaults } from './policies/rate-limit-store.js';
import { createRedactor } from './policies/redact-secrets.js';
import { responseBodyDefaults } from './policies/response-body.js';
import { retryDefaults } from './policies/retry-policy.js';
import { createUserSigProvider, type UserSigProvider } from './user-sig/index.js';

/** The settings a client works with, after checking every option. */
export interface ResolvedClientOptions {
  call: CallSettings;
  validateResponses: boolean;
}

/**
 * Checks the options and fills in the defaults; throws a TypeError naming every
 * bad option, never echoing a value.
 */
export const resolveClientOptions = (
  caller: string,
  given: ChatClientOptions,
  target: ClientTarget,
): ResolvedClientOptions => {
  if (typeof given !== 'object' || given === null) {
    throw new TypeError(`${caller}: options must be an object`);
  }
  // From here on only the values read once by the check are used.
  const { options, headers, problems } = checkClientOptions(given, target);
  if (problems.length > 0) {
    throw new TypeError(`${caller}: bad options: ${problems.join('; ')}`);
  }
  // Every secret the client holds or will issue is masked in what it prints.
  const redact = createRedactor(
    [options.secretKey, options.userSig].filter((s): s is string => s !== undefined),
  );
  const userSigs: UserSigProvider = createUserSigProvider(
    options.secretKey === undefined
      ? { sdkAppId: options.sdkAppId, identifier: options.identifier, userSig: options.userSig }
      : {
          sdkAppId: options.sdkAppId,
          identifier: options.identifier,
          secretKey: options.secretKey,
          expireSeconds: options.userSigExpireSeconds ?? 86_400,
          onIssue: redact.hold,
        },
  );
  const baseUrl = (
    options.baseUrl ?? (options.region ? chatRegions[options.region].main : '')
  ).replace(/\/+$/, '');
  const rateLimit = options.rateLimit === false ? undefined : (options.rateLimit ?? {});
  return {
    validateResponses: options.validateResponses ?? true,
    call: {
      baseUrl,
      standbyBaseUrl: options.region ? chatRegions[options.region].standby : undefined,
      sdkAppId: options.sdkAppId,
      identifier: options.identifier,
      userSigs,
      fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
      headers: Object.freeze({ ...headers, 'content-type': 'application/json' }),
      timeoutMs: options.timeoutMs ?? retryDefaults.timeoutMs,
      maxResponseBytes: options.maxResponseBytes ?? responseBodyDefaults.maxBytes,
      maxRetries: options.maxRetries ?? retryDefaults.maxRetries,
      rateLimit: rateLimit && {
        store: rateLimit.store ?? processRateLimitStore(),
        window: (operation: ChatOperationId) => ({
          key: `${operation}:${options.sdkAppId}`,
          limit: rateLimit.callsPerSecond ?? operationEntry(operation).callsPerSecond,
          windowMs: 1000 + (rateLimit.marginMs ?? rateLimitDefaults.marginMs),
          burst: rateLimit.burst ?? rateLimitDefaults.burst,
        }),
      },
      log: createChatLog(options.logger, options.logLevel ?? 'info', redact),
      redact,
      random: Math.random,
    },
  };
};
