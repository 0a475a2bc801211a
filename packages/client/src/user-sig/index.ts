// TLSSigAPIv2 UserSigs with Web APIs only (Web Crypto, Compression Streams),
// so they work on Node 20+, Bun, Deno and in browsers.

export { type GenerateUserSigOptions, generateUserSig } from './generate-user-sig.js';
export {
  createUserSigProvider,
  type UserSigProvider,
  type UserSigProviderOptions,
} from './user-sig-provider.js';
export {
  type UserSigInvalidReason,
  type UserSigVerification,
  type VerifyUserSigOptions,
  verifyUserSig,
} from './verify-user-sig.js';
