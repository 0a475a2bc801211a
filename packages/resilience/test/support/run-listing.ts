// A whole listing through each of the client's three ways to list (client
// README: listMembers, the members() iterator, and members().pages()).
import type { ChatClient, OnlineMember } from '@avchatroom/client';

export const listingMethods = ['listMembers', 'members', 'pages'] as const;
export type ListingMethod = (typeof listingMethods)[number];

export interface ListingResult {
  members: OnlineMember[];
  /** Pages, as the client counted them; the plain iterator does not say. */
  pages: number | undefined;
}

export const listWith = async (
  client: ChatClient,
  groupId: string,
  method: ListingMethod,
  mark: number,
): Promise<ListingResult> => {
  if (method === 'listMembers') {
    const { members, pages } = await client.listMembers(groupId, { mark });
    return { members, pages };
  }
  const members: OnlineMember[] = [];
  if (method === 'members') {
    for await (const member of client.members(groupId, { mark })) members.push(member);
    return { members, pages: undefined };
  }
  let pages = 0;
  for await (const page of client.members(groupId, { mark }).pages()) {
    members.push(...page.members);
    pages = page.pageNumber;
  }
  return { members, pages };
};
