// A room whose members come and go while a client lists it: an emulator on
// 127.0.0.1 with a manual clock and small pages, and a client whose requests
// each run one step of a churn schedule first.
import { type ChatClient, createChatClient } from '@avchatroom/client';
import {
  createManualClock,
  type ManualClock,
  type RunningEmulator,
  type SeedMember,
  startEmulator,
} from '@avchatroom/emulator';
import { ChurnDriver, type ChurnStep } from './churn-driver.js';
import { createSentinelApp, type SentinelApp, seedJoinTime } from './sentinel-app.js';

/** The client's attempt timeout: latency faults in these schedules are far longer. */
export const churnClientTimeoutMs = 1_000;
export const churnLatencyFaultMs = 3_000;

/** One member's traits; the account and join time follow from its place. */
export interface MemberTraits {
  /** Seconds before the newest join time: small ranges make many ties. */
  secondsBefore: number;
  marks: number[];
}

export const roomMembers = (traits: readonly MemberTraits[]): SeedMember[] =>
  traits.map(({ secondsBefore, marks }, index) => ({
    account: `member${index + 1}`,
    joinTime: seedJoinTime - secondsBefore,
    marks,
  }));

export interface ChurnRoomSetup {
  members: SeedMember[];
  pageSize: number;
  schedule: readonly ChurnStep[];
  /** Wraps the client's fetch after the churn (to corrupt answers in negative tests). */
  wrapFetch?: (send: typeof fetch) => typeof fetch;
}

export interface ChurnRoom {
  app: SentinelApp;
  emulator: RunningEmulator;
  clock: ManualClock;
  driver: ChurnDriver;
  client: ChatClient;
}

export const startChurnRoom = async (setup: ChurnRoomSetup): Promise<ChurnRoom> => {
  const app = createSentinelApp();
  // Joins during the listing happen after every seeded join (the clock starts an
  // hour past the newest), as they would in a live room.
  const clock = createManualClock((seedJoinTime + 3600) * 1000);
  const emulator = await startEmulator({
    seed: {
      apps: [{ sdkAppId: app.sdkAppId, secretKey: app.secretKey, admins: [app.admin] }],
      groups: [
        {
          sdkAppId: app.sdkAppId,
          groupId: app.groupId,
          type: 'AVChatRoom',
          members: setup.members,
        },
      ],
    },
    host: '127.0.0.1',
    port: 0,
    pageSize: setup.pageSize,
    clock,
    // The frequency limit is tested elsewhere; a clock that barely moves would
    // otherwise put a long listing's calls in one second.
    callsPerSecond: false,
  });
  const driver = new ChurnDriver(
    { emulator, clock, sdkAppId: app.sdkAppId, groupId: app.groupId },
    setup.schedule,
  );
  const client = createChatClient({
    sdkAppId: app.sdkAppId,
    identifier: app.admin,
    secretKey: app.secretKey,
    baseUrl: emulator.url,
    timeoutMs: churnClientTimeoutMs,
    // Listings run back to back in one process; the shared rate limit is not under test.
    rateLimit: false,
    fetch: setup.wrapFetch ? setup.wrapFetch(driver.fetch) : driver.fetch,
  });
  return { app, emulator, clock, driver, client };
};
