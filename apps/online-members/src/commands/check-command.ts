import { type ChatClient, checkMembersLimits } from '@avchatroom/client';
import type { CliIo } from '../cli-io.js';
import type { OperatorCommand } from '../command.js';
import { exitCodes } from '../exit-codes.js';
import { terminalText } from '../terminal-text.js';
import { printListing, signalOption } from './command-output.js';

/** `check`: which of the accounts are in the room (past get_members' 1,000 cap). */
export const runCheck = async (
  client: ChatClient,
  command: Extract<OperatorCommand, { kind: 'check' }>,
  io: CliIo,
): Promise<number> => {
  const { memberAccount } = await client.checkMembers({
    groupId: command.groupId,
    memberAccount: command.members,
    ...signalOption(io),
  });
  const inRoom = new Set(memberAccount);
  const members = command.members.map((account) => ({
    Member_Account: account,
    InRoom: inRoom.has(account),
  }));
  const found = members.filter((member) => member.InRoom).length;
  printListing(
    io,
    {
      json: { groupId: command.groupId, members },
      records: members,
      fields: ['Member_Account', 'InRoom'],
      table: {
        headers: ['ACCOUNT', 'IN ROOM'],
        cells: (member) => [terminalText(member.Member_Account), member.InRoom ? 'yes' : 'no'],
        empty: '(no accounts asked)',
      },
    },
    command.format,
    `${found} of ${members.length} in ${terminalText(command.groupId)} (as of the API's ${checkMembersLimits.snapshotRefreshSeconds} s snapshot)`,
  );
  return exitCodes.ok;
};
