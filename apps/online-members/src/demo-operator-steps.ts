import { type ChatClient, getMembersLimits, type OnlineMember } from '@avchatroom/client';
import type { CliIo } from './cli-io.js';
import type { Colors } from './color.js';
import { fetchOnlineCount } from './commands/count-command.js';
import { runMark } from './commands/mark-command.js';
import { listingSummary } from './formats/listing-summary.js';
import { formatTable } from './formats/table.js';
import { fetchListing } from './list-command.js';
import { terminalText } from './terminal-text.js';

/** A custom mark the demo seed does not use, so `list --mark` shows only the demo's member. */
export const demoMark = 1500;

export interface DemoStepsContext {
  client: ChatClient;
  groupId: string;
  /** The connection flags, as the printed commands show them. */
  connection: string;
  colors: Colors;
  io: CliIo;
}

/**
 * The demo's operator steps: the true online count beside the members listed
 * (at most the 1,000 latest), then a mark round trip on the newest listed
 * member: set it, list the members carrying it, delete it.
 */
export const runDemoOperatorSteps = async (
  context: DemoStepsContext,
  listed: readonly OnlineMember[],
): Promise<void> => {
  const { client, groupId, connection, colors, io } = context;
  const write = (line: string) => io.stdout.write(`${line}\n`);
  const command = (text: string) => write(colors.bold(`$ online-members ${text} ${connection}`));
  write('');
  command(`count --group ${groupId}`);
  const count = await fetchOnlineCount(client, groupId, io);
  write(
    `${count.toLocaleString('en-US')} members online in ${groupId} (list showed ${listed.length.toLocaleString('en-US')}: the API lists at most the ${getMembersLimits.maxMembers.toLocaleString('en-US')} latest)`,
  );
  const member = listed[0]?.Member_Account;
  if (member === undefined) return;
  const shown = terminalText(member);
  const mark = { groupId, mark: demoMark, members: [member], format: 'table' as const };
  const connectionFlags = {};
  write('');
  command(`mark set --group ${groupId} --mark ${demoMark} --member ${shown}`);
  await runMark(client, { kind: 'mark', action: 'set', ...mark, connection: connectionFlags }, io);
  command(`list --group ${groupId} --mark ${demoMark}`);
  const marked = await fetchListing(client, { groupId, mark: demoMark }, io.signal);
  io.stdout.write(formatTable(marked.members, { colors }));
  write(colors.dim(listingSummary(marked)));
  command(`mark delete --group ${groupId} --mark ${demoMark} --member ${shown}`);
  await runMark(
    client,
    { kind: 'mark', action: 'delete', ...mark, connection: connectionFlags },
    io,
  );
};
