import { getMembersLimits } from '@avchatroom/client';
import { countOf } from './count-text.js';
import type { ListingView } from './listing-view.js';

/**
 * Why a truncated listing is short, or undefined when it is whole. The client
 * sets `truncated` at the 1,000-member cap and when exactly 30 came back (the
 * cap below the Pro edition, applied with ErrorCode 0); the limits are the
 * spec's x-limits.
 */
export const truncationNote = (listing: Pick<ListingView, 'members' | 'truncated'>) => {
  if (!listing.truncated) return undefined;
  if (listing.members.length >= getMembersLimits.maxMembers) {
    return `only the ${getMembersLimits.maxMembers.toLocaleString('en-US')} latest members are returned`;
  }
  const cap = getMembersLimits.nonProEditionMaxMembers;
  return `only the ${cap} latest members are returned below the Pro edition (or exactly ${cap} are online)`;
};

/** One line: how many members, how many pages, and the truncation note if any. */
export const listingSummary = (listing: ListingView): string => {
  const note = truncationNote(listing);
  const text = `${countOf(listing.members.length, 'member')} online in ${listing.groupId}, ${countOf(listing.pages, 'page')}`;
  return note === undefined ? text : `${text}; truncated: ${note}`;
};
