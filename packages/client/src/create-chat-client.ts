import { createCallSender } from './call-sender.js';
import type { ChatClientOptions } from './chat-client-options.js';
import {
  createGetMembers,
  type GetMembersPage,
  type GetMembersParams,
} from './get-members-call.js';
import { createListMembers, type MembersListing } from './pagination/list-members.js';
import { iterateMembers, type MembersIterable } from './pagination/members-iterable.js';
import type { MembersListingOptions } from './pagination/paginate-members.js';
import { resolveClientOptions } from './resolve-client-options.js';

/** A client of get_members with every policy applied; see createChatClient. */
export interface ChatClient {
  /** One page of a group's online members. */
  getMembers(params: GetMembersParams): Promise<GetMembersPage>;
  /** Every online member, one by one (or page by page with `.pages()`), fetched as you go. */
  members(groupId: string, options?: MembersListingOptions): MembersIterable;
  /** Every online member at once; concurrent calls for the same group share one chain. */
  listMembers(groupId: string, options?: MembersListingOptions): Promise<MembersListing>;
}

/**
 * Creates a client of get_members: credentials and UserSig renewal, the region,
 * the 200 calls/s token bucket, retries, timeouts, typed errors, response
 * validation and redaction are configured once here.
 *
 * @example
 * const client = createChatClient({ sdkAppId: 1400000000, identifier: 'administrator', secretKey, region: 'singapore' });
 * for await (const member of client.members('@TGS#a6I4ZUUGO')) console.log(member.Member_Account);
 */
export const createChatClient = (options: ChatClientOptions): ChatClient => {
  const resolved = resolveClientOptions('createChatClient', options, 'client');
  const getMembers = createGetMembers(createCallSender(resolved.call), resolved.validateResponses);
  return {
    getMembers,
    members: (groupId, listingOptions) => iterateMembers(getMembers, groupId, listingOptions),
    listMembers: createListMembers(getMembers),
  };
};
