import type { ChatClient } from '@avchatroom/client';
import type { CliIo } from '../cli-io.js';
import type { OperatorCommand } from '../command.js';
import { exitCodes } from '../exit-codes.js';
import { countOf } from '../formats/count-text.js';
import { terminalText } from '../terminal-text.js';
import { printResult, signalOption } from './command-output.js';

// Community IDs start with @TGS#_ (the spec's GroupId descriptions); their
// count has an operation of its own, refreshed every 4 minutes.
const isCommunityId = (groupId: string) => groupId.startsWith('@TGS#_');

/** The true online count of a group, past get_members' 1,000 cap. */
export const fetchOnlineCount = async (
  client: ChatClient,
  groupId: string,
  io: CliIo,
): Promise<number> => {
  const params = { groupId, ...signalOption(io) };
  const { onlineMemberNum } = isCommunityId(groupId)
    ? await client.getCommunityOnlineMemberNum(params)
    : await client.getOnlineMemberNum(params);
  // The spec lets a success answer leave the field out; a count we do not have is not 0.
  if (onlineMemberNum === undefined) {
    throw new Error('the API answered ErrorCode 0 without OnlineMemberNum');
  }
  return onlineMemberNum;
};

/** `count`: `{ groupId, onlineMemberNum }`, or one line. */
export const runCount = async (
  client: ChatClient,
  command: Extract<OperatorCommand, { kind: 'count' }>,
  io: CliIo,
): Promise<number> => {
  const onlineMemberNum = await fetchOnlineCount(client, command.groupId, io);
  printResult(
    io,
    command.format,
    { groupId: command.groupId, onlineMemberNum },
    `${countOf(onlineMemberNum, 'member')} online in ${terminalText(command.groupId)}`,
  );
  return exitCodes.ok;
};
