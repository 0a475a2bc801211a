import { type ChatClient, getMembersLimits, type OnlineMember } from '@avchatroom/client';
import type { CliIo } from './cli-io.js';
import { colorsFor } from './color.js';
import { exitCodes } from './exit-codes.js';
import { truncationNote } from './formats/listing-summary.js';
import { joinTimeText } from './formats/table.js';
import { fetchListing, type ListRequest } from './list-command.js';
import { diffMembers } from './member-diff.js';
import { terminalText } from './terminal-text.js';

export interface WatchRequest extends ListRequest {
  /**
   * Seconds between rounds.
   * @default the API's snapshot period (x-limits.snapshotRefreshSeconds): a
   * shorter interval mostly sees the same snapshot again.
   */
  intervalSeconds?: number | undefined;
  /** Rounds to run, the baseline included. @default until the signal aborts */
  rounds?: number | undefined;
}

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

const timeOf = (date: Date) => joinTimeText(Math.floor(date.getTime() / 1000));

/**
 * `watch`: lists the group each round and prints `+ account` for who joined
 * and `- account` for who left since the previous round. Stops after `rounds`
 * or when `io.signal` aborts (SIGINT), both with exit code 0.
 */
export const runWatch = async (
  client: ChatClient,
  request: WatchRequest,
  io: CliIo,
): Promise<number> => {
  const intervalMs = (request.intervalSeconds ?? getMembersLimits.snapshotRefreshSeconds) * 1000;
  const colors = colorsFor(io.stdout, io.env);
  const write = (line: string) => io.stdout.write(`${line}\n`);
  let previous: readonly OnlineMember[] | undefined;
  let warnedAboutCap = false;
  for (let round = 1; request.rounds === undefined || round <= request.rounds; round++) {
    if (round > 1) await io.sleep(intervalMs, io.signal);
    if (io.signal?.aborted) break;
    let listing: Awaited<ReturnType<typeof fetchListing>>;
    try {
      listing = await fetchListing(client, request, io.signal);
    } catch (error) {
      if (io.signal?.aborted) break;
      throw error;
    }
    const time = colors.dim(timeOf(listing.fetchedAt));
    const note = truncationNote(listing);
    if (note !== undefined && !warnedAboutCap) {
      warnedAboutCap = true;
      write(
        colors.yellow(
          `note: ${note}; changes beyond them are not visible, and a member pushed past the cap by newer joins shows as a leave (-)`,
        ),
      );
    }
    if (previous === undefined) {
      write(`${time} baseline: ${listing.members.length} online`);
    } else {
      const { joined, left } = diffMembers(previous, listing.members);
      write(
        `${time} round ${round}: ${plural(joined.length, 'join')}, ${plural(left.length, 'leave')}, ${listing.members.length} online`,
      );
      for (const account of joined) write(colors.green(`+ ${terminalText(account)}`));
      for (const account of left) write(colors.red(`- ${terminalText(account)}`));
    }
    previous = listing.members;
  }
  return exitCodes.ok;
};
