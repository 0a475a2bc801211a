import { documentedMember, type ListingView } from './listing-view.js';

/** One object: `{ groupId, members, truncated, pages }`, indented for reading. */
export const formatJson = (listing: ListingView): string =>
  `${JSON.stringify(
    {
      groupId: listing.groupId,
      members: listing.members.map(documentedMember),
      truncated: listing.truncated,
      pages: listing.pages,
    },
    null,
    2,
  )}\n`;
