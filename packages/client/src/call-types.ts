// What the call sender is given and gives back, apart from the sender itself so
// that the sender and the attempt (send-attempt.ts) both depend on these
// shapes and not on each other.
import type { ChatFieldIssue } from './errors/chat-error.js';
import type { ChatOperationId } from './generated/operations.gen.js';
import type { ChatLog } from './policies/chat-logger.js';
import type { RateLimitStore, RateLimitWindow } from './policies/rate-limit-store.js';
import type { Redactor } from './policies/redact-secrets.js';
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
  /** Headers of every request, `content-type` included (the `headers` option). */
  headers?: Readonly<Record<string, string>> | undefined;
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
  /** The caller's own `random` (createChatFetch); otherwise a fresh one. */
  requestId?: number | undefined;
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

/** Sends calls with every policy applied. */
export type CallSender = (request: CallRequest) => Promise<CallResult>;
