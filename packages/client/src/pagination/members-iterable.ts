import type { OnlineMember } from '../generated/types.gen.js';
import {
  type FetchPage,
  type MembersListingOptions,
  type MembersListingPage,
  paginateMembers,
} from './paginate-members.js';

/** The online members of a group, one by one, or page by page with `.pages()`. */
export interface MembersIterable extends AsyncIterable<OnlineMember> {
  pages(): AsyncIterable<MembersListingPage>;
}

/**
 * @example
 * for await (const member of client.members('@TGS#a6I4ZUUGO')) console.log(member.Member_Account);
 */
export const iterateMembers = (
  fetchPage: FetchPage,
  groupId: string,
  options?: MembersListingOptions,
): MembersIterable => ({
  pages: () => paginateMembers(fetchPage, groupId, options),
  async *[Symbol.asyncIterator]() {
    for await (const page of paginateMembers(fetchPage, groupId, options)) yield* page.members;
  },
});
