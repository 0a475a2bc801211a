// @avchatroom/types: openapi-typescript's view of the spec, for openapi-fetch or
// any HTTP client. Generated; see src/generated.
export type { components, operations, paths } from './generated/openapi.gen.js';

import type { components } from './generated/openapi.gen.js';

/** The request body of get_members. */
export type GetMembersRequest = components['schemas']['GetMembersRequest'];
/** The response body of get_members (success and failure alike). */
export type GetMembersResponse = components['schemas']['GetMembersResponse'];
/** One online member. */
export type OnlineMember = components['schemas']['OnlineMember'];
