// @avchatroom/client: a client of Tencent Cloud Chat's AVChatRoom member
// family. The hand-written runtime (createChatClient, createChatFetch, UserSig,
// errors, pagination) and a chosen set of generated names: the spec's schemas,
// each operation's types and the spec's tables (generated/public-api.gen.ts).
// The hey-api SDK is on `@avchatroom/client/sdk`, openapi-fetch on `/fetch`.

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
export * from './generated/public-api.gen.js';
export type {
  GetMembersPage,
  MembersIterable,
  MembersListing,
  MembersListingOptions,
  MembersListingPage,
} from './legacy-names.js';
export {
  type ChatListingIterable,
  type ChatListingOptions,
  listingDefaults,
} from './operation-types.js';
export type { ChatLogFields, ChatLogger, ChatLogLevel } from './policies/chat-logger.js';
export {
  createMemoryRateLimitStore,
  type RateLimitPlace,
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
