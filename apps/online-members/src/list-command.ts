import type { ChatClient } from '@avchatroom/client';
import type { CliIo } from './cli-io.js';
import { colorsFor } from './color.js';
import { exitCodes } from './exit-codes.js';
import { formatListing, type ListFormat } from './formats/format-listing.js';
import { listingSummary, truncationNote } from './formats/listing-summary.js';
import type { ListingView } from './formats/listing-view.js';

export interface ListRequest {
  groupId: string;
  mark: number | undefined;
}

/** Every page of a group's online members, through the client's pagination helper. */
export const fetchListing = async (
  client: ChatClient,
  request: ListRequest,
  signal: AbortSignal | undefined,
): Promise<ListingView & { fetchedAt: Date }> => {
  // Interrupted already (Ctrl-C as it starts): send nothing. The client, given an
  // aborted signal, starts a shared chain of requests and stops it at once.
  signal?.throwIfAborted();
  const listing = await client.listMembers(request.groupId, {
    ...(request.mark !== undefined && { mark: request.mark }),
    ...(signal !== undefined && { signal }),
  });
  return { groupId: request.groupId, ...listing };
};

/**
 * `list`: the listing on stdout in the chosen format. The table's summary goes
 * to stderr, so stdout holds only the table; json carries `truncated` itself,
 * and ndjson and csv get a note on stderr only when the listing is truncated.
 */
export const runList = async (
  client: ChatClient,
  request: ListRequest & { format: ListFormat },
  io: CliIo,
): Promise<number> => {
  const listing = await fetchListing(client, request, io.signal);
  io.stdout.write(formatListing(listing, request.format, colorsFor(io.stdout, io.env)));
  const stderrColors = colorsFor(io.stderr, io.env);
  if (request.format === 'table') {
    const summary = listingSummary(listing);
    io.stderr.write(
      `${listing.truncated ? stderrColors.yellow(summary) : stderrColors.dim(summary)}\n`,
    );
  } else if (request.format !== 'json') {
    const note = truncationNote(listing);
    if (note !== undefined) io.stderr.write(`${stderrColors.yellow(`truncated: ${note}`)}\n`);
  }
  return exitCodes.ok;
};
