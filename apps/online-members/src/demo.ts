import { createChatClient } from '@avchatroom/client';
import type { CliIo } from './cli-io.js';
import { colorsFor } from './color.js';
import { runDemoOperatorSteps } from './demo-operator-steps.js';
import { exitCodes } from './exit-codes.js';
import { listingSummary } from './formats/listing-summary.js';
import { formatTable } from './formats/table.js';
import { fetchListing } from './list-command.js';
import { runWatch } from './watch.js';

export interface DemoOptions {
  /** Seconds between the watch rounds. @default 2 */
  intervalSeconds?: number;
  /** Table rows to print before "… and N more". @default 15 */
  previewRows?: number;
}

// The emulator refreshes its snapshots every second here instead of the API's
// 40 s, so two watch rounds 2 s apart show the demo room's churn.
const demoSnapshotRefreshMs = 1000;

/**
 * `demo`: starts the emulator in-process with its demo seed, lists the live
 * room (the first rows only), prints its true online count and runs a mark
 * round trip, watches it for two rounds of changes after a baseline, and
 * stops the emulator. The seed's secret key goes to the client
 * in-process and is never printed.
 */
export const runDemo = async (io: CliIo, options: DemoOptions = {}): Promise<number> => {
  const colors = colorsFor(io.stdout, io.env);
  const write = (line: string) => io.stdout.write(`${line}\n`);
  // Loaded only here: list and watch never need the emulator.
  const { startEmulator } = await import('@avchatroom/emulator');
  const emulator = await startEmulator({ snapshotRefreshMs: demoSnapshotRefreshMs });
  try {
    const app = emulator.seed.apps[0];
    const identifier = app?.admins[0];
    const room = emulator.seed.groups.find(
      (group) => group.sdkAppId === app?.sdkAppId && (group.type ?? 'AVChatRoom') === 'AVChatRoom',
    );
    if (app === undefined || identifier === undefined || room === undefined) {
      throw new Error('the demo seed has no app with an admin and an AVChatRoom group');
    }
    const client = createChatClient({
      sdkAppId: app.sdkAppId,
      identifier,
      secretKey: app.secretKey,
      baseUrl: emulator.url,
    });
    const connection = `--base-url ${emulator.url} --sdk-app-id ${app.sdkAppId} --identifier ${identifier}`;
    write(
      colors.dim(
        `Emulator listening on ${emulator.url} with the demo seed (its secret key stays in this process).`,
      ),
    );
    write(colors.bold(`$ online-members list --group ${room.groupId} ${connection}`));
    const listing = await fetchListing(
      client,
      { groupId: room.groupId, mark: undefined },
      io.signal,
    );
    io.stdout.write(formatTable(listing.members, { colors, maxRows: options.previewRows ?? 15 }));
    write(colors.dim(listingSummary(listing)));
    await runDemoOperatorSteps(
      { client, groupId: room.groupId, connection, colors, io },
      listing.members,
    );
    const intervalSeconds = options.intervalSeconds ?? 2;
    write('');
    write(
      colors.bold(
        `$ online-members watch --group ${room.groupId} --interval ${intervalSeconds} --rounds 3 ${connection}`,
      ),
    );
    await runWatch(
      client,
      { groupId: room.groupId, mark: undefined, intervalSeconds, rounds: 3 },
      io,
    );
    return io.signal?.aborted ? exitCodes.interrupted : exitCodes.ok;
  } finally {
    await emulator.stop();
  }
};
