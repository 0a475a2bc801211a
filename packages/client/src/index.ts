// @avchatroom/client: the generated hey-api SDK of get_members (functions, types,
// zod schemas), the tables generated from the spec, and the hand-written seam
// that adds the common query parameters.

export { type ChatCredentials, randomUint32, withCommonQuery } from './common-query.js';
export {
  type Client,
  type Config,
  createClient,
  createConfig,
} from './generated/client/index.js';
export * from './generated/error-codes.gen.js';
export * from './generated/index.js';
export * from './generated/limits.gen.js';
export * from './generated/query-parameters.gen.js';
export * from './generated/regions.gen.js';
export * from './generated/zod.gen.js';
