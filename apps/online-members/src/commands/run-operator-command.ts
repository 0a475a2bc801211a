import type { ChatClient } from '@avchatroom/client';
import type { CliIo } from '../cli-io.js';
import type { OperatorCommand } from '../command.js';
import { runAdmins } from './admins-command.js';
import { runBan, runUnban } from './ban-command.js';
import { runBans } from './bans-command.js';
import { runCheck } from './check-command.js';
import { runCount } from './count-command.js';
import { runMark } from './mark-command.js';

/** Runs an operator command with a client; API and network errors are thrown to the caller. */
export const runOperatorCommand = (
  client: ChatClient,
  command: OperatorCommand,
  io: CliIo,
): Promise<number> => {
  switch (command.kind) {
    case 'count':
      return runCount(client, command, io);
    case 'bans':
      return runBans(client, command, io);
    case 'ban':
      return runBan(client, command, io);
    case 'unban':
      return runUnban(client, command, io);
    case 'mark':
      return runMark(client, command, io);
    case 'admins':
      return runAdmins(client, command, io);
    case 'check':
      return runCheck(client, command, io);
  }
};
