// @avchatroom/client: a client of Tencent Cloud Chat's get_members. The
// hand-written runtime (createChatClient, createChatFetch, UserSig, errors,
// pagination) sits beside the generated hey-api SDK, zod schemas and spec tables.

export type {
  ChatClientOptions,
  ChatClientOptionsBase,
  ChatCredentialOptions,
  ChatRateLimitOptions,
} from './chat-client-options.js';
export { type ChatClient, createChatClient } from './create-chat-client.js';
export { type ChatFetchOptions, createChatFetch } from './create-chat-fetch.js';
export { ChatError, type ChatErrorContext, type ChatFieldIssue } from './errors/chat-error.js';
export {
  ChatApiError,
  ChatConnectionError,
  ChatHttpError,
  ChatPaginationError,
  type ChatPaginationFailure,
  ChatRequestValidationError,
  ChatResponseTooLargeError,
  ChatResponseValidationError,
  ChatTimeoutError,
  type UndocumentedChatErrorCode,
} from './errors/chat-errors.js';
export {
  type Client,
  type Config,
  createClient,
  createConfig,
} from './generated/client/index.js';
export * from './generated/error-codes.gen.js';
export * from './generated/index.js';
export * from './generated/limits.gen.js';
export * from './generated/operations.gen.js';
export * from './generated/query-parameters.gen.js';
export * from './generated/regions.gen.js';
export * from './generated/zod.gen.js';
export type { GetMembersPage, GetMembersParams } from './get-members-call.js';
export type { MembersListing } from './pagination/list-members.js';
export type { MembersIterable } from './pagination/members-iterable.js';
export type { MembersListingOptions, MembersListingPage } from './pagination/paginate-members.js';
export type { ChatLogFields, ChatLogger, ChatLogLevel } from './policies/chat-logger.js';
export {
  createMemoryRateLimitStore,
  type RateLimitStore,
  type RateLimitWindow,
  rateLimitDefaults,
} from './policies/rate-limit-store.js';
export { responseBodyDefaults } from './policies/response-body.js';
export { retryDefaults } from './policies/retry-policy.js';
export {
  type GenerateUserSigOptions,
  generateUserSig,
  type UserSigInvalidReason,
  type UserSigVerification,
  type VerifyUserSigOptions,
  verifyUserSig,
} from './user-sig/index.js';
