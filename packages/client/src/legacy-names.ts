// The names getMembers' types had before every operation's types were
// generated (0.1.x). Kept so code written against them still compiles.
import type {
  GetMembersListing,
  GetMembersListingPage,
  GetMembersResult,
  OnlineMember,
} from './generated/public-api.gen.js';
import type { ChatListingIterable, ChatListingOptions } from './operation-types.js';

/** @deprecated Use `GetMembersResult`. */
export type GetMembersPage = GetMembersResult;
/** @deprecated Use `GetMembersListing`. */
export type MembersListing = GetMembersListing;
/** @deprecated Use `GetMembersListingPage`. */
export type MembersListingPage = GetMembersListingPage;
/** @deprecated Use `ChatListingIterable<OnlineMember, GetMembersListingPage>`. */
export type MembersIterable = ChatListingIterable<OnlineMember, GetMembersListingPage>;
/** @deprecated Use `ChatListingOptions` (and `mark` among the listing's parameters). */
export type MembersListingOptions = ChatListingOptions & { mark?: number };
