import {
  banGroupMemberLimits,
  checkMembersLimits,
  getCommunityOnlineMemberNumLimits,
  getOnlineMemberNumLimits,
  modifyAdminLimits,
  modifyUserInfoLimits,
  unbanGroupMemberLimits,
} from '@avchatroom/client';
import { invocations } from '../command-flags.js';
import { connectionOptions, exitCodeText } from './shared-help.js';

// The help of the operator's commands. Limits are the spec's x-limits, read
// from the client's generated tables.

const formatOption = (formats: readonly string[], what: string) =>
  `  --format FORMAT     ${formats.join(', ')} (default: table)\n${what}`;

const listingFormats = `                      table: aligned columns, then a summary line on stderr
                      json: one object (above)
                      ndjson: one object per line
                      csv: a header row, then RFC 4180 rows; a cell starting
                        with = + - @ (after any spaces or line breaks), a tab
                        or a CR gets a leading '`;

const resultFormats = `                      table: one line; json: one object (above)`;

const footer = `  -h, --help          this help

${connectionOptions}

${exitCodeText}
`;

const memberOption = (max: number | undefined) =>
  `  --member ACCOUNT    a UserID; repeat it for more${max === undefined ? '' : ` (at most ${max} per call)`}\n`;

export const countHelp = `Usage: online-members count --group ID [options]

Prints how many members are online in a group: the true count, past the
1,000 that list returns. The API refreshes it every ${getOnlineMemberNumLimits.onlineCountRefreshSeconds} s (${getOnlineMemberNumLimits.onlineCountRefreshSecondsWithWebUsers} s with web users).
A Community (an ID that starts with @TGS#_) is counted by the Community
variant of the call, refreshed every ${getCommunityOnlineMemberNumLimits.onlineCountRefreshSeconds} s.
json: {"groupId", "onlineMemberNum"}

Options:
  --group ID          the group's ID (required)
${formatOption(invocations.count.formats, resultFormats)}
${footer}`;

export const bansHelp = `Usage: online-members bans --group ID [options]

Lists every banned member of a group, following the API's pages, with the
time each ban ends (ISO-8601 UTC in the table, seconds since the epoch in the
other formats).
json: {"groupId", "bans": [{"Member_Account", "BannedUntil"}], "pages"}

Options:
  --group ID          the group's ID (required)
${formatOption(invocations.bans.formats, listingFormats)}
${footer}`;

export const banHelp = `Usage: online-members ban --group ID --member ACCOUNT [...] --duration SECONDS
       [options]

Bans members of a group for a time. The API answers nothing per account: the
command reports the accounts it sent; \`bans\` lists the bans in force.
json: {"groupId", "banned": [accounts], "durationSeconds"[, "description"]}

Options:
  --group ID          the group's ID (required)
${memberOption(banGroupMemberLimits.maxBannedPerCall)}  --duration SECONDS  how long the ban lasts, 1 to ${banGroupMemberLimits.maxDurationSeconds} (required:
                      there is no default, a ban is never open-ended by mistake)
  --description TEXT  the reason sent with the ban, at most ${banGroupMemberLimits.maxDescriptionBytes} bytes (UTF-8)
${formatOption(invocations.ban.formats, resultFormats)}
${footer}`;

export const unbanHelp = `Usage: online-members unban --group ID --member ACCOUNT [...]

Lifts the bans of members of a group.
json: {"groupId", "unbanned": [accounts]}

Options:
  --group ID          the group's ID (required)
${memberOption(unbanGroupMemberLimits.maxUnbannedPerCall)}${formatOption(invocations.unban.formats, resultFormats)}
${footer}`;

export const markHelp = `Usage: online-members mark set|delete --group ID --mark N --member ACCOUNT [...]

Sets a mark on online members, or deletes it; \`list --mark N\` lists the
members carrying it. A group has at most ${modifyUserInfoLimits.maxMarksPerGroup} marks, a mark at most
${modifyUserInfoLimits.maxMembersPerMark.toLocaleString('en-US')} members; a member loses its marks when it leaves. A member the
API leaves out of its answer (not online) is reported as not changed.
json: {"groupId", "mark", "action", "changed": [accounts],
       "notChanged": [accounts]}

Options:
  --group ID          the group's ID (required)
  --mark N            ${modifyUserInfoLimits.specialMark} (the special mark) or a custom mark of ${modifyUserInfoLimits.minCustomMark} and up
                      (required)
${memberOption(modifyUserInfoLimits.maxAccountsPerCall)}${formatOption(invocations['mark set'].formats, resultFormats)}
${footer}`;

export const adminsHelp = `Usage: online-members admins --group ID [options]
       online-members admins add|remove --group ID --member ACCOUNT [...]

Lists the administrators of a group (at most ${modifyAdminLimits.maxAdmins}), or adds or removes them.
An administrator need not be a member.
json (list): {"groupId", "admins": [{"Admin_Account", "NickName", "Avatar"}]}
json (add, remove): {"groupId", "added" | "removed": [accounts]}

Options:
  --group ID          the group's ID (required)
${memberOption(modifyAdminLimits.maxAdmins)}  --format FORMAT     list: ${invocations.admins.formats.join(', ')}; add, remove: ${invocations['admins add'].formats.join(', ')}
                      (default: table)
${footer}`;

export const checkHelp = `Usage: online-members check --group ID --member ACCOUNT [...]

Tells which of the accounts are in the group, past the 1,000 that list returns
(as of the API's ${checkMembersLimits.snapshotRefreshSeconds} s snapshot).
json: {"groupId", "members": [{"Member_Account", "InRoom"}]}

Options:
  --group ID          the group's ID (required)
${memberOption(undefined)}${formatOption(invocations.check.formats, listingFormats)}
${footer}`;
