/** A ban as get_group_ban_member lists it. */
export interface BanEntry {
  /** The banned UserID. */
  account: string;
  /** Seconds since the epoch when the ban ends. */
  bannedUntil: number;
}

/** One page of bans in force. */
export interface BanPage {
  /** In the order the bans were made. */
  bans: BanEntry[];
  /** Where the next page starts; 0 when nothing is left. */
  nextOffset: number;
}

interface LogEntry extends BanEntry {
  lifted: boolean;
}

/**
 * A group's bans, in the order they were made. An offset is a position in this
 * log, which only grows: a ban that ends (by the clock or by an unban) stays as
 * a gap that pages skip, so a listing that runs while bans end or begin never
 * skips or repeats a ban that lasts through it. Banning again extends or
 * shortens the ban in place.
 */
export class BanLog {
  private readonly entries: LogEntry[] = [];
  private readonly byAccount = new Map<string, LogEntry>();

  /** The end of the account's ban, or undefined when it is not banned at `nowSeconds`. */
  bannedUntil(account: string, nowSeconds: number): number | undefined {
    const entry = this.byAccount.get(account);
    return entry && this.inForce(entry, nowSeconds) ? entry.bannedUntil : undefined;
  }

  /** Bans `account` until `bannedUntil`; a ban in force gets the new end in place. */
  ban(account: string, bannedUntil: number, nowSeconds: number): void {
    const entry = this.byAccount.get(account);
    if (entry && this.inForce(entry, nowSeconds)) {
      entry.bannedUntil = bannedUntil;
      return;
    }
    const added: LogEntry = { account, bannedUntil, lifted: false };
    this.entries.push(added);
    this.byAccount.set(account, added);
  }

  /** Lifts a ban; returns whether one was in force. */
  unban(account: string, nowSeconds: number): boolean {
    const entry = this.byAccount.get(account);
    if (!entry || !this.inForce(entry, nowSeconds)) return false;
    entry.lifted = true;
    this.byAccount.delete(account);
    return true;
  }

  /** Up to `limit` bans in force, from log position `offset`. */
  page(offset: number, limit: number, nowSeconds: number): BanPage {
    const bans: BanEntry[] = [];
    let position = offset;
    for (; position < this.entries.length && bans.length < limit; position++) {
      const entry = this.entries[position] as LogEntry;
      if (this.inForce(entry, nowSeconds))
        bans.push({ account: entry.account, bannedUntil: entry.bannedUntil });
    }
    const more = this.entries.slice(position).some((entry) => this.inForce(entry, nowSeconds));
    return { bans, nextOffset: more ? position : 0 };
  }

  private inForce(entry: LogEntry, nowSeconds: number): boolean {
    return !entry.lifted && entry.bannedUntil > nowSeconds;
  }
}
