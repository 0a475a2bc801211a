import type { Random } from './random.js';
import type { GroupType, SeedChurn, SeedCrowd, SeedMember } from './seed.js';

/** A member online in a group, as the emulator stores it. */
export interface OnlineMember {
  account: string;
  /** Seconds since the epoch. */
  joinTime: number;
  nickName?: string;
  avatar?: string;
  marks: number[];
}

/** The list as it was at one refresh: what the API serves (its 40 s business cache). */
export interface GroupSnapshot {
  /** Epoch milliseconds of the refresh. */
  takenAt: number;
  /** Newest first; ties by account, so pages are stable. */
  members: readonly OnlineMember[];
}

const newestFirst = (a: OnlineMember, b: OnlineMember): number =>
  b.joinTime - a.joinTime || (a.account < b.account ? -1 : a.account > b.account ? 1 : 0);

const toOnlineMember = (member: SeedMember): OnlineMember => ({
  account: member.account,
  joinTime: member.joinTime,
  ...(member.nickName !== undefined && { nickName: member.nickName }),
  ...(member.avatar !== undefined && { avatar: member.avatar }),
  marks: [...(member.marks ?? [])],
});

export interface GroupStateInit {
  groupId: string;
  type: GroupType;
  members: SeedMember[];
  crowd?: SeedCrowd;
  churn?: SeedChurn;
  random: Random;
  nowMs: number;
}

/** One group: who is online now (the ground truth) and the snapshot it serves. */
export class GroupState {
  readonly groupId: string;
  readonly type: GroupType;
  private readonly live = new Map<string, OnlineMember>();
  private readonly random: Random;
  private readonly crowd: Required<SeedCrowd> | undefined;
  private readonly churn: SeedChurn | undefined;
  private nextCrowdIndex = 1;
  private readonly churnStartMs: number;
  private churnedUntilMs: number;
  private joinsDone = 0;
  private leavesDone = 0;
  private snapshot: GroupSnapshot;

  constructor(init: GroupStateInit) {
    this.groupId = init.groupId;
    this.type = init.type;
    this.random = init.random;
    this.churn = init.churn;
    this.churnStartMs = init.nowMs;
    this.churnedUntilMs = init.nowMs;
    this.crowd = init.crowd && {
      accountPrefix: 'viewer',
      joinedWithinSeconds: 3600,
      markShares: {},
      ...init.crowd,
    };
    for (const member of init.members) this.join(member);
    const nowSeconds = Math.floor(init.nowMs / 1000);
    for (let i = 0; i < (this.crowd?.count ?? 0); i++) {
      const joinedAgo = Math.floor(this.random() * (this.crowd?.joinedWithinSeconds ?? 0));
      this.join(this.makeCrowdMember(nowSeconds - joinedAgo));
    }
    this.snapshot = this.takeSnapshot(init.nowMs);
  }

  /** Adds a member, or moves a member who joins again to their new join time. */
  join(member: SeedMember): void {
    this.live.set(member.account, toOnlineMember(member));
  }

  /** Removes a member; returns whether they were online. */
  leave(account: string): boolean {
    return this.live.delete(account);
  }

  /** Who is online at `nowMs` (churn applied), newest first: the ground truth. */
  onlineMembers(nowMs: number): OnlineMember[] {
    this.applyChurn(nowMs);
    return [...this.live.values()].sort(newestFirst);
  }

  /** The snapshot served at `nowMs`: refreshed when it is `refreshMs` old or older. */
  servedSnapshot(nowMs: number, refreshMs: number): GroupSnapshot {
    if (nowMs - this.snapshot.takenAt >= refreshMs) this.refresh(nowMs);
    return this.snapshot;
  }

  /** Refreshes the snapshot now. */
  refresh(nowMs: number): void {
    this.applyChurn(nowMs);
    this.snapshot = this.takeSnapshot(nowMs);
  }

  private takeSnapshot(nowMs: number): GroupSnapshot {
    return { takenAt: nowMs, members: [...this.live.values()].sort(newestFirst) };
  }

  private makeCrowdMember(joinTime: number): SeedMember {
    const crowd = this.crowd as Required<SeedCrowd>;
    const index = this.nextCrowdIndex++;
    const account = `${crowd.accountPrefix}${index}`;
    const marks = Object.entries(crowd.markShares)
      .filter(([, share]) => this.random() < share)
      .map(([mark]) => Number(mark));
    // No rule says when NickName and Avatar are filled (API doc): some have neither.
    const profile = this.random();
    return {
      account,
      joinTime: Math.max(1, joinTime),
      ...(profile < 0.9 && {
        nickName: `${crowd.accountPrefix[0]?.toUpperCase()}${crowd.accountPrefix.slice(1)} ${index}`,
      }),
      ...(profile < 0.6 && { avatar: `https://example.com/avatars/${account}.png` }),
      marks,
    };
  }

  /** Joins and leaves at the seed's rates, spread over the time since the last call. */
  private applyChurn(nowMs: number): void {
    const elapsedMs = nowMs - this.churnedUntilMs;
    if (!this.churn || elapsedMs <= 0) return;
    const startSeconds = this.churnedUntilMs / 1000;
    this.churnedUntilMs = nowMs;
    // Counted from the start rather than summed per call: adding up fractions
    // such as 10 s x 1/min drifts below whole numbers and loses members.
    const sinceStartMs = nowMs - this.churnStartMs;
    const leavesDue = Math.floor((this.churn.leavesPerMinute * sinceStartMs) / 60_000);
    const joinsDue = Math.floor((this.churn.joinsPerMinute * sinceStartMs) / 60_000);
    // One list of accounts for the whole batch, shrunk by swapping the leaver
    // with the last entry: copying the map once per leave made a long jump of a
    // manual clock quadratic.
    const accounts = leavesDue > this.leavesDone ? [...this.live.keys()] : [];
    for (; this.leavesDone < leavesDue; this.leavesDone++) {
      const index = Math.floor(this.random() * accounts.length);
      const leaving = accounts[index];
      if (leaving === undefined) continue;
      this.live.delete(leaving);
      accounts[index] = accounts[accounts.length - 1] as string;
      accounts.pop();
    }
    for (; this.joinsDone < joinsDue && this.crowd; this.joinsDone++) {
      const joinTime = Math.floor(startSeconds + (this.random() * elapsedMs) / 1000);
      this.join(this.makeCrowdMember(joinTime));
    }
  }
}
