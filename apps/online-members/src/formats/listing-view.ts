import type { OnlineMember } from '@avchatroom/client';

/** What the formats print: a finished listing of one group. */
export interface ListingView {
  groupId: string;
  members: readonly OnlineMember[];
  pages: number;
  truncated: boolean;
}

/** A member with only the documented fields, in the documented order (absent ones left out). */
export const documentedMember = (member: OnlineMember): OnlineMember => ({
  Member_Account: member.Member_Account,
  JoinTime: member.JoinTime,
  ...(member.NickName !== undefined && { NickName: member.NickName }),
  ...(member.Avatar !== undefined && { Avatar: member.Avatar }),
});
