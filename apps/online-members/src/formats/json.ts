import { documentedMember, type ListingView } from './listing-view.js';

/** A value as indented JSON, for reading, with a final newline. */
export const jsonText = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** One object: `{ groupId, members, truncated, pages }`. */
export const formatJson = (listing: ListingView): string =>
  jsonText({
    groupId: listing.groupId,
    members: listing.members.map(documentedMember),
    truncated: listing.truncated,
    pages: listing.pages,
  });
