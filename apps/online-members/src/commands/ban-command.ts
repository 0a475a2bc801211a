import type { ChatClient } from '@avchatroom/client';
import type { CliIo } from '../cli-io.js';
import type { OperatorCommand } from '../command.js';
import { exitCodes } from '../exit-codes.js';
import { terminalText } from '../terminal-text.js';
import { accountsText, printResult, signalOption } from './command-output.js';

/** `ban`: bans the members for --duration seconds, with --description if given (the API answers nothing per account). */
export const runBan = async (
  client: ChatClient,
  command: Extract<OperatorCommand, { kind: 'ban' }>,
  io: CliIo,
): Promise<number> => {
  const { groupId, members, durationSeconds, description } = command;
  await client.banGroupMember({
    groupId,
    membersAccount: members,
    duration: durationSeconds,
    ...(description !== undefined && { description }),
    ...signalOption(io),
  });
  printResult(
    io,
    command.format,
    {
      groupId,
      banned: members,
      durationSeconds,
      ...(description !== undefined && { description }),
    },
    `banned in ${terminalText(groupId)} for ${durationSeconds.toLocaleString('en-US')} s: ${accountsText(members)}`,
  );
  return exitCodes.ok;
};

/** `unban`: lifts the members' bans. */
export const runUnban = async (
  client: ChatClient,
  command: Extract<OperatorCommand, { kind: 'unban' }>,
  io: CliIo,
): Promise<number> => {
  const { groupId, members } = command;
  await client.unbanGroupMember({ groupId, membersAccount: members, ...signalOption(io) });
  printResult(
    io,
    command.format,
    { groupId, unbanned: members },
    `unbanned in ${terminalText(groupId)}: ${accountsText(members)}`,
  );
  return exitCodes.ok;
};
