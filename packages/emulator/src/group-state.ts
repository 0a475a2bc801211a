import { BanLog } from './ban-log.js';
import type { Random } from './random.js';
import type { GroupType, SeedBan, SeedChurn, SeedCrowd, SeedMember } from './seed.js';

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

/** How often get_online_member_num's count is refreshed (the spec's x-limits). */
export interface CountRefresh {
  /** How old the count may get. */
  refreshMs: number;
  /** Smaller groups are counted at once. */
  immediateBelowMembers: number;
}

export interface GroupStateInit {
  groupId: string;
  type: GroupType;
  members: SeedMember[];
  /** Bans in force at the start. */
  bans?: SeedBan[];
  /** Live-group admins at the start. */
  admins?: string[];
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
  private countSnapshot: { takenAt: number; count: number };
  /** Bans of this group (get_group_ban_member's list). */
  readonly bans = new BanLog();
  /** Live-group admins (modify_admin): UserIDs, who need not be members. */
  readonly admins: string[];
  // Marks that survive leaving (the special mark), by account.
  private readonly keptMarks = new Map<string, Set<number>>();

  constructor(init: GroupStateInit) {
    this.groupId = init.groupId;
    this.type = init.type;
    this.admins = [...(init.admins ?? [])];
    const nowSeconds = Math.floor(init.nowMs / 1000);
    for (const ban of init.bans ?? []) this.bans.ban(ban.account, ban.bannedUntil, nowSeconds);
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
    for (const member of init.members) this.join(member, init.nowMs);
    for (let i = 0; i < (this.crowd?.count ?? 0); i++) {
      const joinedAgo = Math.floor(this.random() * (this.crowd?.joinedWithinSeconds ?? 0));
      this.join(this.makeCrowdMember(nowSeconds - joinedAgo), init.nowMs);
    }
    this.snapshot = this.takeSnapshot(init.nowMs);
    this.countSnapshot = { takenAt: init.nowMs, count: this.live.size };
  }

  /**
   * Adds a member, or moves a member who joins again to their new join time
   * (their marks are those of the new join, plus kept marks). A banned account
   * cannot join: returns false.
   */
  join(member: SeedMember, nowMs: number): boolean {
    if (this.bans.bannedUntil(member.account, Math.floor(nowMs / 1000)) !== undefined) return false;
    this.leave(member.account);
    const joined = toOnlineMember(member);
    for (const mark of this.keptMarks.get(member.account) ?? [])
      if (!joined.marks.includes(mark)) joined.marks.push(mark);
    this.live.set(member.account, joined);
    return true;
  }

  /** Removes a member and clears their marks; returns whether they were online. */
  leave(account: string): boolean {
    const member = this.live.get(account);
    // The served snapshot holds the same object: its marks are gone at once too.
    if (member) member.marks.length = 0;
    return this.live.delete(account);
  }

  /** The member online now (churn applied up to `nowMs`), if any. */
  onlineMember(account: string, nowMs: number): OnlineMember | undefined {
    this.applyChurn(nowMs);
    return this.live.get(account);
  }

  /** How many members online now carry each mark. */
  markCarriers(nowMs: number): Map<number, number> {
    this.applyChurn(nowMs);
    const carriers = new Map<number, number>();
    for (const member of this.live.values())
      for (const mark of member.marks) carriers.set(mark, (carriers.get(mark) ?? 0) + 1);
    return carriers;
  }

  /** Keeps `mark` for `account` across leaving and joining (the special mark). */
  keepMark(account: string, mark: number): void {
    const marks = this.keptMarks.get(account) ?? new Set<number>();
    marks.add(mark);
    this.keptMarks.set(account, marks);
  }

  /** Stops keeping `mark` for `account`. */
  dropKeptMark(account: string, mark: number): void {
    this.keptMarks.get(account)?.delete(mark);
  }

  /**
   * get_online_member_num's count: every member online, refreshed every
   * `refreshMs`, at once while fewer than `immediateBelowMembers` are online.
   */
  servedCount(nowMs: number, refresh: CountRefresh): number {
    this.applyChurn(nowMs);
    if (
      this.live.size < refresh.immediateBelowMembers ||
      nowMs - this.countSnapshot.takenAt >= refresh.refreshMs
    ) {
      this.countSnapshot = { takenAt: nowMs, count: this.live.size };
    }
    return this.countSnapshot.count;
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
    this.countSnapshot = { takenAt: nowMs, count: this.live.size };
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
      this.leave(leaving);
      accounts[index] = accounts[accounts.length - 1] as string;
      accounts.pop();
    }
    for (; this.joinsDone < joinsDue && this.crowd; this.joinsDone++) {
      const joinTime = Math.floor(startSeconds + (this.random() * elapsedMs) / 1000);
      this.join(this.makeCrowdMember(joinTime), nowMs);
    }
  }
}
