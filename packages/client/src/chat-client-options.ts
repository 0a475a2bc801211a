import type { ChatRegionId } from './generated/regions.gen.js';
import type { ChatLogger, ChatLogLevel } from './policies/chat-logger.js';
import type { RateLimitStore } from './policies/rate-limit-store.js';

/** How the client keeps to the API's call-frequency limit. */
export interface ChatRateLimitOptions {
  /**
   * Calls per second for each operation and SDKAppID, shared by every client in
   * the process: no window of one second plus `marginMs` holds more calls of
   * one operation than this, counted when they leave. Calls go at once while
   * the window has room. Given, it applies to every operation.
   * @default each operation's x-limits (callsPerSecond, or assumedCallsPerSecond where the docs state none): 200 for every operation today
   */
  callsPerSecond?: number;
  /**
   * Milliseconds added to the one-second window, for calls that take
   * different times to reach the server.
   * @default 30 (`rateLimitDefaults.marginMs`)
   */
  marginMs?: number;
  /**
   * Calls that may leave together; after that, calls are paced one every
   * (1 s + `marginMs`) / `callsPerSecond`, so a busy window fills evenly.
   * @default 10 (`rateLimitDefaults.burst`)
   */
  burst?: number;
  /**
   * Where the window's calls are counted. Give every process on one SDKAppID
   * the same shared store to split the quota between them.
   * @default a store shared by every client in this process
   */
  store?: RateLimitStore;
}

/** Options shared by `createChatClient` and `createChatFetch`. */
export interface ChatClientOptionsBase {
  /** The app's SDKAppID, a positive integer. */
  sdkAppId: number;
  /** UserID of an App admin account, at most 32 bytes. */
  identifier: string;
  /** A region id from the spec's servers (e.g. `singapore`); or give `baseUrl`. */
  region?: ChatRegionId;
  /** The API's base URL, e.g. an emulator's or a proxy's; or give `region`. */
  baseUrl?: string;
  /**
   * Milliseconds one attempt may take, body included. The server gives up
   * after 3 s, so this only fires when the network is stuck.
   * @default 10000
   */
  timeoutMs?: number;
  /**
   * The largest response body the client reads, in bytes. Past it the client
   * stops reading, closes the connection and throws ChatResponseTooLargeError
   * (not retried). The default holds the largest page the API can send: the
   * spec's 1,000 members at 2 KiB each (a member is at most about 1.1 KB).
   * @default 2048000 (`responseBodyDefaults.maxBytes`)
   */
  maxResponseBytes?: number;
  /**
   * Retries after the first attempt, for connection errors, timeouts, HTTP
   * 5xx/429 and the spec's transient and rate-limit codes.
   * @default 2
   */
  maxRetries?: number;
  /**
   * The call-rate limit every call waits on; `false` turns it off (only for
   * tests and benchmarks: the server answers excess calls with rate-limit codes).
   * @default { callsPerSecond: the operation's (200), marginMs: 30, burst: 10 }
   */
  rateLimit?: ChatRateLimitOptions | false;
  /**
   * Checks every successful response against the spec's schema, with the
   * validators compiled from it (`validators.gen.ts`).
   * @default true
   */
  validateResponses?: boolean;
  /**
   * Lifetime of the UserSigs the client issues from `secretKey`, in seconds.
   * @default 86400 (the facts sheet recommends at least 24 h)
   */
  userSigExpireSeconds?: number;
  /** @default globalThis.fetch */
  fetch?: typeof fetch;
  /**
   * Headers sent with every request (not by createChatFetch: its requests
   * carry their own). The client sets `content-type` itself.
   * @example { Prefer: 'example=groupNotFound' } // a named example of a Prism mock
   * @default none
   */
  headers?: HeadersInit;
  /** Receives log lines (redacted). @default none: the client is silent */
  logger?: ChatLogger;
  /** @default 'info' */
  logLevel?: ChatLogLevel;
}

/**
 * The admin's credentials: the secret key (the client issues and renews
 * UserSigs) or a fixed UserSig. Neither is ever logged or put in an error.
 */
// The secretKey form comes last: TypeScript reports a mismatch against a
// union's last member, so `secretKey: process.env.X` (string | undefined) is
// reported as a secretKey that may be undefined, not as a missing userSig.
export type ChatCredentialOptions =
  | { userSig: string; secretKey?: never }
  | { secretKey: string; userSig?: never };

export type ChatClientOptions = ChatClientOptionsBase & ChatCredentialOptions;
