import { getMembersLimits } from '@avchatroom/client';
import type { CommandName } from './command-flags.js';
import { listFormats } from './formats/format-listing.js';
import { demoHelp, listHelp, watchHelp } from './help/member-help.js';
import {
  adminsHelp,
  banHelp,
  bansHelp,
  checkHelp,
  countHelp,
  markHelp,
  unbanHelp,
} from './help/operator-help.js';
import { connectionOptions, exitCodeText } from './help/shared-help.js';

export type { CommandName } from './command-flags.js';

const globalHelp = `online-members: list and watch the online members of a Tencent Cloud Chat
audio-video group (AVChatRoom), and run it as its operator, with
@avchatroom/client.

Usage:
  online-members list --group ID [--mark N] [--format ${listFormats.join('|')}] [connection]
  online-members watch --group ID [--mark N] [--interval SECONDS] [--rounds N] [connection]
  online-members count --group ID [--format table|json] [connection]
  online-members check --group ID --member ACCOUNT [...] [--format FORMAT] [connection]
  online-members bans --group ID [--format FORMAT] [connection]
  online-members ban --group ID --member ACCOUNT [...] --duration SECONDS [connection]
  online-members unban --group ID --member ACCOUNT [...] [connection]
  online-members mark set|delete --group ID --mark N --member ACCOUNT [...] [connection]
  online-members admins [add|remove] --group ID [--member ACCOUNT ...] [connection]
  online-members demo
  online-members <command> --help
  online-members --version

Commands:
  list    every online member, page by page (the API returns at most the
          ${getMembersLimits.maxMembers.toLocaleString('en-US')} latest; ${getMembersLimits.nonProEditionMaxMembers} below the Pro edition)
  watch   who joined (+) and who left (-) at each snapshot
  count   how many members are online (the true count, past the cap)
  check   which of the accounts are in the group
  bans    every banned member and when the ban ends
  ban     bans members for a time
  unban   lifts members' bans
  mark    sets or deletes a mark on members (list --mark N lists them)
  admins  lists the group's administrators, or adds or removes them
  demo    starts the emulator in-process and runs list, count, mark and watch

${connectionOptions}

${exitCodeText}
`;

const commandHelp: Record<CommandName, string> = {
  list: listHelp,
  watch: watchHelp,
  demo: demoHelp,
  count: countHelp,
  bans: bansHelp,
  ban: banHelp,
  unban: unbanHelp,
  mark: markHelp,
  admins: adminsHelp,
  check: checkHelp,
};

/** The help text of a command, or the global help. */
export const helpText = (command?: CommandName): string =>
  command === undefined ? globalHelp : commandHelp[command];
