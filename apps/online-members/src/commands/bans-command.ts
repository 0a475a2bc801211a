import type { ChatClient } from '@avchatroom/client';
import type { CliIo } from '../cli-io.js';
import type { OperatorCommand } from '../command.js';
import { exitCodes } from '../exit-codes.js';
import { countOf } from '../formats/count-text.js';
import { joinTimeText } from '../formats/table.js';
import { terminalText } from '../terminal-text.js';
import { printListing, signalOption } from './command-output.js';

/** `bans`: every ban in force, through the client's generic paginator (listBans). */
export const runBans = async (
  client: ChatClient,
  command: Extract<OperatorCommand, { kind: 'bans' }>,
  io: CliIo,
): Promise<number> => {
  const listing = await client.listBans(command.groupId, signalOption(io));
  // Only the documented fields, in their order.
  const bans = listing.bans.map(({ Member_Account, BannedUntil }) => ({
    Member_Account,
    BannedUntil,
  }));
  printListing(
    io,
    {
      json: { groupId: command.groupId, bans, pages: listing.pages },
      records: bans,
      fields: ['Member_Account', 'BannedUntil'],
      table: {
        headers: ['ACCOUNT', 'BANNED UNTIL (UTC)'],
        cells: (ban) => [terminalText(ban.Member_Account), joinTimeText(ban.BannedUntil)],
        empty: '(no member is banned)',
      },
    },
    command.format,
    `${countOf(bans.length, 'member')} banned in ${terminalText(command.groupId)}, ${countOf(listing.pages, 'page')}`,
  );
  return exitCodes.ok;
};
