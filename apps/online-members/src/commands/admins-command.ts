import { type ChatClient, getAdminListLimits } from '@avchatroom/client';
import type { CliIo } from '../cli-io.js';
import type { OperatorCommand } from '../command.js';
import { exitCodes } from '../exit-codes.js';
import { countOf } from '../formats/count-text.js';
import { terminalText } from '../terminal-text.js';
import { accountsText, printListing, printResult, signalOption } from './command-output.js';

type AdminsCommand = Extract<OperatorCommand, { kind: 'admins' }>;

const listAdmins = async (
  client: ChatClient,
  command: Extract<AdminsCommand, { action: 'list' }>,
  io: CliIo,
) => {
  const { adminList } = await client.getAdminList({
    groupId: command.groupId,
    ...signalOption(io),
  });
  // Only the documented fields, in their order; an empty nickname or avatar is absent.
  const admins = adminList.map(({ Admin_Account, NickName, Avatar }) => ({
    Admin_Account,
    ...(NickName && { NickName }),
    ...(Avatar && { Avatar }),
  }));
  printListing(
    io,
    {
      json: { groupId: command.groupId, admins },
      records: admins,
      fields: ['Admin_Account', 'NickName', 'Avatar'],
      table: {
        headers: ['ACCOUNT', 'NICKNAME', 'AVATAR'],
        cells: (admin) =>
          [admin.Admin_Account, admin.NickName ?? '', admin.Avatar ?? ''].map(terminalText),
        empty: '(no administrators)',
      },
    },
    command.format,
    `${countOf(admins.length, 'administrator')} of ${terminalText(command.groupId)} (at most ${getAdminListLimits.maxAdmins})`,
  );
};

const commandTypes = { add: 1, remove: 2 } as const;

/** `admins`: lists the group's administrators; `admins add|remove` sets or cancels them. */
export const runAdmins = async (
  client: ChatClient,
  command: AdminsCommand,
  io: CliIo,
): Promise<number> => {
  if (command.action === 'list') {
    await listAdmins(client, command, io);
    return exitCodes.ok;
  }
  const { groupId, members, action } = command;
  await client.modifyAdmin({
    groupId,
    commandType: commandTypes[action],
    adminAccount: members,
    ...signalOption(io),
  });
  const done = action === 'add' ? 'added' : 'removed';
  printResult(
    io,
    command.format,
    { groupId, [done]: members },
    `administrators ${done} in ${terminalText(groupId)}: ${accountsText(members)}`,
  );
  return exitCodes.ok;
};
