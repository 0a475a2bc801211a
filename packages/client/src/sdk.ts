// @avchatroom/client/sdk: the hey-api SDK generated from the spec (one function
// per operation, each validating with its Zod Mini schemas), its fetch client
// and the schemas. Give it `createChatFetch(options)` as its fetch so every
// call gets the client's policies.
export {
  type Client,
  type Config,
  createClient,
  createConfig,
} from './generated/client/index.js';
export * from './generated/sdk.gen.js';
export type * from './generated/types.gen.js';
export * from './generated/zod.gen.js';
