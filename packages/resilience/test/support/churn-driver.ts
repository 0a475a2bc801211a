// Changes the room between the pages of a listing: before each request the
// client sends, members join, leave and join again, the emulator's clock moves
// (41 s passes the 40 s snapshot refresh) and a fault may be queued for that
// very request. It records the ground truth the listing is checked against.
import { getMembersLimits } from '@avchatroom/client';
import type { FaultPlan, ManualClock, RunningEmulator } from '@avchatroom/emulator';
import type { ListingTruth, OnlineRecord } from './listing-checks.js';

/** What happens before one request (retries included: each is a request). */
export interface ChurnStep {
  /** New accounts joining now; each entry is the marks of one of them. */
  joins: number[][];
  /** Members leaving: each pick is an index into the online list, modulo its length. */
  leaves: number[];
  /** Members joining again, with a new join time: picks like `leaves`. */
  rejoins: number[];
  /** How far the emulator's manual clock moves. */
  advanceMs: number;
  /** A fault for this very request. */
  fault?: FaultPlan | undefined;
}

export interface ChurnTarget {
  emulator: RunningEmulator;
  clock: ManualClock;
  sdkAppId: number;
  groupId: string;
}

export class ChurnDriver {
  requests = 0;
  joins = 0;
  leaves = 0;
  rejoins = 0;
  faults = 0;
  advancedMs = 0;
  /** Joins left out so the room stays within the 1,000 members the API lists. */
  joinsSkippedAtCap = 0;
  private readonly startOnline = new Set<string>();
  private readonly disturbed = new Set<string>();
  private readonly everOnline = new Map<string, OnlineRecord>();
  private nextJoiner = 1;

  constructor(
    private readonly target: ChurnTarget,
    private readonly schedule: readonly ChurnStep[],
  ) {
    for (const member of this.online()) {
      this.startOnline.add(member.account);
      this.record(member.account, member.joinTime, member.marks);
    }
  }

  /** The client's `fetch`: runs the step for this request, then sends it. */
  readonly fetch: typeof fetch = (input, init) => {
    const step = this.schedule[this.requests];
    this.requests += 1;
    if (step) this.apply(step);
    return globalThis.fetch(input, init);
  };

  /** The ground truth, once the listing is over. */
  truth(): ListingTruth {
    const wholeListing = new Map<string, readonly number[]>();
    for (const member of this.online()) {
      if (this.startOnline.has(member.account) && !this.disturbed.has(member.account))
        wholeListing.set(member.account, member.marks);
    }
    const perSecond = new Map<number, number>();
    for (const { joinTimes } of this.everOnline.values()) {
      for (const time of joinTimes) perSecond.set(time, (perSecond.get(time) ?? 0) + 1);
    }
    return {
      wholeListing,
      everOnline: this.everOnline,
      largestTie: Math.max(1, ...perSecond.values()),
    };
  }

  private online() {
    return this.target.emulator.state.onlineMembers(this.target.sdkAppId, this.target.groupId);
  }

  private apply(step: ChurnStep): void {
    const { emulator, clock, sdkAppId, groupId } = this.target;
    clock.advance(step.advanceMs);
    this.advancedMs += step.advanceMs;
    const now = Math.floor(clock.now() / 1000);
    for (const pick of step.leaves) {
      const online = this.online();
      const leaving = online[pick % Math.max(1, online.length)];
      if (!leaving) continue;
      emulator.state.leave(sdkAppId, groupId, leaving.account);
      this.disturbed.add(leaving.account);
      this.leaves += 1;
    }
    for (const pick of step.rejoins) {
      const online = this.online();
      const returning = online[pick % Math.max(1, online.length)];
      if (!returning) continue;
      emulator.state.join(sdkAppId, groupId, { ...returning, joinTime: now });
      this.disturbed.add(returning.account);
      this.record(returning.account, now, returning.marks);
      this.rejoins += 1;
    }
    for (const marks of step.joins) {
      // Stay within the 1,000 latest the API lists (x-limits.maxMembers): past
      // it, older members drop out of the listing by design.
      if (this.online().length >= getMembersLimits.maxMembers) {
        this.joinsSkippedAtCap += 1;
        continue;
      }
      const account = `joiner${this.nextJoiner++}`;
      emulator.state.join(sdkAppId, groupId, { account, joinTime: now, marks });
      this.record(account, now, marks);
      this.joins += 1;
    }
    if (step.fault) {
      emulator.faults.add(step.fault);
      this.faults += step.fault.times ?? 1;
    }
  }

  private record(account: string, joinTime: number, marks: readonly number[]): void {
    const entry = this.everOnline.get(account);
    if (entry) entry.joinTimes.add(joinTime);
    else this.everOnline.set(account, { marks: [...marks], joinTimes: new Set([joinTime]) });
  }
}
