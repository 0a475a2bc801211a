import type { EmulatorClock } from './clock.js';
import { GroupState, type OnlineMember } from './group-state.js';
import { createRandom } from './random.js';
import type { AppEdition, EmulatorSeed, SeedApp, SeedMember } from './seed.js';

export interface EmulatorApp {
  sdkAppId: number;
  secretKey: string;
  admins: ReadonlySet<string>;
  edition: AppEdition;
}

/** The emulator's world: apps and their groups, built from a seed. */
export class EmulatorState {
  private readonly apps = new Map<number, EmulatorApp>();
  private readonly groups = new Map<string, GroupState>();
  private readonly clock: EmulatorClock;
  // Groups are made only from the seed, so they are listed once, at start.
  private readonly groupEntries: { sdkAppId: number; groupId: string; type: string }[];

  constructor(seed: EmulatorSeed, clock: EmulatorClock) {
    this.clock = clock;
    this.groupEntries = seed.groups.map(({ sdkAppId, groupId, type = 'AVChatRoom' }) => ({
      sdkAppId,
      groupId,
      type,
    }));
    const random = createRandom(seed.randomSeed ?? 1);
    for (const app of seed.apps) this.apps.set(app.sdkAppId, toApp(app));
    for (const group of seed.groups) {
      this.groups.set(
        groupKey(group.sdkAppId, group.groupId),
        new GroupState({
          groupId: group.groupId,
          type: group.type ?? 'AVChatRoom',
          members: group.members ?? [],
          ...(group.bans && { bans: group.bans }),
          ...(group.admins && { admins: group.admins }),
          ...(group.crowd && { crowd: group.crowd }),
          ...(group.churn && { churn: group.churn }),
          random,
          nowMs: clock.now(),
        }),
      );
    }
  }

  app(sdkAppId: number): EmulatorApp | undefined {
    return this.apps.get(sdkAppId);
  }

  group(sdkAppId: number, groupId: string): GroupState | undefined {
    return this.groups.get(groupKey(sdkAppId, groupId));
  }

  /** Every group, with its app. */
  groupList(): { sdkAppId: number; groupId: string; type: string }[] {
    return this.groupEntries.map((entry) => ({ ...entry }));
  }

  /** Who is online now in a group (the ground truth, not the served snapshot). */
  onlineMembers(sdkAppId: number, groupId: string): OnlineMember[] {
    return this.requireGroup(sdkAppId, groupId).onlineMembers(this.clock.now());
  }

  /** Joins a member; returns false when the account is banned from the group. */
  join(sdkAppId: number, groupId: string, member: SeedMember): boolean {
    return this.requireGroup(sdkAppId, groupId).join(member, this.clock.now());
  }

  leave(sdkAppId: number, groupId: string, account: string): boolean {
    return this.requireGroup(sdkAppId, groupId).leave(account);
  }

  /** Refreshes every group's snapshot now, as if the cache period had passed. */
  refreshSnapshots(): void {
    for (const group of this.groups.values()) group.refresh(this.clock.now());
  }

  private requireGroup(sdkAppId: number, groupId: string): GroupState {
    const group = this.group(sdkAppId, groupId);
    if (!group) throw new RangeError(`no group ${groupId} in app ${sdkAppId}`);
    return group;
  }
}

const groupKey = (sdkAppId: number, groupId: string): string => `${sdkAppId}/${groupId}`;

const toApp = (app: SeedApp): EmulatorApp => ({
  sdkAppId: app.sdkAppId,
  secretKey: app.secretKey,
  admins: new Set(app.admins),
  edition: app.edition ?? 'pro',
});
