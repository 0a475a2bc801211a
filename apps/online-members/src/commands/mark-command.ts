import type { ChatClient } from '@avchatroom/client';
import type { CliIo } from '../cli-io.js';
import { colorsFor } from '../color.js';
import type { OperatorCommand } from '../command.js';
import { exitCodes } from '../exit-codes.js';
import { countOf } from '../formats/count-text.js';
import { terminalText } from '../terminal-text.js';
import { accountsText, printResult, signalOption } from './command-output.js';

const commandTypes = { set: 1, delete: 2 } as const;

/**
 * `mark set|delete`: one modify_user_info call. The API answers the members
 * whose mark it changed; one it leaves out (not online, per the spec) is
 * reported as not changed, in json and on stderr.
 */
export const runMark = async (
  client: ChatClient,
  command: Extract<OperatorCommand, { kind: 'mark' }>,
  io: CliIo,
): Promise<number> => {
  const { groupId, mark, members, action } = command;
  const result = await client.modifyUserInfo({
    groupId,
    commandType: commandTypes[action],
    memberList: members.map((account) => ({ Member_Account: account, Marks: [mark] })),
    ...signalOption(io),
  });
  const answered = new Set(
    result.memberList
      .filter((item) => item.Marks.includes(mark))
      .map((item) => item.Member_Account),
  );
  const changed = members.filter((account) => answered.has(account));
  const notChanged = members.filter((account) => !answered.has(account));
  printResult(
    io,
    command.format,
    { groupId, mark, action, changed, notChanged },
    `mark ${mark} ${action === 'set' ? 'set on' : 'deleted from'} ${countOf(changed.length, 'member')} in ${terminalText(groupId)}: ${accountsText(changed)}`,
  );
  if (command.format === 'table' && notChanged.length > 0) {
    io.stderr.write(
      `${colorsFor(io.stderr, io.env).yellow(`not changed (not online?): ${accountsText(notChanged)}`)}\n`,
    );
  }
  return exitCodes.ok;
};
